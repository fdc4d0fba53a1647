import { Badge, Blockquote, Button, Group, Menu, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDuration, formatWhen } from '../../lib/format';
import { useApi } from '../../lib/api/useApi';
import { CloseAlertModal } from './CloseAlertModal';
import type { ConsoleAlert } from './supervisorTypes';
import type { SupervisorData } from './useSupervisorData';

const STATUS_COLORS = { raised: 'red.9', acknowledged: 'orange.9', 'follow-up': 'indigo.7', closed: 'gray.7' } as const;
const COLUMNS = ['customer', 'score', 'case', 'assignee', 'queue', 'raised', 'toAck', 'status', 'actions'] as const;
const TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * Open red alerts and those closed today: the customer, what went wrong (the survey score with its comment, or the
 * customer's message), the case by its subject with whoever holds it and its queue, when it was raised and how long
 * acknowledging took (or has been waiting), with acknowledge, assign the follow-up, and close with an outcome.
 * People, queues and cases show by name only: an id means nothing to a supervisor.
 */
export function AlertsPanel({ alerts, data, onOpenCase }: { alerts: readonly ConsoleAlert[]; data: SupervisorData; onOpenCase(caseId: string): void }) {
  const { t, i18n } = useTranslation('supervisor');
  const lng = i18n.language;
  const api = useApi();
  const [closing, setClosing] = useState<string | null>(null);
  const { now, since } = data;
  const staff = data.org.data?.staff ?? [];
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const queueName = new Map((data.org.data?.queues ?? []).map((q) => [q.id, q.name]));
  const personName = (id: string) => staffName.get(id) ?? t('alerts.unknownPerson');
  const listed = alerts.filter((a) => a.status !== 'closed' || (a.closedAt ?? 0) >= since);

  return (
    <Stack p="md">
      <Table striped withTableBorder data-testid="alerts">
        <Table.Caption>{t('alerts.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((k) => (
              <Table.Th key={k} scope="col">
                {t(`alerts.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listed.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text size="sm">{t('alerts.none')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {listed.map((a) => {
            const name = a.case?.customerName ?? t('unknownCustomer');
            // The case's queue now (it may have moved since the alert was raised in another).
            const queueId = a.case?.queueId ?? a.queueId;
            return (
              <Table.Tr key={a.id} data-alert={a.id}>
                <Table.Th scope="row">{name}</Table.Th>
                <Table.Td data-testid="alert-what">
                  <Text size="sm" fw={600}>
                    {a.reason === 'low-csat' && a.score !== null ? t('alerts.score', { score: a.score }) : t(`alerts.reason.${a.reason}`)}
                  </Text>
                  {a.comment && (
                    <Blockquote p={4} mt={4} cite={a.reason === 'low-csat' ? t('alerts.comment') : t('alerts.message')}>
                      <Text size="xs" lineClamp={4} title={a.comment} style={TEXT_STYLE}>
                        {a.comment}
                      </Text>
                    </Blockquote>
                  )}
                </Table.Td>
                <Table.Td>
                  {a.case ? (
                    <UnstyledButton td="underline" style={TEXT_STYLE} onClick={() => onOpenCase(a.caseId)}>
                      {a.case.subject}
                    </UnstyledButton>
                  ) : (
                    <Text size="sm">{t('alerts.caseNotHere')}</Text>
                  )}
                </Table.Td>
                <Table.Td>{!a.case ? t('alerts.unknown') : a.case.assigneeId === null ? t('alerts.unassigned') : personName(a.case.assigneeId)}</Table.Td>
                <Table.Td>{queueName.get(queueId) ?? t('alerts.unknownQueue')}</Table.Td>
                <Table.Td>
                  <time dateTime={new Date(a.raisedAt).toISOString()} title={formatDateTime(lng, a.raisedAt)}>
                    <Text size="sm" component="span" display="block">
                      {t('alerts.ago', { time: formatDuration(lng, now - a.raisedAt) })}
                    </Text>
                    <Text size="xs" component="span" display="block">
                      {formatWhen(lng, a.raisedAt, now)}
                    </Text>
                  </time>
                </Table.Td>
                <Table.Td>
                  {a.acknowledgedAt === null
                    ? t('alerts.waitingAck', { time: formatDuration(lng, now - a.raisedAt) })
                    : formatDuration(lng, a.acknowledgedAt - a.raisedAt)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={STATUS_COLORS[a.status]} data-testid="alert-status">
                      {t(`alerts.status.${a.status}`)}
                    </Badge>
                    {a.escalatedAt !== null && <Badge color="red.9" variant="outline">{t('alerts.escalated')}</Badge>}
                    {a.local.length > 0 && <Badge variant="outline" color="yellow.9">{t('pending.badge')}</Badge>}
                  </Group>
                  {a.followUpStaffId && <Text size="xs">{t('alerts.followUpBy', { name: personName(a.followUpStaffId) })}</Text>}
                  {a.outcome && <Text size="xs">{a.outcome}</Text>}
                </Table.Td>
                <Table.Td>
                  {a.status !== 'closed' && (
                    <Group gap={4} wrap="nowrap">
                      {a.status === 'raised' && (
                        <Button size="compact-sm" onClick={() => void api.invoke('alert.acknowledge', { alertId: a.id })}>
                          {t('alerts.acknowledge')}
                        </Button>
                      )}
                      <Menu>
                        <Menu.Target>
                          <Button size="compact-sm" variant="default" aria-label={t('alerts.assignFor', { name })}>
                            {t('alerts.assign')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown mah={300} style={{ overflowY: 'auto' }}>
                          {staff
                            .filter((s) => s.role !== 'store')
                            .map((s) => (
                              <Menu.Item key={s.id} onClick={() => void api.invoke('alert.assign', { alertId: a.id, staffId: s.id })}>
                                {s.name}
                              </Menu.Item>
                            ))}
                        </Menu.Dropdown>
                      </Menu>
                      <Button size="compact-sm" variant="default" onClick={() => setClosing(a.id)}>
                        {t('alerts.close')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {closing && <CloseAlertModal alertId={closing} onClose={() => setClosing(null)} />}
    </Stack>
  );
}
