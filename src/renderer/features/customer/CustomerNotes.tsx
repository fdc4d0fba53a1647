import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerNotes, MAX_CUSTOMER_NOTE, type Customer } from '../../../shared/domain';
import type { LocalChange } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import type { OrgReference } from '../case/useOrgReference';

/**
 * Notes staff keep on a customer, shared with everyone who sees them, newest first. A note is written offline too:
 * it shows at once, marked until the hub has it.
 */
export function CustomerNotes({ customer, org }: { customer: Customer & { local: LocalChange[] }; org: OrgReference }) {
  const { t, i18n } = useTranslation('customer');
  const api = useApi();
  const [text, setText] = useState('');
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const unsent = new Set(customer.local.filter((l) => l.type === 'customer.note' && l.state !== 'acked').map((l) => l.mutationId));
  const notes = [...customerNotes(customer)].reverse();

  const add = async () => {
    if (text.trim() === '' || busy) return;
    setBusy(true);
    const result = await api.invoke('customer.note', { customerId: customer.id, text });
    setBusy(false);
    if (result.ok) setText('');
    setError(result.ok ? null : result.error);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="customer-notes-title">
      <Title order={3} size="h5" id="customer-notes-title" mb="sm">
        {t('notes.title')}
      </Title>
      <Stack gap="xs">
        <Textarea
          label={t('notes.new')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={MAX_CUSTOMER_NOTE}
          value={text}
          error={error ? errorText(t, error) : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void add();
            }
          }}
        />
        <Group justify="flex-end">
          <Button size="xs" loading={busy} disabled={text.trim() === ''} onClick={() => void add()}>
            {t('notes.add')}
          </Button>
        </Group>
        {notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notes.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" aria-label={t('notes.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {notes.map((n) => (
              <li key={n.id}>
                <Text size="xs" c="dimmed">
                  {t('notes.by', { name: org.staffName(n.authorId) ?? t('notes.someone'), when: formatDateTime(i18n.language, n.createdAt) })}
                  {unsent.has(n.id) ? ` · ${t('notes.unsent')}` : ''}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {n.text}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
