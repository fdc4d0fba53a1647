import { useEffect, useRef } from 'react';
import { ALERT_STATUSES } from '../../../shared/domain';
import { useChannel } from '../../lib/api/useChannel';

/**
 * Every red alert with its case as it stands now, read again when an alert changes, my actions settle, or one of
 * their cases changes (its subject, assignee or queue show on the alert's row). Other cases' changes, many a
 * minute in a busy centre, do not cost a read.
 */
export function useConsoleAlerts() {
  const caseIds = useRef<ReadonlySet<string>>(new Set());
  const alerts = useChannel(
    'alert.list',
    { statuses: [...ALERT_STATUSES] },
    { refreshOn: (c) => c.outbox || Boolean(c.entities.alert) || (c.entities.case ?? []).some((id) => caseIds.current.has(id)) },
  );
  useEffect(() => {
    caseIds.current = new Set((alerts.data ?? []).map((a) => a.caseId));
  }, [alerts.data]);
  return alerts;
}
