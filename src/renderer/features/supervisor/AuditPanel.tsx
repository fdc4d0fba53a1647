import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_GROUPS, type AuditEntry, type AuditGroup } from '../../../shared/domain';
import type { InputOf } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { toCsv } from '../../lib/csv';
import { errorText } from '../../lib/errorText';
import { formatDateTime, formatWhen } from '../../lib/format';
import { saveFile, toBase64 } from '../case/attachmentData';
import { AuditCasePicker, type PickedCase } from './AuditCasePicker';
import { actorName, auditSentence, caseLabel, type AuditNames } from './auditSentence';
import { startOfDay, type SupervisorData } from './useSupervisorData';

const ANY = '';
/** Entries asked of the hub at once; "Load older" asks for as many more. */
export const AUDIT_PAGE = 100;
/** Periods offered, by the number of calendar days they reach back (today included); any time has none. */
const PERIODS = { today: 1, week: 7, month: 30 } as const;
type Period = keyof typeof PERIODS | typeof ANY;

/** Pages read with "Load older", after the newest page whose last entry is `fromId`. */
interface OlderPages {
  fromId: string | null;
  entries: AuditEntry[];
  subjects: Record<string, string>;
  done: boolean;
  error?: { code: string; message: string };
}
const NO_OLDER: OlderPages = { fromId: null, entries: [], subjects: {}, done: false };

/** Midnight `days - 1` calendar days before `now`'s day, on this workstation's clock (a DST day is still one day). */
function periodStart(now: number, days: number): number {
  const d = new Date(startOfDay(now));
  d.setDate(d.getDate() - (days - 1));
  return d.getTime();
}

/**
 * The whole trail (replies, notes, takes and hand-backs, store visits, status and priority, deliveries that
 * failed, supervisor and admin actions), filtered by person, case, queue, kind and period, read as sentences in
 * the UI language with times on this workstation's clock, older pages on request, exported as CSV. Asked of the
 * hub: it needs the link.
 */
export function AuditPanel({ data }: { data: SupervisorData }) {
  const { t, i18n } = useTranslation('supervisor');
  const api = useApi();
  const [actorId, setActorId] = useState(ANY);
  const [queueId, setQueueId] = useState(ANY);
  const [group, setGroup] = useState<AuditGroup | typeof ANY>(ANY);
  const [period, setPeriod] = useState<Period>(ANY);
  const [picked, setPicked] = useState<PickedCase | null>(null);
  const [older, setOlder] = useState<OlderPages>(NO_OLDER);
  // The day, not the second: the filter (and so the query) stays the same while the clock ticks.
  const day = startOfDay(data.now);
  const filter = useMemo(
    () => ({
      ...(actorId && { actorId }),
      ...(queueId && { queueId }),
      ...(picked && { caseId: picked.id }),
      ...(group && { group }),
      ...(period && { from: periodStart(day, PERIODS[period]) }),
    }),
    [actorId, queueId, picked, group, period, day],
  );
  const audit = useChannel(
    'audit.query',
    { limit: AUDIT_PAGE, ...filter },
    // The trail grows with every applied action; my own show up when the outbox settles.
    { refreshOn: (c) => c.outbox || Boolean(c.entities.case || c.entities.interaction || c.entities.staff || c.entities.alert || c.entities.delivery) },
  );
  // Older pages belong to one filter: a new filter starts from the newest page again.
  const [olderOf, setOlderOf] = useState(filter);
  if (olderOf !== filter) {
    setOlderOf(filter);
    setOlder(NO_OLDER);
  }

  const staff = data.org.data?.staff ?? [];
  const queues = data.org.data?.queues ?? [];
  const stores = data.org.data?.stores ?? [];
  const first = audit.data?.entries ?? [];
  // Older pages continue the newest page as it was when they were read; once newer entries pushed some of it
  // out, they no longer join it (a gap), and reading older starts again from the newest page's end.
  const joined = older.fromId !== null && older.fromId === first[first.length - 1]?.id;
  const entries = joined ? [...first, ...older.entries] : first;
  const subjects = { ...audit.data?.caseSubjects, ...older.subjects };
  const names: AuditNames = {
    staff: (id) => staff.find((s) => s.id === id)?.name,
    queue: (id) => queues.find((q) => q.id === id)?.name,
    store: (id) => stores.find((s) => s.id === id)?.name,
    caseSubject: (id) => subjects[id] ?? data.casesById.get(id)?.subject,
  };
  const queueName = (id: string | null) => (id ? (names.queue(id) ?? '') : '');
  const mayHaveOlder = first.length === AUDIT_PAGE && !(joined && older.done);

  const loadOlder = async () => {
    const base = joined ? older : { ...NO_OLDER, fromId: first[first.length - 1].id };
    const last = entries[entries.length - 1];
    const input: InputOf<'audit.query'> = { limit: AUDIT_PAGE, ...filter, before: last.at, beforeId: last.id };
    const result = await api.invoke('audit.query', input);
    if (!result.ok) return setOlder({ ...base, error: result.error });
    const page = result.value;
    setOlder({ fromId: base.fromId, entries: [...base.entries, ...page.entries], subjects: { ...base.subjects, ...page.caseSubjects }, done: page.entries.length < AUDIT_PAGE });
  };

  const exportCsv = () => {
    const header = (['when', 'who', 'action', 'entry', 'case', 'queue'] as const).map((k) => t(`audit.csv.${k}`));
    const rows = entries.map((e) => [formatDateTime(i18n.language, e.at), actorName(t, names, e.actorId), t(`audit.action.${e.action}`), auditSentence(t, names, e), caseLabel(t, names, e.caseId), queueName(e.queueId)]);
    const bytes = new TextEncoder().encode(toCsv([header, ...rows]));
    saveFile(`${t('audit.csv.file')}-${new Date(data.now).toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8', toBase64(bytes));
  };

  const error = audit.error ?? older.error;
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
        <NativeSelect
          label={t('audit.kind')}
          value={group}
          onChange={(e) => setGroup(e.currentTarget.value as AuditGroup | typeof ANY)}
          data={[{ value: ANY, label: t('audit.anyKind') }, ...AUDIT_GROUPS.map((g) => ({ value: g, label: t(`audit.group.${g}`) }))]}
        />
        <NativeSelect
          label={t('audit.period')}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value as Period)}
          data={[{ value: ANY, label: t('audit.anyTime') }, ...Object.keys(PERIODS).map((p) => ({ value: p, label: t(`audit.periods.${p}`) }))]}
        />
        <AuditCasePicker known={data.casesById} picked={picked} onPick={setPicked} />
      </Group>
      {error && (
        <Text role="alert" c="red.9" size="sm">
          {errorText(t, error)}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm" data-testid="audit-count" aria-live="polite">
          {t('audit.count', { count: entries.length })}
        </Text>
        <Button size="compact-sm" variant="default" onClick={exportCsv} disabled={entries.length === 0}>
          {t('audit.export')}
        </Button>
      </Group>
      <Table striped withTableBorder>
        <Table.Caption>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(['when', 'entry', 'case', 'queue'] as const).map((k) => (
              <Table.Th key={k} scope="col">
                {t(`audit.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-testid="audit-entry">
              <Table.Td>{formatWhen(i18n.language, e.at, data.now)}</Table.Td>
              <Table.Td>{auditSentence(t, names, e)}</Table.Td>
              <Table.Td>{caseLabel(t, names, e.caseId)}</Table.Td>
              <Table.Td>{queueName(e.queueId)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mayHaveOlder && (
        <Button variant="default" onClick={() => void loadOlder()} style={{ alignSelf: 'flex-start' }}>
          {t('audit.loadOlder')}
        </Button>
      )}
    </Stack>
  );
}
