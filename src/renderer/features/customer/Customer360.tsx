import { Alert, Anchor, Button, CloseButton, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptsSurveys, isSupervising, type Customer } from '../../../shared/domain';
import { StatusBadge } from '../../components/StatusBadge';
import { ChannelIcon } from '../../components/ChannelIcon';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { useOrgReference } from '../case/useOrgReference';
import { ContactForm } from './ContactForm';
import { CustomerNotes } from './CustomerNotes';
import { MergeCustomer } from './MergeCustomer';
import { SurveyConsentSwitch } from './SurveyConsentSwitch';
import { SurveyScoreCell } from '../survey/SurveyScoreCell';
import { useSurveyAnswers } from '../survey/useSurveyAnswers';
import { contactValuesOf } from './contactForm';

const CONSENT_KINDS = ['email', 'sms', 'marketing', 'surveys'] as const;
const agreedTo = (c: Pick<Customer, 'consent'>, kind: (typeof CONSENT_KINDS)[number]): boolean => (kind === 'surveys' ? acceptsSurveys(c) : c.consent[kind]);

function Field({ label, values }: { label: string; values: readonly string[] }) {
  const { t } = useTranslation('customer');
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed">
        {label}
      </Text>
      {values.length === 0 ? <Text size="sm" c="dimmed">{t('profile.none')}</Text> : values.map((v) => <Text size="sm" key={v}>{v}</Text>)}
    </Stack>
  );
}

/**
 * Customer 360: profile, identities, store, language, tags, the notes staff keep on the customer, and every case
 * with its status, survey score and comment. Supervisors merge a duplicate record into this one. Esc closes.
 */
export function Customer360({ customerId, onOpenCase, onClose }: { customerId: string; onOpenCase(caseId: string): void; onClose(): void }) {
  const { t, i18n } = useTranslation('customer');
  const api = useApi();
  const org = useOrgReference();
  const session = useChannel('session.current', {}, { refreshOn: () => false });
  const supervising = session.data ? isSupervising(session.data.staff.role) : false;
  const view = useChannel('customer.view', { customerId }, {
    refreshOn: (c) => c.outbox || c.entities.customer?.includes(customerId) === true || c.entities.case !== undefined,
  });
  const [editing, setEditing] = useState(false);
  const [saveError, setSaveError] = useState<{ code: string; message: string } | null>(null);
  const data = view.data?.customer.id === customerId ? view.data : undefined;
  const answers = useSurveyAnswers(data?.cases ?? []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) onClose();
  };

  if (!data) {
    return view.error ? (
      <Alert color="red" role="alert" m="md" title={t('view.failed')}>
        {errorText(t, view.error)}
      </Alert>
    ) : (
      <Loader m="md" size="sm" aria-label={t('view.loading')} />
    );
  }
  const { customer, cases } = data;
  const sorted = [...cases].sort((a, b) => b.updatedAt - a.updatedAt);
  const pending = customer.local.some((l) => l.state === 'pending' || l.state === 'sending');
  const refused = customer.local.find((l) => l.state === 'rejected');

  return (
    <Stack p="md" gap="md" component="section" aria-labelledby="customer-title" onKeyDown={onKeyDown}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Title order={2} id="customer-title">
            {customer.name}
          </Title>
          {pending ? <Text size="sm" fw={700}>{t('profile.pending')}</Text> : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {supervising && customer.mergedInto === null ? <MergeCustomer customer={customer} /> : null}
          <CloseButton aria-label={t('view.close')} onClick={onClose} />
        </Group>
      </Group>
      {refused ? (
        <Alert color="red" title={t('profile.refused')}>
          <Text size="sm">{t(`profile.refusedReason.${refused.reason === 'identity-taken' || refused.reason === 'stale' ? refused.reason : 'other'}`)}</Text>
          {refused.message ? (
            <Text size="xs" c="dimmed">
              {refused.message}
            </Text>
          ) : null}
          <Group mt="xs">
            <Button size="xs" onClick={() => void api.invoke('outbox.retry', { mutationId: refused.mutationId })}>
              {t('profile.retry')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => void api.invoke('outbox.discard', { mutationId: refused.mutationId })}>
              {t('profile.discard')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Paper withBorder p="md" component="section" aria-labelledby="customer-profile-title">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5" id="customer-profile-title">
            {t('profile.title')}
          </Title>
          {editing ? null : (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t('profile.edit')}
            </Button>
          )}
        </Group>
        {editing ? (
          <>
            <ContactForm
              initial={contactValuesOf(customer)}
              submitLabel={t('form.save')}
              onCancel={() => setEditing(false)}
              onSubmit={async (patch) => {
                const result = await api.invoke('customer.update', { customerId, patch });
                if (result.ok) setEditing(false);
                setSaveError(result.ok ? null : result.error);
              }}
            />
            {saveError ? (
              <Alert color="red" role="alert" mt="sm">
                {errorText(t, saveError)}
              </Alert>
            ) : null}
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('form.emails')} values={customer.emails} />
            <Field label={t('form.phones')} values={customer.phones} />
            <Field label={t('form.loyalty')} values={customer.loyaltyNumber ? [customer.loyaltyNumber] : []} />
            <Field label={t('profile.handles')} values={customer.handles} />
            <Field label={t('form.language')} values={[LANGUAGE_NAMES[customer.language]]} />
            <Field label={t('profile.store')} values={customer.storeId ? [org.storeName(customer.storeId) ?? customer.storeId] : []} />
            <Field label={t('profile.tags')} values={customer.tags} />
            <Stack gap="xs">
              <Field label={t('profile.consent')} values={CONSENT_KINDS.filter((k) => agreedTo(customer, k)).map((k) => t(`profile.consentKind.${k}`))} />
              <SurveyConsentSwitch customer={customer} />
            </Stack>
            <Field label={t('profile.since')} values={[formatDateTime(i18n.language, customer.createdAt)]} />
          </SimpleGrid>
        )}
      </Paper>
      <CustomerNotes customer={customer} org={org} />
      <Stack gap="xs" component="section" aria-labelledby="customer-cases-title">
        <Title order={3} size="h5" id="customer-cases-title">
          {t('cases.title', { count: cases.length })}
        </Title>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.subject')}</Table.Th>
              <Table.Th>{t('cases.status')}</Table.Th>
              <Table.Th>{t('cases.channels')}</Table.Th>
              <Table.Th>{t('cases.csat')}</Table.Th>
              <Table.Th>{t('cases.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => onOpenCase(c.id)}>
                    {c.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {c.channels.map((ch) => (
                      <ChannelIcon key={ch} channel={ch} size={16} />
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SurveyScoreCell score={c.csatScore} answer={answers.get(c.id)} />
                </Table.Td>
                <Table.Td>{formatDateTime(i18n.language, c.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
