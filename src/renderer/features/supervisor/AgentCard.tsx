import { ActionIcon, Badge, Card, Group, List, Menu, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_STATUSES, replyDueAt, type Queue } from '../../../shared/domain';
import { SlaCountdown } from '../../components/SlaCountdown';
import { formatDuration } from '../../lib/format';
import { agentLoad, overCapacity } from './agentLoad';
import { byUrgency } from './caseUrgency';
import type { DashboardCase, OrgStaff } from './supervisorTypes';
import { useApi } from '../../lib/api/useApi';

/** Drag data type of an agent card (dropped on a queue to join it). */
export const AGENT_DRAG_TYPE = 'application/x-workstation-staff';

const STATUS_COLORS = { available: 'teal.9', busy: 'orange.9', away: 'gray.7', offline: 'dark.6' } as const;
/** Cases listed on a card; the rest are counted. */
const SHOWN_CASES = 5;

/** One agent on the board; drawn again only when its own props change (the board scrolls and updates live). */
export const AgentCard = memo(function AgentCard({
  staff,
  cases,
  queues,
  now,
  onEdit,
  onOpenCase,
}: {
  staff: OrgStaff;
  /** The dashboard's cases assigned to this agent. */
  cases: readonly DashboardCase[];
  queues: readonly Queue[];
  now: number;
  onEdit(kind: 'capacity' | 'queues' | 'moveAll', staff: OrgStaff): void;
  onOpenCase(caseId: string): void;
}) {
  const { t, i18n } = useTranslation('supervisor');
  const api = useApi();
  // Most urgent first: the cases listed, and the reply due soonest, are those the supervisor may need to move.
  const { open, load } = useMemo(() => {
    const figures = agentLoad(staff, cases.map((c) => c.case));
    return { ...figures, open: figures.open.sort(byUrgency) };
  }, [staff, cases]);
  const over = overCapacity(load).length > 0;
  const urgent = open.find((c) => replyDueAt(c) !== null);
  const nameOf = (caseId: string) => cases.find((n) => n.case.id === caseId)?.customerName ?? t('unknownCustomer');
  return (
    <Card
      withBorder
      role="listitem"
      aria-label={staff.name}
      data-testid={`agent-${staff.id}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(AGENT_DRAG_TYPE, staff.id);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      style={{ cursor: 'grab' }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{staff.name}</Text>
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="default" aria-label={t('agents.menu', { name: staff.name })}>
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('agents.status')}</Menu.Label>
              {STAFF_STATUSES.map((s) => (
                <Menu.Item key={s} disabled={s === staff.status} onClick={() => void api.invoke('supervisor.updateStaff', { staffId: staff.id, patch: { status: s } })}>
                  {t('agents.setStatus', { status: t(`shell:status.${s}`) })}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item onClick={() => onEdit('capacity', staff)}>{t('agents.editCapacity')}</Menu.Item>
              <Menu.Item onClick={() => onEdit('queues', staff)}>{t('agents.editQueues')}</Menu.Item>
              <Menu.Item onClick={() => onEdit('moveAll', staff)}>{t('agents.moveAll')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Group gap="xs">
          <Badge color={STATUS_COLORS[staff.status]} data-testid="agent-status">
            {t(`shell:status.${staff.status}`)}
          </Badge>
          <Text size="sm">{t('agents.since', { time: formatDuration(i18n.language, now - staff.statusSince) })}</Text>
          {over && (
            <Badge color="red.9" variant="outline" data-testid="agent-over">
              {t('agents.overBadge')}
            </Badge>
          )}
          {staff.local.length > 0 && (
            <Badge variant="outline" color="yellow.9">
              {t('pending.badge')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{queues.length ? t('agents.inQueues', { names: queues.map((q) => q.name).join(', ') }) : t('agents.noQueues')}</Text>
        <Stack gap={4} aria-label={t('agents.load')} role="group">
          {load.map((l) => (
            <Group key={l.channel} gap="xs" wrap="nowrap">
              <Text size="xs" w={90}>
                {t(`common:channel.${l.channel}`)}
              </Text>
              <Progress
                flex={1}
                value={l.capacity ? Math.min(100, (100 * l.used) / l.capacity) : 100}
                color={l.used >= l.capacity ? 'red.9' : 'indigo.7'}
                aria-label={t('agents.loadOf', { channel: t(`common:channel.${l.channel}`) })}
              />
              <Text size="xs" w={40} ta="right">
                {t('agents.loadValue', { used: l.used, capacity: l.capacity })}
              </Text>
            </Group>
          ))}
        </Stack>
        <Group gap="xs">
          <Text size="sm" data-testid="agent-open">
            {t('agents.cases', { count: open.length })}
          </Text>
          {urgent && (
            <Group gap={4} data-testid="agent-next-reply">
              <Text size="sm">{t('agents.nextReply')}</Text>
              <SlaCountdown sla={urgent} now={now} />
            </Group>
          )}
        </Group>
        {open.length > 0 && (
          <List size="sm" spacing={2}>
            {open.slice(0, SHOWN_CASES).map((c) => (
              <List.Item key={c.id}>
                <UnstyledButton onClick={() => onOpenCase(c.id)} td="underline">
                  {nameOf(c.id)}
                </UnstyledButton>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
});
