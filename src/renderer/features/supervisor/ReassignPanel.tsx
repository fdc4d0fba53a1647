import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOpenCase } from '../../../shared/domain';
import type { AssignTarget } from '../../../shared/protocol';
import { foldText } from '../../../shared/text/fold';
import { SlaCountdown } from '../../components/SlaCountdown';
import { StatusBadge } from '../../components/StatusBadge';
import { useApi } from '../../lib/api/useApi';
import { moveWarning } from './assignTarget';
import { byUrgency } from './caseUrgency';
import { MoveOutcomes } from './MoveOutcomes';
import { MoveWarningNote, TargetSelect } from './TargetSelect';
import { useCaseSelection } from './useCaseSelection';
import type { SupervisorData } from './useSupervisorData';
import type { useTrackedMoves } from './useTrackedMoves';

const ANY = '';
const UNASSIGNED = '-';
/** Rows drawn at once; "select all" still takes every case the filter lets through. */
const SHOWN_ROWS = 200;

/**
 * Open cases of every queue, most urgent first (reply deadline, then priority), filtered, selected (one, some,
 * or all that match) and moved to an agent or a queue, with a warning first when the person is not there or
 * would be over capacity.
 */
export function ReassignPanel({ data, moves, onOpenCase }: { data: SupervisorData; moves: ReturnType<typeof useTrackedMoves>; onOpenCase(caseId: string): void }) {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const [queueId, setQueueId] = useState(ANY);
  const [assignee, setAssignee] = useState(ANY);
  const [text, setText] = useState('');
  const [to, setTo] = useState<AssignTarget | null>(null);
  const staff = data.org.data?.staff ?? [];
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const queueName = new Map((data.org.data?.queues ?? []).map((q) => [q.id, q.name]));

  const all = useMemo(() => (data.dashboard.data?.cases ?? []).map((c) => c.case), [data.dashboard.data]);
  const rows = useMemo(() => {
    const needle = foldText(text.trim());
    return (data.dashboard.data?.cases ?? [])
      .filter(
        ({ case: c, customerName }) =>
          isOpenCase(c) &&
          (queueId === ANY || c.queueId === queueId) &&
          (assignee === ANY || (assignee === UNASSIGNED ? c.assigneeId === null : c.assigneeId === assignee)) &&
          (!needle || foldText(`${customerName ?? ''} ${c.subject} ${c.id}`).includes(needle)),
      )
      .sort((a, b) => byUrgency(a.case, b.case));
  }, [data.dashboard.data, queueId, assignee, text]);
  const ids = useMemo(() => rows.map((r) => r.case.id), [rows]);
  const selection = useCaseSelection(ids);
  const selectedCases = useMemo(() => {
    const picked = new Set(selection.selected);
    return rows.filter((r) => picked.has(r.case.id)).map((r) => r.case);
  }, [rows, selection.selected]);
  // Counted once per change of target or selection, not on every tick of the clock.
  const orgStaff = data.org.data?.staff;
  const warning = useMemo(() => moveWarning(to, orgStaff ?? [], all, selectedCases), [to, orgStaff, all, selectedCases]);
  const nameOf = (caseId: string) => rows.find((r) => r.case.id === caseId)?.customerName ?? data.dashboard.data?.cases.find((r) => r.case.id === caseId)?.customerName ?? t('unknownCustomer');

  const move = async () => {
    if (!to || !selection.selected.length) return;
    const caseIds = selection.selected;
    const result = await api.invoke('supervisor.reassign', { caseIds, to });
    if (result.ok) {
      moves.track(result.value.mutationId, caseIds, to);
      selection.clear();
    }
  };

  return (
    <Stack p="md" gap="md">
      <Group align="flex-end">
        <NativeSelect
          label={t('reassign.queue')}
          value={queueId}
          onChange={(e) => setQueueId(e.currentTarget.value)}
          data={[{ value: ANY, label: t('reassign.anyQueue') }, ...(data.org.data?.queues ?? []).map((q) => ({ value: q.id, label: q.name }))]}
        />
        <NativeSelect
          label={t('reassign.assignee')}
          value={assignee}
          onChange={(e) => setAssignee(e.currentTarget.value)}
          data={[
            { value: ANY, label: t('reassign.anyone') },
            { value: UNASSIGNED, label: t('reassign.unassigned') },
            ...staff.filter((s) => s.role !== 'store').map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <TextInput label={t('reassign.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </Group>
      <Group align="flex-end">
        {data.org.data && <TargetSelect org={data.org.data} cases={all} value={to} onChange={setTo} />}
        <Button disabled={!to || !selection.selected.length} onClick={() => void move()}>
          {t(warning && selection.selected.length > 0 ? 'reassign.moveAnyway' : 'reassign.move', { count: selection.selected.length })}
        </Button>
        <Text size="sm" data-testid="reassign-count">
          {t('reassign.selected', { count: selection.selected.length, total: rows.length })}
        </Text>
      </Group>
      {warning && selection.selected.length > 0 && <MoveWarningNote warning={warning} />}
      <MoveOutcomes moves={moves.moves} casesById={data.casesById} nameOf={nameOf} onDismiss={moves.dismiss} />
      <Table striped withTableBorder>
        <Table.Caption>{rows.length > SHOWN_ROWS ? t('reassign.shown', { shown: SHOWN_ROWS, count: rows.length }) : t('reassign.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <Checkbox aria-label={t('reassign.selectAll', { count: rows.length })} checked={selection.all} indeterminate={selection.some} onChange={selection.toggleAll} />
            </Table.Th>
            {(['customer', 'subject', 'queue', 'assignee', 'status', 'priority', 'sla'] as const).map((k) => (
              <Table.Th key={k} scope="col">
                {t(`reassign.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, SHOWN_ROWS).map(({ case: c, customerName }) => (
            <Table.Tr key={c.id} data-case={c.id}>
              <Table.Td>
                <Checkbox aria-label={t('reassign.select', { name: customerName ?? t('unknownCustomer'), id: c.id })} checked={selection.isSelected(c.id)} onChange={() => selection.toggle(c.id)} />
              </Table.Td>
              <Table.Td>
                <UnstyledButton td="underline" onClick={() => onOpenCase(c.id)}>
                  {customerName ?? t('unknownCustomer')}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{c.subject}</Table.Td>
              <Table.Td>{queueName.get(c.queueId) ?? c.queueId}</Table.Td>
              <Table.Td>{c.assigneeId === null ? t('reassign.unassigned') : (staffName.get(c.assigneeId) ?? c.assigneeId)}</Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>{t(`case:priority.${c.priority}`)}</Table.Td>
              <Table.Td>
                <SlaCountdown sla={c} now={data.now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
