import { Button, Chip, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Queue } from '../../../shared/domain';
import { useApi } from '../../lib/api/useApi';
import { AgentCard, AGENT_DRAG_TYPE } from './AgentCard';
import { BOARD_SORTS, boardRows, type BoardSort, type BoardViewState } from './agentBoardView';
import { CapacityModal } from './CapacityModal';
import { MoveAllModal } from './MoveAllModal';
import { QueuesModal } from './QueuesModal';
import type { DashboardCase, OrgStaff } from './supervisorTypes';
import type { SupervisorData } from './useSupervisorData';
import type { useTrackedMoves } from './useTrackedMoves';

type Editing = { kind: 'capacity' | 'queues' | 'moveAll'; staff: OrgStaff } | null;
const NONE: DashboardCase[] = [];
const NO_QUEUES: Queue[] = [];
/** A card's height before it is measured (cards grow with channels and cases). */
const CARD_HEIGHT = 240;

/** Cards per row for the board's width, as a responsive grid would lay them out. */
const columnsFor = (width: number) => (width >= 1100 ? 3 : width >= 700 ? 2 : 1);

/**
 * Every agent: status and time in it, load against capacity, open cases; sorted and filtered as the supervisor
 * chose (`board`, kept by the console). Agents are dragged onto a queue to join it; the same changes (and status,
 * capacity, moving all their cases) are in each agent's menu.
 */
export function AgentBoard({
  data,
  moves,
  board,
  onOpenCase,
}: {
  data: SupervisorData;
  moves: ReturnType<typeof useTrackedMoves>;
  board: BoardViewState;
  onOpenCase(caseId: string): void;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const api = useApi();
  const [editing, setEditing] = useState<Editing>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const queues = data.org.data?.queues ?? NO_QUEUES;
  const staff = data.org.data?.staff ?? [];
  const everyAgent = useMemo(() => staff.filter((s) => s.role === 'agent'), [staff]);
  // Each card gets its own cases: a thousand cards filtering thousands of cases each would take seconds a render.
  // A list whose cases are the same objects as before keeps its identity, so that only the cards whose cases
  // changed are drawn again (a live update replaces only the rows it names).
  const lastLists = useRef(new Map<string, DashboardCase[]>());
  const byAssignee = useMemo(() => {
    const map = new Map<string, DashboardCase[]>();
    for (const c of data.dashboard.data?.cases ?? []) if (c.case.assigneeId) (map.get(c.case.assigneeId) ?? map.set(c.case.assigneeId, []).get(c.case.assigneeId)!).push(c);
    for (const [id, list] of map) {
      const before = lastLists.current.get(id);
      if (before && before.length === list.length && before.every((c, i) => c === list[i])) map.set(id, before);
    }
    return map;
  }, [data.dashboard.data]);
  useEffect(() => {
    lastLists.current = byAssignee;
  }, [byAssignee]);
  const { view } = board;
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const shown = useMemo(
    () => boardRows(everyAgent, (id) => (byAssignee.get(id) ?? NONE).map((c) => c.case), queues, view, collator),
    [everyAgent, byAssignee, queues, view, collator],
  );
  const agents = shown.rows;
  const agentIds = useMemo(() => new Set(everyAgent.map((s) => s.id)), [everyAgent]);
  const queuesOf = useMemo(() => {
    const map = new Map<string, Queue[]>();
    for (const q of queues) for (const id of q.memberIds) (map.get(id) ?? map.set(id, []).get(id)!).push(q);
    return map;
  }, [queues]);
  const edit = useCallback((kind: NonNullable<Editing>['kind'], staff: OrgStaff) => setEditing({ kind, staff }), []);
  const openCase = useRef(onOpenCase);
  useEffect(() => {
    openCase.current = onOpenCase;
  });
  const open = useCallback((caseId: string) => openCase.current(caseId), []);
  // Only the rows in view are rendered: a thousand cards, each redrawn every second for its time in status,
  // would take seconds a frame.
  const scroller = useRef<HTMLDivElement>(null);
  const { ref: sized, width } = useElementSize();
  const listRef = useMergedRef(scroller, sized);
  const columns = columnsFor(width);
  const virtual = useVirtualizer({ count: Math.ceil(agents.length / columns), getScrollElement: () => scroller.current, estimateSize: () => CARD_HEIGHT, overscan: 2 });
  const queueIdsOf = (staffId: string) => queues.filter((q) => q.memberIds.includes(staffId)).map((q) => q.id);

  const join = (staffId: string, queueId: string) => {
    const current = queueIdsOf(staffId);
    if (!current.includes(queueId)) void api.invoke('supervisor.updateStaff', { staffId, patch: { queueIds: [...current, queueId] } });
  };

  return (
    <Stack p="md" gap="md">
      <Text size="sm" c="dimmed" id="drop-hint">
        {t('agents.dropHint')}
      </Text>
      <Group gap="sm" aria-describedby="drop-hint" role="list" aria-label={t('agents.queues')}>
        {queues.map((q) => (
          <Paper
            key={q.id}
            role="listitem"
            withBorder
            px="md"
            py="xs"
            aria-label={t('agents.dropZone', { name: q.name })}
            data-testid={`drop-${q.id}`}
            bg={dropTarget === q.id ? 'var(--mantine-primary-color-light)' : undefined}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(AGENT_DRAG_TYPE)) return;
              e.preventDefault();
              setDropTarget(q.id);
            }}
            onDragLeave={() => setDropTarget(null)}
            onDrop={(e) => {
              e.preventDefault();
              setDropTarget(null);
              const staffId = e.dataTransfer.getData(AGENT_DRAG_TYPE);
              if (staffId) join(staffId, q.id);
            }}
          >
            <Text fw={600} size="sm">
              {q.name}
            </Text>
            <Text size="xs">{t('agents.members', { count: q.memberIds.length })}</Text>
          </Paper>
        ))}
      </Group>
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('agents.sortBy')}
          value={view.sort}
          onChange={(e) => board.change({ sort: e.currentTarget.value as BoardSort })}
          data={BOARD_SORTS.map((k) => ({ value: k, label: t(`agents.sort.${k}`) }))}
        />
        <NativeSelect
          label={t('agents.queueFilter')}
          value={view.queueId}
          onChange={(e) => board.change({ queueId: e.currentTarget.value })}
          data={[
            { value: '', label: t('agents.allQueues', { n: everyAgent.length }) },
            ...queues.map((q) => ({ value: q.id, label: t('agents.queueOption', { name: q.name, n: q.memberIds.filter((id) => agentIds.has(id)).length }) })),
          ]}
        />
        <Group gap="xs" role="group" aria-label={t('agents.filters')}>
          <Chip checked={view.overCapacity} onChange={(on) => board.change({ overCapacity: on })}>
            {t('agents.overCapacity', { n: shown.counts.overCapacity })}
          </Chip>
          <Chip checked={view.awayWithCases} onChange={(on) => board.change({ awayWithCases: on })}>
            {t('agents.awayWithCases', { n: shown.counts.awayWithCases })}
          </Chip>
        </Group>
        {/* Said again as filters change, without taking the focus. */}
        <Text size="sm" data-testid="board-count" aria-live="polite">
          {t('agents.shown', { count: agents.length, total: shown.inQueue })}
        </Text>
      </Group>
      {agents.length === 0 && everyAgent.length > 0 && (
        <Group gap="sm" data-testid="board-empty">
          <Text size="sm">{t('agents.empty')}</Text>
          <Button size="compact-sm" variant="default" onClick={() => board.change({ overCapacity: false, awayWithCases: false, queueId: '' })}>
            {t('agents.clearFilters')}
          </Button>
        </Group>
      )}
      <div ref={listRef} role="list" aria-label={t('agents.title')} style={{ height: 'max(320px, calc(100vh - 240px))', overflow: 'auto' }}>
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => (
            <div
              key={row.key}
              role="none"
              data-index={row.index}
              ref={virtual.measureElement}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${row.start}px)`,
                display: 'grid',
                gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                gap: 'var(--mantine-spacing-md)',
                paddingBottom: 'var(--mantine-spacing-md)',
              }}
            >
              {agents.slice(row.index * columns, (row.index + 1) * columns).map((s) => (
                <AgentCard
                  key={s.id}
                  staff={s}
                  cases={byAssignee.get(s.id) ?? NONE}
                  queues={queuesOf.get(s.id) ?? NO_QUEUES}
                  now={data.now}
                  onEdit={edit}
                  onOpenCase={open}
                />
              ))}
            </div>
          ))}
        </div>
      </div>
      {editing?.kind === 'capacity' && <CapacityModal staff={editing.staff} onClose={() => setEditing(null)} />}
      {editing?.kind === 'queues' && <QueuesModal staff={editing.staff} queues={queues} current={queueIdsOf(editing.staff.id)} onClose={() => setEditing(null)} />}
      {editing?.kind === 'moveAll' && data.org.data && (
        <MoveAllModal
          staff={editing.staff}
          org={data.org.data}
          cases={data.dashboard.data?.cases ?? NONE}
          now={data.now}
          onMoved={moves.track}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
