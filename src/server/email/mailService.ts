import type { Mailbox } from '../../shared/protocol';
import { storedMailboxes } from '../admin/mailboxes';
import type { HubContext } from '../context';
import { applyStatusReport } from '../delivery/statusReport';
import type { Transport } from '../delivery/transport';
import { startImapPoller, type ImapPoller } from './imapPoller';
import { takeMail, type BounceReport } from './mailIntake';
import { createSmtpTransport } from './smtpTransport';
import { DEFAULT_LISTENER_LIMITS, startSmtpListener, type ListenerLimits, type SmtpListener } from './smtpListener';

export interface MailServiceOptions {
  /** Mailboxes given by flags: used as they are, before (and instead of) a stored one with the same address. */
  mailboxes?: Mailbox[];
  /** Where bounces go; by default each fails the delivery it names (see failDelivery). */
  reportBounce?: BounceReport;
  limits?: Partial<ListenerLimits>;
}

export interface MailService {
  /** The email channel's way out, for the delivery worker: through the first mailbox. */
  transport: Transport;
  /** Starts and stops listeners and pollers to match the mailboxes configured now (runs on every hub tick). */
  reconcile(): Promise<void>;
  /** Where the SMTP listener for an address listens (its port when configured with 0), or null. */
  listenerOf(address: string): { host: string; port: number } | null;
  close(): Promise<void>;
}

/** A bounce fails the delivery it names, as a connector's `failed` receipt does (a note, `delivery:failed`). */
const failDelivery = (ctx: HubContext): BounceReport => async (b) => {
  const applied = await applyStatusReport(ctx, { providerMessageId: b.providerMessageId, channel: 'email', status: 'failed', error: b.error });
  if (!applied) console.warn(`hub: email: a bounce names ${b.providerMessageId}, which is no delivery of this hub: ${b.error}`);
};

/**
 * Email spoken by the hub itself, for every configured mailbox: one SMTP listener per listening address (shared
 * by the mailboxes on it), one IMAP poller per polled mailbox, and the transport replies go out by. Configuration
 * changes made in the admin console take effect at the next reconcile, on every node.
 */
export function createMailService(ctx: HubContext, opts: MailServiceOptions = {}): MailService {
  const limits = { ...DEFAULT_LISTENER_LIMITS, ...opts.limits };
  const reportBounce = opts.reportBounce ?? failDelivery(ctx);
  const listeners = new Map<string, { listener: SmtpListener; addresses: Set<string> }>();
  const pollers = new Map<string, { poller: ImapPoller; config: string }>();
  /** Why a listening address could not be bound, told once (every tick tries again: the port may come free). */
  const cannotListen = new Map<string, string>();
  let closed = false;

  async function mailboxes(): Promise<Mailbox[]> {
    const flags = opts.mailboxes ?? [];
    const stored = await storedMailboxes(ctx.store);
    return [...flags, ...stored.filter((m) => !flags.some((f) => f.address === m.address))];
  }

  const receive = async (raw: Buffer) => void (await takeMail(ctx, raw, reportBounce));

  async function reconcile(): Promise<void> {
    if (closed) return;
    const all = await mailboxes();
    const wanted = new Map<string, Set<string>>();
    for (const m of all) {
      if (m.inbound.kind !== 'smtp') continue;
      const key = `${m.inbound.host}:${m.inbound.port}`;
      wanted.set(key, (wanted.get(key) ?? new Set()).add(m.address));
    }
    for (const [key, entry] of listeners) {
      if (wanted.has(key)) continue;
      listeners.delete(key);
      await entry.listener.close();
    }
    for (const [key, addresses] of wanted) {
      const current = listeners.get(key);
      if (current) {
        current.addresses = addresses;
        continue;
      }
      const [host, port] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
      const entry = { listener: null as unknown as SmtpListener, addresses };
      try {
        entry.listener = await startSmtpListener({ host, port, limits, serves: (a) => entry.addresses.has(a), receive });
        listeners.set(key, entry);
        cannotListen.delete(key);
      } catch (err) {
        const why = (err as Error).message;
        if (cannotListen.get(key) !== why) console.error(`hub: email: cannot listen on ${key} for ${[...addresses].join(', ')}: ${why}`);
        cannotListen.set(key, why);
      }
    }
    const polled = new Map(all.flatMap((m) => (m.inbound.kind === 'imap' ? [[m.address, { source: m.inbound, config: JSON.stringify(m.inbound) }] as const] : [])));
    for (const [address, entry] of pollers) {
      if (polled.get(address)?.config === entry.config) continue;
      pollers.delete(address);
      await entry.poller.stop();
    }
    for (const [address, { source, config }] of polled) {
      if (pollers.has(address)) continue;
      pollers.set(address, { poller: startImapPoller(source, receive, limits.maxBytes, address), config });
    }
  }

  return {
    transport: createSmtpTransport(async () => (await mailboxes())[0] ?? null),
    reconcile,
    listenerOf(address) {
      for (const { listener, addresses } of listeners.values()) if (addresses.has(address)) return { host: listener.host, port: listener.port };
      return null;
    },
    async close() {
      closed = true;
      await Promise.all([...listeners.values()].map((e) => e.listener.close()));
      await Promise.all([...pollers.values()].map((e) => e.poller.stop()));
      listeners.clear();
      pollers.clear();
    },
  };
}
