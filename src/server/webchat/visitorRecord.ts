import type { HubContext } from '../context';
import { Refused } from '../refused';
import type { VisitorRecord } from '../store/hubStore';

/** Pages kept per visitor (the newest); agents see those visited since the visitor's last message. */
export const MAX_PAGES = 20;

/**
 * Changes a visitor session as it stands in the store, in one unit of work: requests from two tabs (a page and
 * a contact at once) never overwrite each other.
 */
export function updateVisitor(ctx: HubContext, visitorId: string, change: (v: VisitorRecord) => VisitorRecord): Promise<VisitorRecord> {
  return ctx.write(async (w) => {
    const current = await w.visitor(visitorId);
    if (!current) throw new Refused('not-found', 'this chat session no longer exists');
    const next = change(current);
    await w.saveVisitor(next);
    return next;
  });
}
