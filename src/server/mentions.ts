import type { Case, Interaction, Staff } from '../shared/domain';
import type { NoteMention } from '../shared/protocol';
import { keys } from './audience';
import type { UnitOfWork } from './context';
import { canSeeCase } from './permissions';
import { Refused } from './refused';

const EXCERPT = 200;

/**
 * The colleagues a note mentions, checked: each an active member of staff who may see the case (a mention of
 * nobody, of someone who can no longer sign in, or of someone the case's subject and note must not reach, is
 * refused so the author knows it reaches no one). Duplicates and the author are left out.
 */
export function mentionedStaff(w: UnitOfWork, author: Staff, kase: Case, ids: readonly string[] = []): Staff[] {
  const found: Staff[] = [];
  for (const id of new Set(ids)) {
    const staff = w.ctx.staff(id);
    if (!staff || !staff.active) throw new Refused('not-found', `staff ${id} does not exist or is not active: they cannot be mentioned`);
    if (!canSeeCase(w.ctx, staff, kase)) {
      throw new Refused('forbidden', `${staff.name} does not see this case (not in its queue, store or assigned to it): they cannot be mentioned`);
    }
    if (staff.id !== author.id) found.push(staff);
  }
  return found;
}

/** Tells each mentioned colleague, live and after commit, that the note names them. */
export function notifyMentions(w: UnitOfWork, author: Staff, kase: Case, note: Interaction, mentioned: readonly Staff[]): void {
  if (mentioned.length === 0) return;
  const event: NoteMention = {
    caseId: kase.id,
    interactionId: note.id,
    authorId: author.id,
    authorName: author.name,
    caseSubject: kase.subject,
    excerpt: note.text.length > EXCERPT ? `${note.text.slice(0, EXCERPT - 1)}…` : note.text,
  };
  w.emit(mentioned.map((s) => keys.staff(s.id)), 'note:mention', event);
}
