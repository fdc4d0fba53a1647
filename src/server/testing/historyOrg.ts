import type { Case } from '../../shared/domain';
import { customer, interaction, kase } from '../../shared/testing/rows';
import type { OrgData } from '../loadOrg';
import { testOrg } from './testOrg';

/**
 * testOrg with cases of every kind a phased snapshot tells apart, for agent a1 (queues q-chat and q-phone):
 * open, a1's own finished one, a finished one of a2 updated within the window `HISTORY_SINCE`, a finished one
 * updated long before it (its timeline waits for case:fetch), and an open case outside a1's scope. Three
 * messages each.
 */
export const HISTORY_SINCE = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const old = HISTORY_SINCE - 200 * DAY;

export const historyCases: Case[] = [
  kase({ id: 'ca-open', queueId: 'q-chat', customerId: 'cu1', status: 'open', updatedAt: old }),
  kase({ id: 'ca-mine-old', queueId: 'q-chat', customerId: 'cu1', status: 'resolved', assigneeId: 'a1', updatedAt: old }),
  kase({ id: 'ca-recent', queueId: 'q-chat', customerId: 'cu2', status: 'closed', assigneeId: 'a2', updatedAt: HISTORY_SINCE + 10 * DAY }),
  kase({ id: 'ca-old', queueId: 'q-chat', customerId: 'cu2', status: 'closed', assigneeId: 'a2', updatedAt: old }),
  kase({ id: 'ca-greek', queueId: 'q-el', customerId: 'cu3', status: 'open', updatedAt: old }),
];

export function historyOrg(): OrgData {
  const other = { phones: [], emails: [], loyaltyNumber: null };
  return {
    ...testOrg(),
    batches: [
      {
        customers: [customer({ id: 'cu1' }), customer({ id: 'cu2', ...other }), customer({ id: 'cu3', ...other })],
        cases: historyCases,
        interactions: historyCases.flatMap((c) => [1, 2, 3].map((n) => interaction({ id: `in-${c.id}-${n}`, caseId: c.id, customerId: c.customerId, createdAt: old + n }))),
        csat: [],
      },
    ],
  };
}
