import { Badge, Button, Group, Menu, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatWhen } from '../../lib/format';
import { useApi } from '../../lib/api/useApi';
import { CloseAlertModal } from './CloseAlertModal';
import type { ConsoleAlert } from './supervisorTypes';
import type { SupervisorData } from './useSupervisorData';

const STATUS_COLORS = { raised: 'red.9', acknowledged: 'orange.9', 'follow-up': 'indigo.7', closed: 'gray.7' } as const;

/**
 * Open red alerts and those closed today: the customer, the score with their comment (or the message), the case and how long acknowledging took
 * (or has been waiting), with acknowledge, assign the follow-up, and close with an outcome.
 */
export function AlertsPanel({ alerts, data, onOpenCase }: { alerts: readonly ConsoleAlert[]; data: SupervisorData; onOpenCase(caseId: string): void }) {
  const { t, i18n } = useTranslation('supervisor');
  const lng = i18n.language;
  const api = useApi();
  const [closing, setClosing] = useState<string | null>(null);
  const { now, since } = data;
  const staff = data.org.data?.staff ?? [];
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const customerName = (caseId: string) => data.dashboard.data?.cases.find((c) => c.case.id === caseId)?.customerName ?? t('unknownCustomer');
  const listed = alerts.filter((a) => a.status !== 'closed' || (a.closedAt ?? 0) >= since);

  return (
    <Stack p="md">
      <Table striped withTableBorder data-testid="alerts">
        <Table.Caption>{t('alerts.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(['customer', 'score', 'case', 'raised', 'toAck', 'status', 'actions'] as const).map((k) => (
              <Table.Th key={k} scope="col">
                {t(`alerts.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listed.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text size="sm">{t('alerts.none')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {listed.map((a) => {
            const name = customerName(a.caseId);
            return (
              <Table.Tr key={a.id} data-alert={a.id}>
                <Table.Th scope="row">{name}</Table.Th>
                <Table.Td>
                  {a.score === null ? t(`alerts.reason.${a.reason}`) : t('alerts.score', { score: a.score })}
                  {a.comment && (
                    <Text size="xs" lineClamp={3} title={a.comment} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {a.comment}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <UnstyledButton td="underline" onClick={() => onOpenCase(a.caseId)}>
                    {a.caseId}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{formatWhen(lng, a.raisedAt, now)}</Table.Td>
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
                  {a.followUpStaffId && <Text size="xs">{t('alerts.followUpBy', { name: staffName.get(a.followUpStaffId) ?? a.followUpStaffId })}</Text>}
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
