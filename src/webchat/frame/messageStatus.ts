/**
 * How a message's state shows: an icon and words together (never colour or a symbol alone). The visitor sees the
 * states of their own messages; the shop's messages need none.
 */
import type { ShownStatus, WidgetTexts } from '../widgetTexts';

const ICONS: Record<ShownStatus, string> = { sending: '◷', failed: '⚠', sent: '✓', delivered: '✓✓', read: '✓✓' };

export function statusView(status: ShownStatus, t: WidgetTexts): { icon: string; words: string; className: string } {
  return { icon: ICONS[status], words: t.status[status], className: `wc-status wc-status-${status}` };
}

/** States only move forward (a late "delivered" after "read" changes nothing). */
const ORDER: Record<ShownStatus, number> = { failed: 0, sending: 1, sent: 2, delivered: 3, read: 4 };

export function laterStatus(current: ShownStatus, next: ShownStatus): ShownStatus {
  return ORDER[next] >= ORDER[current] ? next : current;
}
