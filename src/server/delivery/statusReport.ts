import type { Delivery } from '../../shared/domain';
import type { DeliveryStatusReport } from '../../shared/protocol';
import type { HubContext } from '../context';
import { applyReceipt } from './outcome';

/**
 * Applies a connector's report of a later state (POST /api/v1/delivery-status), in one unit of work: the
 * delivery named by the hub's id or the provider's, if it exists and (for a report signed by a channel's
 * connector) is that channel's. A report that would move it backwards changes nothing. Null: no such delivery.
 */
export async function applyStatusReport(ctx: HubContext, report: DeliveryStatusReport): Promise<{ delivery: Delivery; changed: boolean } | null> {
  return ctx.write(async (w) => {
    const found = report.deliveryId !== undefined ? await w.get('delivery', report.deliveryId) : await w.deliveryByProviderMessageId(report.providerMessageId!);
    if (!found || (report.channel !== undefined && found.channel !== report.channel)) return null;
    const changed = await applyReceipt(w, found, report.status, report.error);
    return { delivery: changed ? ((await w.get('delivery', found.id)) ?? found) : found, changed };
  });
}
