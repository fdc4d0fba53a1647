import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_DASHBOARD_CHANGES } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import type { ChannelError, ChannelState } from '../../lib/api/useChannel';
import { useEvent } from '../../lib/api/useEvent';
import { patchDashboard } from './dashboardPatch';
import type { Dashboard } from './supervisorTypes';

/** What the next read must cover: everything (`full`), or the rows `data.changed` named since the last one. */
interface Due {
  since: number;
  full: boolean;
  cases: Set<string>;
  interactions: Set<string>;
  csat: Set<string>;
  running: boolean;
}

/**
 * The console's dashboard, kept live: read whole once (and when the day turns), then patched with only the
 * rows each `data.changed` names (`supervisor.dashboardChanges`), so a busy centre's thousands of open cases
 * are not read again on every message. Reads never overlap: names arriving during one join the next.
 */
export function useLiveDashboard(since: number): ChannelState<Dashboard> {
  const api = useApi();
  const [state, setState] = useState<{ data?: Dashboard; error?: ChannelError; loading: boolean }>({ loading: true });
  const due = useRef<Due>({ since, full: true, cases: new Set(), interactions: new Set(), csat: new Set(), running: false });
  const held = useRef<Dashboard | undefined>(undefined);
  useEffect(() => {
    held.current = state.data;
  });

  const run = useCallback(async () => {
    const d = due.current;
    if (d.running) return;
    d.running = true;
    try {
      while (d.full || d.cases.size || d.interactions.size || d.csat.size) {
        const since = d.since;
        const whole = d.full || Math.max(d.cases.size, d.interactions.size, d.csat.size) > MAX_DASHBOARD_CHANGES;
        const named = { cases: [...d.cases], interactions: [...d.interactions], csat: [...d.csat] };
        d.full = false;
        d.cases.clear();
        d.interactions.clear();
        d.csat.clear();
        if (whole) {
          setState((s) => ({ ...s, loading: true }));
          const result = await api.invoke('supervisor.dashboard', { since });
          if (since !== d.since) continue;
          setState(result.ok ? { data: result.value, loading: false } : (s) => ({ data: s.data, error: result.error, loading: false }));
        } else {
          const result = await api.invoke('supervisor.dashboardChanges', { since, ...named });
          if (since !== d.since) continue;
          if (!result.ok) {
            // Whatever the update missed, the next read takes whole.
            d.full = true;
            setState((s) => ({ ...s, error: result.error }));
            break;
          }
          setState((s) => (s.data ? { data: patchDashboard(s.data, result.value), loading: false } : s));
        }
      }
    } finally {
      d.running = false;
    }
  }, [api]);

  useEffect(() => {
    Object.assign(due.current, { since, full: true });
    void run();
  }, [since, run]);

  useEvent('data.changed', (changed) => {
    const d = due.current;
    const { case: cases = [], interaction = [], csat = [], customer = [] } = changed.entities;
    for (const id of cases) d.cases.add(id);
    for (const id of interaction) d.interactions.add(id);
    for (const id of csat) d.csat.add(id);
    // A customer's new name, or an outbox change of mine settling, shows on cases the event does not name.
    if (customer.length > 0 || changed.outbox) {
      const renamed = new Set(customer);
      for (const c of held.current?.cases ?? []) if (renamed.has(c.case.customerId) || (changed.outbox && c.case.local.length > 0)) d.cases.add(c.case.id);
    }
    void run();
  });

  const refresh = () => {
    due.current.full = true;
    void run();
  };
  return { ...state, refresh };
}
