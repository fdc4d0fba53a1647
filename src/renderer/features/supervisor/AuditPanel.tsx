import { Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/domain';
import { errorText } from '../../lib/errorText';
import { formatWhen } from '../../lib/format';
import { useChannel } from '../../lib/api/useChannel';
import type { SupervisorData } from './useSupervisorData';

const ANY = '';
/** Newest entries asked of the hub at once. */
const LIMIT = 500;

/** Who moved or changed what and when, filtered by person, queue and case (asked of the hub: needs the link). */
export function AuditPanel({ data }: { data: SupervisorData }) {
  const { t, i18n } = useTranslation('supervisor');
  const [actorId, setActorId] = useState(ANY);
  const [queueId, setQueueId] = useState(ANY);
  const [caseId, setCaseId] = useState('');
  const audit = useChannel(
    'audit.query',
    { limit: LIMIT, ...(actorId && { actorId }), ...(queueId && { queueId }), ...(caseId.trim() && { caseId: caseId.trim() }) },
    // The trail grows with every applied action; my own show up when the outbox settles.
    { refreshOn: (c) => c.outbox || Boolean(c.entities.case || c.entities.staff || c.entities.alert) },
  );
  const staff = data.org.data?.staff ?? [];
  const queues = data.org.data?.queues ?? [];
  const staffName = (id: unknown) => (typeof id === 'string' ? (staff.find((s) => s.id === id)?.name ?? id) : t('reassign.unassigned'));
  const queueName = (id: unknown) => (typeof id === 'string' ? (queues.find((q) => q.id === id)?.name ?? id) : '');
  const describe = (e: AuditEntry): string => {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    if (e.action === 'case.reassign') {
      const side = (s: Record<string, unknown>) => (s.assigneeId ? staffName(s.assigneeId) : t('audit.inQueue', { queue: queueName(s.queueId) }));
      return t('audit.detail.reassign', { from: side(before), to: side(after) });
    }
    if (e.action === 'staff.status') return t('audit.detail.status', { name: staffName(e.targetId), from: t(`shell:status.${String(before.status)}`), to: t(`shell:status.${String(after.status)}`) });
    if (e.action.startsWith('staff.')) return t('audit.detail.staff', { name: staffName(e.targetId) });
    return t('audit.detail.target', { id: e.targetId });
  };

  return (
    <Stack p="md">
      <Group align="flex-end">
        <NativeSelect
          label={t('audit.person')}
          value={actorId}
          onChange={(e) => setActorId(e.currentTarget.value)}
          data={[{ value: ANY, label: t('audit.anyone') }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
        />
        <NativeSelect
          label={t('audit.queue')}
          value={queueId}
          onChange={(e) => setQueueId(e.currentTarget.value)}
          data={[{ value: ANY, label: t('reassign.anyQueue') }, ...queues.map((q) => ({ value: q.id, label: q.name }))]}
        />
        <TextInput label={t('audit.case')} value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)} />
      </Group>
      {audit.error && (
        <Text role="alert" c="red.9" size="sm">
          {errorText(t, audit.error)}
        </Text>
      )}
      <Text size="sm" data-testid="audit-count" aria-live="polite">
        {t('audit.count', { count: audit.data?.entries.length ?? 0 })}
      </Text>
      <Table striped withTableBorder>
        <Table.Caption>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(['when', 'who', 'action', 'detail', 'case'] as const).map((k) => (
              <Table.Th key={k} scope="col">
                {t(`audit.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(audit.data?.entries ?? []).map((e) => (
            <Table.Tr key={e.id} data-testid="audit-entry">
              <Table.Td>{formatWhen(i18n.language, e.at, data.now)}</Table.Td>
              <Table.Td>{staffName(e.actorId)}</Table.Td>
              <Table.Td>{t(`audit.action.${e.action}`)}</Table.Td>
              <Table.Td>{describe(e)}</Table.Td>
              <Table.Td>{e.caseId ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
