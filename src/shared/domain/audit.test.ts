import { describe, expect, it } from 'vitest';
import { auditActionsOf } from '../protocol';
import { AUDIT_ACTIONS, AUDIT_EXCERPT_MAX, AUDIT_GROUPS, actionsOfGroup, auditExcerpt, auditGroupOf } from './audit';

describe('auditExcerpt', () => {
  it('keeps a short text whole, its whitespace folded', () => {
    expect(auditExcerpt('  Hello,\n\n  your parcel\tleft today ')).toBe('Hello, your parcel left today');
  });

  it('cuts a long text to the maximum, ellipsis included, never inside a character', () => {
    const long = `${'😀'.repeat(AUDIT_EXCERPT_MAX)}tail`;
    const cut = auditExcerpt(long);
    expect([...cut]).toHaveLength(AUDIT_EXCERPT_MAX);
    expect(cut).toBe(`${'😀'.repeat(AUDIT_EXCERPT_MAX - 1)}…`);
    expect(auditExcerpt('x'.repeat(AUDIT_EXCERPT_MAX))).toBe('x'.repeat(AUDIT_EXCERPT_MAX));
  });
});

describe('audit groups', () => {
  it('put every action in exactly one group', () => {
    const grouped = AUDIT_GROUPS.flatMap((g) => actionsOfGroup(g));
    expect([...grouped].sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const g of AUDIT_GROUPS) expect(actionsOfGroup(g).length).toBeGreaterThan(0);
    expect(auditGroupOf('case.take')).toBe('assignment');
  });

  it('turn a query’s action, actions or group into the actions asked for', () => {
    expect(auditActionsOf({})).toBeUndefined();
    expect(auditActionsOf({ action: 'case.note' })).toEqual(['case.note']);
    expect(auditActionsOf({ actions: ['case.note', 'case.reply', 'case.note'] })).toEqual(['case.note', 'case.reply']);
    expect(auditActionsOf({ group: 'replies' })).toEqual(['case.reply', 'case.replyHeld']);
  });
});
