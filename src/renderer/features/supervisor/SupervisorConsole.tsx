import '@mantine/charts/styles.css';
import { Badge, Box, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../lib/api/useChannel';
import { AgentBoard } from './AgentBoard';
import { useBoardView } from './agentBoardView';
import { AlertsPanel } from './AlertsPanel';
import { AuditPanel } from './AuditPanel';
import { FailedDeliveriesPanel } from './FailedDeliveriesPanel';
import { LiveQueues } from './LiveQueues';
import { PendingActions } from './PendingActions';
import { ReassignPanel } from './ReassignPanel';
import { ReportsPanel } from './reports/ReportsPanel';
import { SelfServicePanel } from './SelfServicePanel';
import { SurveyAnswersPanel } from './SurveyAnswersPanel';
import { useConsoleAlerts } from './useConsoleAlerts';
import { useSupervisorData } from './useSupervisorData';
import { useTrackedMoves } from './useTrackedMoves';
import { VocScreen } from './voc/VocScreen';

const TABS = ['queues', 'agents', 'reassign', 'alerts', 'deliveries', 'selfService', 'reports', 'voc', 'audit'] as const;
type Tab = (typeof TABS)[number];

/**
 * The supervisor console (supervisors and admins): live queues, the agents board, reassignment, red alerts,
 * failed deliveries, self-service, reports and the audit trail, as tabs (arrow keys move between them). Reads come from the cache, so it works offline;
 * actions wait in the outbox and show as pending until the hub answers.
 */
export function SupervisorConsole({ onOpenCase }: { onOpenCase(caseId: string): void }) {
  const { t } = useTranslation('supervisor');
  const [tab, setTab] = useState<Tab>('queues');
  const data = useSupervisorData();
  const moves = useTrackedMoves();
  const alerts = useConsoleAlerts();
  const board = useBoardView();
  const open = (alerts.data ?? []).filter((a) => a.status !== 'closed').length;
  const failed = useChannel('supervisor.failedDeliveries', {}, { refreshOn: (c) => c.outbox || Boolean(c.entities.delivery) });
  const failedCount = failed.data?.length ?? 0;
  const counts: Partial<Record<Tab, { count: number; label: string }>> = {
    alerts: { count: open, label: t('tabs.openAlerts', { count: open }) },
    deliveries: { count: failedCount, label: t('tabs.failedDeliveries', { count: failedCount }) },
  };

  return (
    <Box style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'queues')} keepMounted={false}>
        <Tabs.List aria-label={t('tabs.label')} px="md">
          {TABS.map((k) => {
            const badge = counts[k];
            return (
              <Tabs.Tab
                key={k}
                value={k}
                rightSection={badge && badge.count > 0 ? <Badge color="red.9" size="sm" aria-label={badge.label}>{badge.count}</Badge> : undefined}
              >
                {t(`tabs.${k}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <PendingActions />
        <Tabs.Panel value="queues">
          <LiveQueues data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="agents">
          <AgentBoard data={data} moves={moves} board={board} onOpenCase={onOpenCase} />
        </Tabs.Panel>
        <Tabs.Panel value="reassign">
          <ReassignPanel data={data} moves={moves} onOpenCase={onOpenCase} />
        </Tabs.Panel>
        <Tabs.Panel value="alerts">
          <AlertsPanel alerts={alerts.data ?? []} data={data} onOpenCase={onOpenCase} />
          <SurveyAnswersPanel data={data} onOpenCase={onOpenCase} />
        </Tabs.Panel>
        <Tabs.Panel value="deliveries">
          <FailedDeliveriesPanel failed={failed.data ?? []} data={data} onOpenCase={onOpenCase} />
        </Tabs.Panel>
        <Tabs.Panel value="selfService">
          <SelfServicePanel data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <ReportsPanel data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditPanel data={data} />
        </Tabs.Panel>
        <Tabs.Panel value="voc">
          <VocScreen data={data} onOpenCase={onOpenCase} />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}
