import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { Case, Staff } from '../../shared/domain';
import {
  VISITOR_REQUESTS,
  type Change,
  WEBCHAT_NAMESPACE,
  type Availability,
  type PresenceSetSchema,
  type SuggestedArticle,
  type VisitorAck,
  type VisitorRefusal,
  type VisitorRequestName,
} from '../../shared/protocol';
import { caseKeys, keys } from '../audience';
import type { HubContext } from '../context';
import { helpArticlePath } from '../help/helpPages';
import { summary } from '../help/articleSnippet';
import { createPublishedArticles } from '../help/publishedArticles';
import { describeZodError } from '../http/body';
import { Refused } from '../refused';
import type { SharedState } from '../sharedState';
import type { VisitorRecord } from '../store/hubStore';
import { StoreUnavailable } from '../store/storeUnavailable';
import { answerSurvey, SurveyLocked } from '../voice';
import { agentName } from './agentName';
import { availabilityOf, type SignedIn } from './availability';
import { conversationOf, inlineSurvey, pageAfter, visitorMessage } from './visitorConversation';
import { createBucket, createVisitorBudget, DEFAULT_VISITOR_LIMITS, type Bucket, type VisitorLimits } from './visitorBudget';
import { leaveVisitorMessage, sendVisitorMessage } from './visitorMessages';
import { MAX_PAGES, updateVisitor } from './visitorRecord';
import { rooms, type VisitorNamespace } from './visitorRooms';
import { visitorByToken } from './visitorToken';
import { visitorReceipt } from './visitorTransport';

export interface VisitorNamespaceOptions {
  limits?: VisitorLimits;
  /** Cool-downs every hub node shares (memory for one node, Redis for several). */
  shared: SharedState;
  /** How often connected visitors of a queue are told its availability when it changed, ms. */
  availabilityEveryMs?: number;
}

type PresenceState = z.infer<typeof PresenceSetSchema>['state'];

/** Refusal reasons the hub's own refusals map to for a visitor (they see theirs in their language). */
const REFUSAL_OF: Partial<Record<Refused['reason'], VisitorRefusal>> = {
  invalid: 'invalid',
  'not-found': 'not-found',
  'rate-limited': 'rate-limited',
  'too-large': 'too-large',
  unavailable: 'unavailable',
};

/** How often a visitor typing tells the agents again that they still are (the workstation forgets after a while). */
const TYPING_REFRESH_MS = 3_000;
/** The same for an agent typing, to the visitor. */
const AGENT_TYPING_REFRESH_MS = 3_000;
/** How stale a session's last-seen time may get before a connection records it again. */
const SEEN_EVERY_MS = 24 * 3_600_000;
/** A store that is unreachable for a moment: ask again after this long. */
const STORE_RETRY_MS = 1_000;

/** Why a visitor's request did not parse: too long a text is its own reason (the widget says how long is allowed). */
function invalidRequest(name: string, err: z.ZodError): VisitorAck<never> {
  const tooLong = err.issues.some((i) => i.code === 'too_big' && (i.path[0] === 'text' || i.path[0] === 'comment'));
  return { ok: false, reason: tooLong ? 'too-long' : 'invalid', message: `${name}: ${describeZodError(err)}` };
}

/**
 * The `/visitor` Socket.IO namespace: the widget's connection. A visitor session's token opens it; every request
 * is validated and answered with a VisitorAck; a visitor who floods is slowed, then cut off (and may not come back
 * for a while), without touching anyone else. Pushes to visitors go through the namespace's rooms, so they reach
 * a visitor connected to any hub node.
 */
export function startVisitorNamespace(ctx: HubContext, io: Server, opts: VisitorNamespaceOptions) {
  const ns = io.of(WEBCHAT_NAMESPACE) as unknown as VisitorNamespace;
  const limits = opts.limits ?? DEFAULT_VISITOR_LIMITS;
  const articles = createPublishedArticles(ctx.store, ctx.now);

  /** Staff with a workstation connected to any node: every connection is in its person's room of the staff namespace. */
  const signedIn: SignedIn = async (staffIds) => {
    const sockets = await io.in(staffIds.map(keys.staff)).fetchSockets();
    return new Set(sockets.map((s) => (s.data as { staff?: Staff }).staff?.id).filter((id): id is string => id !== undefined));
  };

  // Cut-off visitors wait before they may connect again, on any node; each cut-off within the hour doubles it.
  const COOLDOWN_WINDOW_MS = 3_600_000;
  const cutOffs = (visitorId: string, record: boolean) => opts.shared.hits(`visitor-flood:${visitorId}`, COOLDOWN_WINDOW_MS, ctx.now(), record);
  async function coolingFor(visitorId: string): Promise<number> {
    const times = await cutOffs(visitorId, false);
    if (times.length === 0) return 0;
    const until = times[times.length - 1] + Math.min(COOLDOWN_WINDOW_MS, limits.cooldownMs * 2 ** (times.length - 1));
    return Math.max(0, until - ctx.now());
  }

  /** Each visitor's shared bucket on this node, while they have connections here. */
  const visitorBuckets = new Map<string, { bucket: Bucket; connections: number }>();

  const refuse = (message: string, reason: string) => Object.assign(new Error(message), { data: { reason } });
  ns.use(async (socket, next) => {
    try {
      const visitor = await visitorByToken(ctx.store, (socket.handshake.auth as { token?: unknown } | undefined)?.token, ctx.now());
      if (!visitor) return next(refuse('this chat session is not known: start a new one', 'bad-token'));
      // Coming back keeps a session alive; recorded at most daily, so page views cost no write each.
      if (ctx.now() - visitor.lastSeenAt > SEEN_EVERY_MS) await updateVisitor(ctx, visitor.id, (v) => ({ ...v, lastSeenAt: ctx.now() }));
      const cooling = await coolingFor(visitor.id);
      if (cooling > 0) return next(refuse(`too many requests: connect again in ${Math.ceil(cooling / 1000)} s`, 'rate-limited'));
      const open = await ns.in(rooms.visitor(visitor.id)).fetchSockets();
      if (open.length >= limits.maxConnections) return next(refuse(`this chat is open in ${open.length} windows already: close one`, 'too-many-connections'));
      socket.data = { visitorId: visitor.id };
      next();
    } catch (err) {
      console.error(`hub: web chat connection refused: ${(err as Error).message}`);
      next(refuse('the hub could not check this connection', 'internal'));
    }
  });

  type Handler<N extends VisitorRequestName> = (visitor: VisitorRecord, req: z.infer<(typeof VISITOR_REQUESTS)[N][0]>, socket: Socket) => Promise<z.input<(typeof VISITOR_REQUESTS)[N][1]>>;
  /** When each connection last told the agents its visitor is typing, and what. */
  const typingSent = new WeakMap<Socket, { typing: boolean; at: number }>();

  const handlers: { [N in VisitorRequestName]: Handler<N> } = {
    'visitor:history': async (visitor, { after }) => {
      const conversation = await conversationOf(ctx, visitor);
      const { page, more } = pageAfter(conversation.entries, after);
      // What the widget fetched has reached it.
      for (const e of page) if (e.delivery && (e.delivery.status === 'queued' || e.delivery.status === 'sent')) await visitorReceipt(ctx, e.delivery.id, 'delivered');
      const survey = conversation.survey;
      if (survey && (survey.delivery.status === 'queued' || survey.delivery.status === 'sent')) await visitorReceipt(ctx, survey.delivery.id, 'delivered');
      const kase = visitor.caseId ? await ctx.store.get('case', visitor.caseId) : null;
      return {
        messages: page.map((e) => visitorMessage(ctx, visitor, e.delivery && e.delivery.status !== 'read' ? { ...e, delivery: { ...e.delivery, status: 'delivered' } } : e)),
        more,
        availability: await availabilityOf(ctx, visitor.queueId, signedIn),
        survey: survey ? await inlineSurvey(ctx, survey.delivery.caseId, survey.interaction.text) : null,
        agentName: kase?.assigneeId ? agentName(ctx.staff(kase.assigneeId)) : null,
      };
    },
    'visitor:send': async (visitor, req, socket) => {
      const message = await sendVisitorMessage(ctx, visitor, req);
      // The visitor's other tabs show it too.
      socket.to(rooms.visitor(visitor.id)).emit('message', message);
      // A new conversation may have been given to someone before the session knew its case (see caseChanges).
      const caseId = (await ctx.store.visitor(visitor.id))?.caseId ?? null;
      const kase = caseId !== null && caseId !== visitor.caseId ? await ctx.store.get('case', caseId) : null;
      const name = kase?.assigneeId ? agentName(ctx.staff(kase.assigneeId)) : null;
      if (name) ns.to(rooms.visitor(visitor.id)).emit('agent', { agentName: name });
      return { message };
    },
    'visitor:suggest': async (visitor, { text }) => {
      if (text.trim().length < 3) return { articles: [] };
      const found = await articles.suggest(text, visitor.lang, 3, visitor.queueId);
      return {
        articles: found.map((a): SuggestedArticle => ({ id: a.id, title: a.title, snippet: summary(a.body), url: `${ctx.config.publicUrl}${helpArticlePath(a.id)}?lang=${a.language}` })),
      };
    },
    'visitor:deflected': async (visitor, { articleId }) => {
      if (!(await articles.byId(articleId))) throw new Refused('not-found', `no published article ${articleId}`);
      await ctx.write((w) => w.recordDeflection({ id: ctx.newId('defl'), queueId: visitor.queueId, lang: visitor.lang, articleId, visitorId: visitor.id, at: ctx.now() }));
      return {};
    },
    'visitor:contact': async (visitor, contact) => {
      await updateVisitor(ctx, visitor.id, (v) => ({ ...v, contact: { ...v.contact, ...contact }, lastSeenAt: ctx.now() }));
      return {};
    },
    'visitor:leave-message': async (visitor, req) => {
      await leaveVisitorMessage(ctx, visitor, req);
      return {};
    },
    'visitor:page': async (visitor, page) => {
      await updateVisitor(ctx, visitor.id, (v) => ({ ...v, pages: [...v.pages, { ...page, at: ctx.now() }].slice(-MAX_PAGES), lastSeenAt: ctx.now() }));
      return {};
    },
    'visitor:language': async (visitor, { lang }) => {
      if (lang !== visitor.lang) await updateVisitor(ctx, visitor.id, (v) => ({ ...v, lang, lastSeenAt: ctx.now() }));
      return {};
    },
    'visitor:typing': async (visitor, { typing }, socket) => {
      const last = typingSent.get(socket);
      const now = ctx.now();
      // Told again only when it changed, or now and then while it goes on: keystrokes are not relayed one by one.
      if (last && last.typing === typing && (!typing || now - last.at < TYPING_REFRESH_MS)) return {};
      const kase = visitor.caseId ? await ctx.store.get('case', visitor.caseId) : null;
      if (!kase) return {};
      typingSent.set(socket, { typing, at: now });
      ctx.emit([...caseKeys(kase)], 'visitor:typing', { caseId: kase.id, typing }, true);
      return {};
    },
    'visitor:read': async (visitor, { upTo }, socket) => {
      const { entries } = await conversationOf(ctx, visitor);
      const last = entries.findIndex((e) => e.interaction.id === upTo);
      if (last < 0) throw new Refused('not-found', `no message ${upTo} in this conversation`);
      for (const e of entries.slice(0, last + 1)) {
        if (!e.delivery || e.delivery.status === 'read') continue;
        if (await visitorReceipt(ctx, e.delivery.id, 'read')) socket.to(rooms.visitor(visitor.id)).emit('status', { id: e.interaction.id, status: 'read' });
      }
      return {};
    },
    'visitor:survey': async (visitor, { caseId, score, comment }) => {
      // Only a survey this chat was asked: another case of the same customer is not the visitor's to score.
      const asked = (await conversationOf(ctx, { ...visitor, caseId })).survey;
      if (!asked) throw new Refused('not-found', `no survey of case ${caseId} in this chat`);
      try {
        await ctx.write(async (w) => {
          const kase = await w.get('case', caseId);
          if (!kase) throw new Refused('not-found', `case ${caseId} no longer exists`);
          return answerSurvey(w, kase, score, comment ?? null);
        });
      } catch (err) {
        if (err instanceof SurveyLocked) throw new VisitorRefused('locked', err.message);
        throw err;
      }
      return inlineSurvey(ctx, caseId, asked.interaction.text);
    },
  };

  async function answer(visitorId: string, name: VisitorRequestName, payload: unknown, socket: Socket): Promise<VisitorAck<unknown>> {
    const parsed = VISITOR_REQUESTS[name][0].safeParse(payload);
    if (!parsed.success) return invalidRequest(name, parsed.error);
    try {
      const visitor = await ctx.store.visitor(visitorId);
      if (!visitor) return { ok: false, reason: 'closed', message: 'this chat session no longer exists' };
      return { ok: true, value: await (handlers[name] as Handler<typeof name>)(visitor, parsed.data as never, socket) };
    } catch (err) {
      if (err instanceof VisitorRefused) return { ok: false, reason: err.reason, message: err.message };
      if (err instanceof Refused) return { ok: false, reason: REFUSAL_OF[err.reason] ?? 'invalid', message: err.message, ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}) };
      if (err instanceof StoreUnavailable) return { ok: false, reason: 'unavailable', message: 'the chat is unavailable for a moment; try again', retryAfterMs: STORE_RETRY_MS };
      console.error(`hub: web chat ${name} failed`, err);
      return { ok: false, reason: 'unavailable', message: 'the chat could not do that just now; nothing was changed' };
    }
  }

  ns.on('connection', (socket) => {
    const { visitorId } = socket.data as { visitorId: string };
    const shared = visitorBuckets.get(visitorId) ?? { bucket: createBucket(limits.visitor, ctx.now), connections: 0 };
    shared.connections++;
    visitorBuckets.set(visitorId, shared);
    const budget = createVisitorBudget(limits, shared.bucket, ctx.now);
    void socket.join(rooms.visitor(visitorId));
    void ctx.store.visitor(visitorId).then((v) => v && socket.connected && socket.join(rooms.queue(v.queueId)), () => {});

    socket.onAny((event: unknown, ...args: unknown[]) => {
      const name = String(event).slice(0, 60);
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (a: VisitorAck<unknown>) => void) : null;
      const payload = args[0];
      const wait = budget.admit(name);
      const known = Object.hasOwn(VISITOR_REQUESTS, name);
      if (wait !== null || !known) {
        ack?.(wait !== null ? { ok: false, reason: 'rate-limited', message: 'too many requests: wait a moment', retryAfterMs: wait } : { ok: false, reason: 'invalid', message: `unknown request "${name}"` });
        if (budget.strike() && socket.connected) {
          console.warn(`hub: web chat: cut off visitor ${visitorId}, who kept asking after being refused`);
          void cutOffs(visitorId, true);
          socket.disconnect(true);
        }
        return;
      }
      // Answered on a later turn of the event loop: a burst of frames cannot hold the hub's loop.
      setImmediate(() => {
        if (!socket.connected) return;
        void answer(visitorId, name as VisitorRequestName, payload, socket).then((a) => socket.connected && ack?.(a));
      });
    });

    socket.on('disconnect', () => {
      if (--shared.connections <= 0) visitorBuckets.delete(visitorId);
    });
  });

  /** Who is typing on each case (this node's staff connections), to say when they stop. */
  const agentTyping = new Map<string, { staffId: string; at: number }>();

  /**
   * A member of staff's presence on a case (from their workstation's `presence:set`): typing shows in the
   * visitor's widget with their name; having the conversation open marks the visitor's messages read.
   */
  async function staffPresence(staff: Staff, caseId: string, state: PresenceState): Promise<void> {
    const visitor = await ctx.store.visitorOfCase(caseId);
    if (!visitor) return;
    const to = ns.to(rooms.visitor(visitor.id));
    const typing = agentTyping.get(caseId);
    const now = ctx.now();
    if (state === 'typing' && (typing?.staffId !== staff.id || now - typing.at >= AGENT_TYPING_REFRESH_MS)) {
      agentTyping.set(caseId, { staffId: staff.id, at: now });
      to.emit('typing', { agentName: agentName(staff), typing: true });
    } else if (state !== 'typing' && typing?.staffId === staff.id) {
      agentTyping.delete(caseId);
      to.emit('typing', { agentName: agentName(staff), typing: false });
    }
    if (state === 'none') return;
    const kase = await ctx.store.get('case', caseId);
    const seenBefore = visitor.agentSeenAt ?? 0;
    if (!kase || (kase.lastInboundAt ?? 0) <= seenBefore) return;
    const updated = await updateVisitor(ctx, visitor.id, (v) => ({ ...v, agentSeenAt: now }));
    for (const e of (await conversationOf(ctx, updated)).entries) {
      if (e.delivery === null && e.interaction.createdAt > seenBefore && e.interaction.createdAt <= now) to.emit('status', { id: e.interaction.id, status: 'read' });
    }
  }

  /**
   * Someone took a web chat conversation: its visitor hears their name. Every node sees every committed change
   * once, so each tells only its own connections; the last name told per case is remembered to tell it once.
   */
  const toldAgent = new Map<string, string>();
  const TOLD_KEPT = 10_000;
  function caseChanges(changes: readonly Change[]): void {
    for (const c of changes) {
      if (c.op !== 'upsert' || c.entity !== 'case') continue;
      const kase = c.data as Case;
      if (!kase.assigneeId || !kase.channels.includes('chat') || toldAgent.get(kase.id) === kase.assigneeId) continue;
      if (toldAgent.size >= TOLD_KEPT) toldAgent.delete(toldAgent.keys().next().value!);
      toldAgent.set(kase.id, kase.assigneeId);
      const name = agentName(ctx.staff(kase.assigneeId));
      if (!name) continue;
      void ctx.store.visitorOfCase(kase.id).then(
        (v) => v && v.caseId === kase.id && ns.local.to(rooms.visitor(v.id)).emit('agent', { agentName: name }),
        (err: Error) => console.warn(`hub: web chat: agent of ${kase.id} not told: ${err.message}`),
      );
    }
  }

  /**
   * Connected visitors hear when their queue's availability changes (someone signs in or out, the line grows):
   * each node looks after its own visitors' queues.
   */
  const told = new Map<string, string>();
  async function pushAvailability(): Promise<void> {
    const queues = [...ns.adapter.rooms.keys()].filter((r) => r.startsWith(rooms.queue(''))).map((r) => r.slice(rooms.queue('').length));
    for (const queueId of queues) {
      const a: Availability = await availabilityOf(ctx, queueId, signedIn);
      const key = JSON.stringify(a);
      if (told.get(queueId) === key) continue;
      told.set(queueId, key);
      ns.local.to(rooms.queue(queueId)).emit('availability', a);
    }
    for (const queueId of told.keys()) if (!queues.includes(queueId)) told.delete(queueId);
  }
  let pushing = false;
  const timer = setInterval(() => {
    if (pushing) return;
    pushing = true;
    pushAvailability()
      .catch((err: Error) => console.warn(`hub: web chat: availability not pushed: ${err.message}`))
      .finally(() => (pushing = false));
  }, opts.availabilityEveryMs ?? 10_000);
  timer.unref();

  return {
    ns,
    signedIn,
    caseChanges,
    staffPresence: (staff: Staff, caseId: string, state: PresenceState) =>
      void staffPresence(staff, caseId, state).catch((err: Error) => console.warn(`hub: web chat: presence on ${caseId} not passed on: ${err.message}`)),
    close: () => clearInterval(timer),
  };
}
export type VisitorChannel = ReturnType<typeof startVisitorNamespace>;

/** A refusal only a visitor gets (`locked`), with its reason as the widget knows it. */
class VisitorRefused extends Error {
  constructor(
    readonly reason: VisitorRefusal,
    message: string,
  ) {
    super(message);
  }
}
