import { replyDueAt, type Case } from '../../../shared/domain';

/** Whose turn a case is and since when: ours while a reply is due (the one SLA rule), else the customer's. */
export interface WaitingOn {
  on: 'us' | 'customer';
  since: number;
}

export function waitingOn(c: Pick<Case, 'status' | 'firstResponseDueAt' | 'nextResponseDueAt' | 'lastInboundAt' | 'lastOutboundAt' | 'createdAt'>): WaitingOn {
  if (replyDueAt(c) !== null) return { on: 'us', since: c.lastInboundAt ?? c.createdAt };
  return { on: 'customer', since: c.lastOutboundAt ?? c.lastInboundAt ?? c.createdAt };
}
