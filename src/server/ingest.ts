import {
  caseReference,
  identityKey,
  isOpenCase,
  normalizePhone,
  type IdentityKind,
  type Case,
  type Country,
  type Channel,
  type Customer,
  type Interaction,
  type InteractionMeta,
  type Lang,
} from '../shared/domain';
import type { InboundMessage, InboundResult } from '../shared/protocol';
import type { HubContext, UnitOfWork } from './context';
import { createCustomer } from './customers';
import { keys } from './audience';
import { routed, withAssignee } from './routing';
import { offerCall } from './voiceCalls';
import { normalizeSubject } from './store/storeRules';
import { alertOnVeryNegative, answerSurvey, SurveyLocked } from './voice';
import { classifyCustomer } from '../shared/assist';
import { checkConnectorFile, storeFile, type CheckedFile } from './attachments';
import type { AttachmentHolder, StoreReads } from './store/hubStore';
import type { AttachmentRef } from '../shared/domain';

/** A connector's message that cannot be applied as sent (e.g. a survey for a case that is not the sender's). */
export class InboundRejected extends Error {
  constructor(
    readonly code: 'unknown-case' | 'wrong-customer' | 'survey-locked' | 'unknown-call' | 'unknown-store' | 'unknown-staff' | 'no-queue' | 'unexpected-attachments' | 'phone-country-code',
    message: string,
  ) {
    super(message);
  }
}

type From = InboundMessage['from'];

/**
 * The country a connector's phone number without its code is read in: the visited store's; else the one country
 * the open queues taking the message's channel agree on; else none (the number must carry its code).
 */
async function inboundCountry(w: UnitOfWork, msg: InboundMessage): Promise<Country | null> {
  if (msg.store) return (await w.get('storeLocation', msg.store.storeId))?.country ?? null;
  const countries = new Set(w.ctx.queues().filter((q) => !q.archived && q.channels.includes(msg.channel)).map((q) => q.country ?? null));
  return countries.size === 1 ? [...countries][0] : null;
}

/**
 * The sender's identities keyed for matching, most specific first. The inbound schema has already normalised
 * them (or refused the message) with the domain's one definition of each identity; a phone is read here, in
 * the message's country (inboundCountry).
 */
function identitiesFrom(from: From, country: Country | null): Array<[IdentityKind, string]> {
  const out: Array<[IdentityKind, string]> = [];
  if (from.loyaltyNumber) out.push(['loyalty', identityKey('loyalty', from.loyaltyNumber)]);
  if (from.email) out.push(['email', identityKey('email', from.email)]);
  if (from.phone) {
    const phone = normalizePhone(from.phone, country);
    if (phone === null) {
      throw new InboundRejected('phone-country-code', `from.phone: ${from.phone} has no country code, and neither the store nor the channel's queues name a country: send it with its code (+30..., +48...)`);
    }
    out.push(['phone', identityKey('phone', phone)]);
  }
  if (from.handle) out.push(['handle', identityKey('handle', from.handle)]);
  return out;
}

/** A first guess at a new customer's language from their phone prefix or email domain. */
function guessLanguage(ids: Array<[IdentityKind, string]>): Lang {
  for (const [kind, v] of ids) {
    if (kind === 'phone' && v.startsWith('+48')) return 'pl';
    if (kind === 'phone' && (v.startsWith('+30') || v.startsWith('+357'))) return 'el';
    if (kind === 'email' && v.endsWith('.pl')) return 'pl';
    if (kind === 'email' && (v.endsWith('.gr') || v.endsWith('.cy'))) return 'el';
  }
  return 'en';
}

/** The customer a record was merged into, all the way down; the record itself when it was not merged. */
export async function followMerges(reads: Pick<StoreReads, 'get'>, c: Customer | null): Promise<Customer | null> {
  while (c?.mergedInto) c = await reads.get('customer', c.mergedInto);
  return c;
}

/** Finds the sender by any of their identities, following merges; null when nobody matches. */
export async function findSender(w: UnitOfWork, ids: Array<[IdentityKind, string]>): Promise<Customer | null> {
  for (const [kind, value] of ids) {
    const c = await followMerges(w, await w.findCustomerByIdentity(kind, value));
    if (c) return c;
  }
  return null;
}

/** A new customer's language: what they wrote in, when there are words enough to tell; else their identities. */
function languageOf(text: string, ids: Array<[IdentityKind, string]>): Lang {
  return text.trim().split(/\s+/).length >= 3 ? classifyCustomer([text], { fallbackLanguage: guessLanguage(ids) }).language : guessLanguage(ids);
}

/**
 * The sender's record, created when nobody matches, with any identity it did not have yet added. A sender the
 * hub already knows for sure (`known`: a signed identity) is that customer, whatever their identities match.
 */
async function resolveCustomer(w: UnitOfWork, from: From, ids: Array<[IdentityKind, string]>, text: string, known?: string): Promise<Customer> {
  const { ctx } = w;
  const now = ctx.now();
  const found = known !== undefined ? await followMerges(w, await w.get('customer', known)) : await findSender(w, ids);
  if (!found) {
    const fallbackName = from.name ?? from.email ?? from.handle ?? from.phone ?? from.loyaltyNumber ?? 'Customer';
    return await createCustomer(w, {
      name: fallbackName,
      emails: ids.filter(([k]) => k === 'email').map(([, v]) => v),
      phones: ids.filter(([k]) => k === 'phone').map(([, v]) => v),
      handles: ids.filter(([k]) => k === 'handle').map(([, v]) => v),
      loyaltyNumber: ids.find(([k]) => k === 'loyalty')?.[1] ?? null,
      language: languageOf(text, ids),
    });
  }
  // Identities the sender used that their record lacks are added, unless they belong to another customer: an
  // identity moves between customers only by a supervisor's merge.
  const owners = await Promise.all(ids.map(([kind, value]) => w.findCustomerByIdentity(kind, value)));
  const free = ids.filter((_, i) => owners[i] === null);
  const add = (kind: IdentityKind, list: string[]) => free.filter(([k, v]) => k === kind && !list.map((x) => identityKey(kind, x)).includes(v)).map(([, v]) => v);
  const emails = add('email', found.emails);
  const phones = add('phone', found.phones);
  const handles = add('handle', found.handles);
  const loyalty = found.loyaltyNumber ?? free.find(([k]) => k === 'loyalty')?.[1] ?? null;
  if (!emails.length && !phones.length && !handles.length && loyalty === found.loyaltyNumber) return found;
  const updated: Customer = {
    ...found,
    emails: [...found.emails, ...emails],
    phones: [...found.phones, ...phones],
    handles: [...found.handles, ...handles],
    loyaltyNumber: loyalty,
    updatedAt: now,
    version: found.version + 1,
  };
  await w.save('customer', updated);
  return updated;
}

/**
 * The queue for new work on a channel: one that takes the channel and the customer's language, else any for the
 * channel, else any at all. Archived queues take nothing new while another queue is left.
 */
function queueFor(ctx: HubContext, channel: Channel, lang: Lang): string {
  const open = ctx.queues().filter((q) => !q.archived);
  const queues = open.filter((q) => q.channels.includes(channel));
  const q = queues.find((x) => x.languages.includes(lang)) ?? queues[0] ?? open[0] ?? ctx.queues()[0];
  // A hub being set up: the connector keeps the message and sends it again once an admin has made a queue.
  if (!q) throw new InboundRejected('no-queue', 'no queue takes new work yet: an administrator must create one; send this message again then');
  return q.id;
}

/** The customer's open case on this topic: same subject when one is given, else their most recent open case. */
async function openCaseOnTopic(w: UnitOfWork, customerId: string, subject: string | undefined): Promise<Case | null> {
  const open = (await w.casesOfCustomer(customerId)).filter(isOpenCase);
  if (subject && normalizeSubject(subject)) {
    const want = normalizeSubject(subject);
    return open.find((c) => normalizeSubject(c.subject) === want) ?? null;
  }
  return open[0] ?? null;
}

function newCase(ctx: HubContext, customer: Customer, channel: Channel, subject: string | undefined, text: string, queueId = queueFor(ctx, channel, customer.language)): Case {
  const now = ctx.now();
  const sla = ctx.queue(queueId)!.sla;
  const firstLine = text.split('\n')[0].trim();
  return {
    id: ctx.newId('case'),
    customerId: customer.id,
    subject: (subject ?? (firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine)).slice(0, 300),
    status: 'new',
    priority: 'normal',
    queueId,
    assigneeId: null,
    storeId: null,
    originChannel: channel,
    channels: [channel],
    lastChannel: channel,
    firstResponseDueAt: now + sla.firstResponseMinutes * 60_000,
    nextResponseDueAt: null,
    firstRespondedAt: null,
    slaBreachedAt: null,
    lastInboundAt: null,
    lastOutboundAt: null,
    lastMessageId: null,
    inboundCount: 0,
    csatScore: null,
    assigneeHistory: [],
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    version: 1,
  };
}

/**
 * What the hub knows of a message beyond its body, when it received the message itself (email): which case it
 * continues, and the channel's id of it.
 */
export interface IngestOptions {
  /** Cases the message answers, most likely first (the cases of the emails its In-Reply-To and References name). */
  caseIds?: readonly string[];
  /** The case reference its subject carries (see caseReference), looked for among the sender's cases. */
  caseReference?: string | null;
  /** The email's Message-ID, kept in the interaction's meta so that replies to it thread here. */
  messageId?: string;
  /** The sender is this customer (a shop's signed identity), following merges: their identities only add to them. */
  customerId?: string;
  /** The queue a new case goes to (the web chat's queue), instead of the one the channel and language pick. */
  queueId?: string;
  /** Web chat: the pages the visitor came through and the articles they saw, kept in the interaction's meta. */
  pages?: NonNullable<InteractionMeta['pages']>;
  articlesSeen?: NonNullable<InteractionMeta['articlesSeen']>;
  /** Files already stored and held by `holder` (a visitor's uploads, checked by the caller): the case holds them too. */
  heldFiles?: { holder: AttachmentHolder; refs: readonly AttachmentRef[] };
}

/**
 * The open case of this customer a message says it continues: one it answers, else the one its subject
 * references. A case of another customer is never joined (a forwarded thread, a guessed reference): the message
 * then goes where any other would.
 */
async function hintedCase(w: UnitOfWork, customerId: string, opts: IngestOptions): Promise<Case | null> {
  for (const id of opts.caseIds ?? []) {
    const kase = await w.get('case', id);
    if (kase && kase.customerId === customerId && isOpenCase(kase)) return kase;
  }
  if (!opts.caseReference) return null;
  const open = (await w.casesOfCustomer(customerId)).filter(isOpenCase);
  return open.find((c) => caseReference(c.id) === opts.caseReference) ?? null;
}

function metaOf(msg: InboundMessage, opts: IngestOptions): InteractionMeta {
  const meta: InteractionMeta = {};
  if (opts.messageId) meta.messageId = opts.messageId;
  if (msg.call) Object.assign(meta, { durationSec: msg.call.durationSec, outcome: msg.call.outcome, notes: msg.call.notes });
  if (msg.video) Object.assign(meta, { sessionLengthSec: msg.video.sessionLengthSec, summary: msg.video.summary, notes: msg.video.notes });
  if (msg.store) Object.assign(meta, { storeId: msg.store.storeId, staffId: msg.store.staffId });
  if (msg.network) meta.network = msg.network;
  if (msg.from.handle) meta.handle = msg.from.handle;
  if (msg.channel === 'email' && msg.from.email) meta.address = msg.from.email.toLowerCase();
  if (opts.pages?.length) meta.pages = opts.pages;
  if (opts.articlesSeen?.length) meta.articlesSeen = opts.articlesSeen;
  for (const k of Object.keys(meta) as Array<keyof InteractionMeta>) if (meta[k] === undefined) delete meta[k];
  return meta;
}

/** The inbound interaction and the case moved on by it (status, SLA, channels). Saves nothing. */
function appendInbound(ctx: HubContext, kase: Case, msg: InboundMessage, customer: Customer, opts: IngestOptions): { kase: Case; interaction: Interaction } {
  const now = ctx.now();
  const interaction: Interaction = {
    id: ctx.newId('int'),
    caseId: kase.id,
    customerId: customer.id,
    kind: msg.channel,
    direction: 'inbound',
    text: msg.text,
    subject: msg.subject ?? null,
    authorId: null,
    externalId: msg.externalId,
    meta: metaOf(msg, opts),
    createdAt: now,
  };
  const sla = ctx.queue(kase.queueId)?.sla;
  const awaitingReply = kase.firstRespondedAt !== null && kase.nextResponseDueAt === null;
  const updated: Case = {
    ...kase,
    status: kase.status === 'pending' ? 'open' : kase.status,
    channels: kase.channels.includes(msg.channel) ? kase.channels : [...kase.channels, msg.channel],
    lastChannel: msg.channel,
    lastInboundAt: now,
    lastMessageId: interaction.id,
    inboundCount: kase.inboundCount + 1,
    nextResponseDueAt: awaitingReply && sla ? now + sla.nextResponseMinutes * 60_000 : kase.nextResponseDueAt,
    updatedAt: now,
    version: kase.version + 1,
  };
  return { kase: updated, interaction };
}

/**
 * Takes one message from a channel connector: resolves the customer, appends to their open case on the topic
 * or opens one, and routes it. Idempotent by `externalId`. Phone calls and survey answers take their own path.
 */
export function ingestInbound(ctx: HubContext, msg: InboundMessage, opts: IngestOptions = {}): Promise<InboundResult> {
  // Files are decoded, hashed and checked before the write transaction (they are the slow part), and refused
  // whole: a message is stored with all its files or not at all.
  const files = (msg.attachments ?? []).map((file, i) => checkConnectorFile(file, `attachments.${i}`));
  // A survey answer or a call ringing is no message of the timeline: its files would have nowhere to go.
  if (files.length > 0 && (msg.survey || (msg.call && msg.call.state !== 'ended'))) {
    return Promise.reject(new InboundRejected('unexpected-attachments', 'attachments: only a message (or a call that ended) carries files, not a survey answer or a call signal'));
  }
  return ctx.write(async (w) => {
    // Claimed in the same transaction as what it creates: a retry to any hub node gets the first result.
    const seen = (await w.claimInbound(msg.externalId, ctx.now())) as InboundResult | null;
    if (seen) return { ...seen, duplicate: true };
    if (msg.store) await checkStoreVisit(w, msg.store);
    const ids = identitiesFrom(msg.from, await inboundCountry(w, msg));
    const result = msg.survey
      ? await ingestSurvey(w, msg, ids)
      : msg.call && msg.call.state !== 'ended'
        ? await ingestCallSignal(w, msg, ids)
        : await ingestMessage(w, msg, ids, files, opts);
    await w.saveInboundResult(msg.externalId, result);
    return result;
  });
}

/** A store visit names a store that exists and, if it names one, a member of staff of that store. */
async function checkStoreVisit(w: UnitOfWork, visit: NonNullable<InboundMessage['store']>): Promise<void> {
  const { ctx } = w;
  if (!await w.get('storeLocation', visit.storeId)) throw new InboundRejected('unknown-store', `store.storeId: no store ${visit.storeId}`);
  if (visit.staffId === undefined) return;
  const staff = ctx.staff(visit.staffId);
  if (!staff || staff.storeId !== visit.storeId) throw new InboundRejected('unknown-staff', `store.staffId: ${visit.staffId} is not staff of store ${visit.storeId}`);
}

async function ingestMessage(w: UnitOfWork, msg: InboundMessage, ids: Array<[IdentityKind, string]>, files: readonly CheckedFile[], opts: IngestOptions): Promise<InboundResult> {
  const { ctx } = w;
  const customer = await resolveCustomer(w, msg.from, ids, msg.text, opts.customerId);
  const call = msg.call ? await w.call(msg.call.id) : null;
  let kase = (call?.caseId ? await w.get('case', call.caseId) : null) ?? await hintedCase(w, customer.id, opts) ?? await openCaseOnTopic(w, customer.id, msg.subject);
  const queueId = opts.queueId !== undefined && ctx.queue(opts.queueId)?.archived === false ? opts.queueId : undefined;
  if (!kase || !isOpenCase(kase)) kase = newCase(ctx, customer, msg.channel, msg.subject, msg.text || msg.video?.summary || msg.call?.notes || '', queueId);
  const appended = appendInbound(ctx, kase, msg, customer, opts);
  // A call answered (or still offered to someone) stays with them: they took it. A call nobody took, all having
  // declined it or let it ring out, is routed like other work: before the case is saved, so it goes out once, to
  // the people who see it once routed.
  const takenBy = call?.answeredBy ?? call?.offeredTo;
  let current = takenBy && !appended.kase.assigneeId ? await withAssignee(w, appended.kase, takenBy) : appended.kase;
  current = await routed(w, current, customer);
  await w.save('case', current);
  const attachments = [];
  for (const file of files) attachments.push(await storeFile(w, file, `case:${current.id}`, ctx.now()));
  for (const ref of opts.heldFiles?.refs ?? []) {
    if (!(await w.attachmentHolders(ref.sha256)).includes(opts.heldFiles!.holder)) throw new InboundRejected('unexpected-attachments', `the file ${JSON.stringify(ref.name)} was not uploaded by this sender`);
    await w.holdAttachment(ref.sha256, `case:${current.id}`);
    attachments.push(ref);
  }
  if (attachments.length > 0) appended.interaction.meta = { ...appended.interaction.meta, attachments };
  // Saved after the case, so that its audience is the case's audience as it now stands.
  await w.save('interaction', appended.interaction);
  await alertOnVeryNegative(w, current, msg.text);
  if (call && msg.call) {
    await w.saveCall({ ...call, state: 'ended', customerId: customer.id, caseId: current.id, at: ctx.now() });
    w.emit([keys.staff(takenBy ?? '')], 'call:update', { callId: call.callId, state: 'ended', staffId: takenBy ?? null, caseId: current.id }, true);
  }
  return {
    ok: true,
    customerId: customer.id,
    caseId: current.id,
    interactionId: appended.interaction.id,
    duplicate: false,
    assigneeId: current.assigneeId,
  };
}

/**
 * `ringing` offers the call to an agent and pops the caller's record on their workstation before they answer
 * (see voiceCalls.ts: declined or unanswered, it goes to the next); `answered` (the telephone system saw it
 * picked up) tells the others. The call is recorded on a case when it ends.
 */
async function ingestCallSignal(w: UnitOfWork, msg: InboundMessage, ids: Array<[IdentityKind, string]>): Promise<InboundResult> {
  const { ctx } = w;
  const signal = msg.call!;
  const customer = await findSender(w, ids);
  const phone = ids.find(([k]) => k === 'phone')?.[1] ?? msg.from.phone ?? '';
  const openCases = customer ? (await w.casesOfCustomer(customer.id)).filter(isOpenCase) : [];
  const existing = await w.call(signal.id);
  if (signal.state === 'answered') {
    if (!existing) throw new InboundRejected('unknown-call', `call ${signal.id} was never offered (send state "ringing" first)`);
    const answeredBy = existing.answeredBy ?? existing.offeredTo;
    await w.saveCall({ ...existing, state: 'answered', answeredBy, at: ctx.now() });
    w.emit([keys.staff(answeredBy ?? '')], 'call:update', { callId: signal.id, state: 'answered', staffId: answeredBy, caseId: existing.caseId }, true);
    return { ok: true, customerId: existing.customerId, caseId: existing.caseId, interactionId: null, duplicate: false, assigneeId: existing.offeredTo };
  }
  const record = await offerCall(
    w,
    {
      callId: signal.id,
      phone,
      customerId: customer?.id ?? null,
      caseId: openCases[0]?.id ?? null,
      offeredTo: null,
      state: 'ringing',
      at: ctx.now(),
      queueId: queueFor(ctx, 'phone', customer?.language ?? guessLanguage(ids)),
      declinedBy: [],
      offerNo: 0,
    },
    customer,
  );
  return { ok: true, customerId: record.customerId, caseId: record.caseId, interactionId: null, duplicate: false, assigneeId: record.offeredTo };
}

async function ingestSurvey(w: UnitOfWork, msg: InboundMessage, ids: Array<[IdentityKind, string]>): Promise<InboundResult> {
  const survey = msg.survey!;
  const kase = await w.get('case', survey.caseId);
  if (!kase) throw new InboundRejected('unknown-case', `survey answer for unknown case ${survey.caseId}`);
  const sender = await findSender(w, ids);
  if (!sender || sender.id !== kase.customerId) {
    throw new InboundRejected('wrong-customer', `survey answer for case ${survey.caseId} does not come from its customer`);
  }
  try {
    await answerSurvey(w, kase, survey.score, survey.comment ?? null);
  } catch (err) {
    if (err instanceof SurveyLocked) throw new InboundRejected('survey-locked', err.message);
    throw err;
  }
  return { ok: true, customerId: kase.customerId, caseId: kase.id, interactionId: null, duplicate: false, assigneeId: kase.assigneeId };
}
