import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { AgentCard, AGENT_DRAG_TYPE } from './AgentCard';
import { CapacityModal } from './CapacityModal';
import { MoveAllModal } from './MoveAllModal';
import { QueuesModal } from './QueuesModal';
import type { OrgStaff } from './supervisorTypes';
import type { SupervisorData } from './useSupervisorData';
import type { useTrackedMoves } from './useTrackedMoves';

type Editing = { kind: 'capacity' | 'queues' | 'moveAll'; staff: OrgStaff } | null;

/**
 * Every agent: status and time in it, load against capacity, open cases. Agents are dragged onto a queue to
 * join it; the same changes (and status, capacity, moving all their cases) are in each agent's menu.
 */
export function AgentBoard({ data, moves, onOpenCase }: { data: SupervisorData; moves: ReturnType<typeof useTrackedMoves>; onOpenCase(caseId: string): void }) {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const [editing, setEditing] = useState<Editing>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const queues = data.org.data?.queues ?? [];
  const staff = data.org.data?.staff ?? [];
  const agents = staff.filter((s) => s.role === 'agent');
  const cases = (data.dashboard.data?.cases ?? []).map((c) => c.case);
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
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} role="list" aria-label={t('agents.title')}>
        {agents.map((s) => (
          <AgentCard
            key={s.id}
            staff={s}
            cases={cases}
            queues={queues.filter((q) => q.memberIds.includes(s.id))}
            now={data.now}
            names={data.dashboard.data?.cases ?? []}
            onEdit={(kind) => setEditing({ kind, staff: s })}
            onOpenCase={onOpenCase}
          />
        ))}
      </SimpleGrid>
      {editing?.kind === 'capacity' && <CapacityModal staff={editing.staff} onClose={() => setEditing(null)} />}
      {editing?.kind === 'queues' && <QueuesModal staff={editing.staff} queues={queues} current={queueIdsOf(editing.staff.id)} onClose={() => setEditing(null)} />}
      {editing?.kind === 'moveAll' && data.org.data && (
        <MoveAllModal
          staff={editing.staff}
          org={data.org.data}
          caseIds={cases.filter((c) => c.assigneeId === editing.staff.id && c.status !== 'resolved' && c.status !== 'closed').map((c) => c.id)}
          onMoved={moves.track}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
