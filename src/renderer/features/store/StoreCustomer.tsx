import { Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenCase } from '../../../shared/domain';
import { ChannelIcon } from '../../components/ChannelIcon';
import { StatusBadge } from '../../components/StatusBadge';
import { useChannel } from '../../lib/api/useChannel';
import { formatDateTime } from '../../lib/format';
import { ContinueInStore } from './ContinueInStore';

/** The customer found at the counter: their open cases (newest first), one of which can be continued here. */
export function StoreCustomer({ customerId, onOpenCase }: { customerId: string; onOpenCase(caseId: string): void }) {
  const { t, i18n } = useTranslation('store');
  const view = useChannel('customer.view', { customerId }, {
    refreshOn: (c) => c.entities.customer?.includes(customerId) === true || c.entities.case !== undefined,
  });
  const open = (view.data?.cases ?? []).filter(isOpenCase).sort((a, b) => b.updatedAt - a.updatedAt);
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen ?? (open.length === 1 ? (open[0]?.id ?? null) : null);
  if (!view.data) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="store-customer-title">
      <Title order={3} size="h4" id="store-customer-title">
        {t('customer.openCases', { name: view.data.customer.name, count: open.length })}
      </Title>
      {open.length === 0 ? <Text c="dimmed">{t('customer.noOpenCases')}</Text> : null}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {open.map((c) => (
          <li key={c.id}>
            <Paper withBorder bg={selected === c.id ? 'var(--mantine-color-blue-light)' : undefined}>
              <UnstyledButton onClick={() => setChosen(c.id)} aria-pressed={selected === c.id} p="sm" w="100%" data-case-id={c.id}>
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="xs" wrap="nowrap">
                    <ChannelIcon channel={c.originChannel} />
                    <Text fw={600}>{c.subject}</Text>
                  </Group>
                  <StatusBadge status={c.status} />
                </Group>
                <Group gap="xs" mt={4}>
                  <Text size="xs" fw={700}>
                    {t('customer.began', { channel: t(`channel.${c.originChannel}`, { ns: 'common' }) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('customer.updated', { when: formatDateTime(i18n.language, c.updatedAt) })}
                  </Text>
                </Group>
              </UnstyledButton>
            </Paper>
          </li>
        ))}
      </Stack>
      {selected ? <ContinueInStore key={selected} caseId={selected} onContinued={onOpenCase} /> : null}
    </Stack>
  );
}
