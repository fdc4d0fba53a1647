import { PolicySchema, type Policy } from '../../shared/protocol';
import { keys } from '../audience';
import type { StoreReads } from '../store/hubStore';
import { adminWrite, auditAdmin, type AdminCall } from './adminWrite';

/** Where the policy an admin set is kept: in the store, so every hub node hands workstations the same one. */
export const POLICY_META_KEY = 'workstation-policy';

/**
 * The policy workstations follow: the one an admin set, or the hub's configured one until then (or when what is
 * stored no longer parses, e.g. written by a newer hub that has since been rolled back).
 */
export async function currentPolicy(store: Pick<StoreReads, 'meta'>, fallback: Policy): Promise<Policy> {
  const raw = await store.meta(POLICY_META_KEY);
  if (raw === null) return fallback;
  const parsed = PolicySchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : fallback;
}

/**
 * Sets the workstation policy for every hub node. Once it commits, every connected workstation on every node
 * gets it in a `policy` event. A node that misses the relay (Redis away) leaves its connections on the old
 * policy until they reconnect: every connection reads the policy from the store in its handshake, and the
 * store is the one every node shares, so that is enough for them to converge.
 */
export async function setPolicy(call: AdminCall, policy: Policy): Promise<Policy> {
  return adminWrite(call, async (w, actor) => {
    const before = await currentPolicy(w, call.ctx.config.policy);
    await w.setMeta(POLICY_META_KEY, JSON.stringify(policy));
    await auditAdmin(w, actor, 'policy.update', { targetType: 'policy', targetId: 'policy' }, before, policy);
    // Sent after the commit (never for a rolled-back write); supervisors and admins listen on no key of their own.
    w.emit([keys.everyone], 'policy', policy, true);
    return policy;
  });
}
