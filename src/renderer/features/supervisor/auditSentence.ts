import type { TFunction } from 'i18next';
import { SYSTEM_ACTOR_ID, type AuditEntry } from '../../../shared/domain';

/** Names the sentences need, looked up in the console's reference data and the hub's answer. */
export interface AuditNames {
  staff(id: string): string | undefined;
  queue(id: string): string | undefined;
  store(id: string): string | undefined;
  caseSubject(id: string): string | undefined;
}

type Side = Record<string, unknown>;
const side = (v: unknown): Side => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Side) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Who did it, as people read it: a person's name, the hub itself, or (someone since removed) "someone". */
export function actorName(t: TFunction, names: AuditNames, actorId: string): string {
  if (actorId === SYSTEM_ACTOR_ID) return t('supervisor:audit.system');
  return names.staff(actorId) ?? t('supervisor:audit.someone');
}

/** The case an entry is about, by its subject (never its raw id). */
export function caseLabel(t: TFunction, names: AuditNames, caseId: string | null): string {
  if (!caseId) return '';
  return names.caseSubject(caseId) || t('supervisor:audit.untitledCase');
}

/** One entry of the trail as a sentence in the UI language ("Anna Nowak replied on “Refund for order 1234”: …"). */
export function auditSentence(t: TFunction, names: AuditNames, e: AuditEntry): string {
  const before = side(e.before);
  const after = side(e.after);
  const actor = actorName(t, names, e.actorId);
  const subject = caseLabel(t, names, e.caseId);
  const place = (s: Side) =>
    s.assigneeId ? (names.staff(str(s.assigneeId)) ?? t('supervisor:audit.someone')) : t('supervisor:audit.inQueue', { queue: names.queue(str(s.queueId)) ?? '' });
  const person = names.staff(e.targetId) ?? t('supervisor:audit.someone');
  const key = `supervisor:audit.sentence.${e.action}`;
  switch (e.action) {
    case 'case.reply':
    case 'case.replyHeld':
    case 'case.note':
      return t(key, { actor, subject, excerpt: str(after.excerpt) });
    case 'case.take':
      return t(key, { actor, subject });
    case 'case.routed':
      return after.assigneeId ? t(key, { subject, to: place(after) }) : t('supervisor:audit.sentence.case.routedBack', { subject, queue: names.queue(str(after.queueId)) ?? '' });
    case 'case.handBack':
      return t(key, { actor, subject, queue: names.queue(str(after.queueId)) ?? '', to: place(after) });
    case 'case.reassign':
      return t(key, { actor, subject, from: place(before), to: place(after) });
    case 'case.continueInStore':
      return t(key, { actor, subject, store: names.store(str(after.storeId)) ?? '' });
    case 'case.status':
      return t(key, { actor, subject, from: t(`common:caseStatus.${str(before.status)}`), to: t(`common:caseStatus.${str(after.status)}`) });
    case 'case.priority':
      return t(key, { actor, subject, from: t(`case:priority.${str(before.priority)}`), to: t(`case:priority.${str(after.priority)}`) });
    case 'case.tags': {
      const tags = Array.isArray(after.tags) ? after.tags.map(str).filter(Boolean) : [];
      return tags.length > 0 ? t(key, { actor, subject, tags: tags.join(', ') }) : t('supervisor:audit.sentence.case.tagsNone', { actor, subject });
    }
    case 'survey.sent':
      return t(after.automatic === true ? 'supervisor:audit.sentence.survey.sentOnResolve' : key, { actor, subject });
    case 'delivery.retry':
      return t(key, { actor, subject });
    case 'delivery.failed':
      return t(key, { subject, channel: t(`common:channel.${str(after.channel)}`), count: typeof after.attempts === 'number' ? after.attempts : 1, error: str(after.error) });
    case 'alert.acknowledge':
    case 'alert.assign':
    case 'alert.close':
      return t(key, { actor, subject, person: names.staff(str(after.followUpStaffId)) ?? '' });
    case 'staff.status':
      return t(key, { actor, person, from: t(`shell:status.${str(before.status)}`), to: t(`shell:status.${str(after.status)}`) });
    case 'staff.capacity':
    case 'staff.queues':
      return t(key, { actor, person });
    default:
      return t('supervisor:audit.sentence.other', { actor, action: t(`supervisor:audit.action.${e.action}`) });
  }
}
