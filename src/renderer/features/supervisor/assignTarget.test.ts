import { describe, expect, it } from 'vitest';
import { aCase, aStaff } from '../../test/builders';
import { moveWarning, parseTarget, targetValue } from './assignTarget';

const staff = [
  aStaff({ id: 'a1', name: 'Anna', status: 'available', capacity: { chat: 1, email: 1, phone: 0, video: 0, social: 0, sms: 0, store: 0 } }),
  aStaff({ id: 'a2', name: 'Piotr', status: 'away' }),
  aStaff({ id: 'a3', name: 'Eleni', status: 'offline' }),
  aStaff({ id: 'a4', name: 'Sofia', status: 'busy' }),
];
const waiting = [aCase({ id: 'c1', assigneeId: null, lastChannel: 'chat' }), aCase({ id: 'c2', assigneeId: null, lastChannel: 'email' })];

describe('move targets', () => {
  it('round-trips a target through its select value, and refuses anything else', () => {
    for (const to of [{ staffId: 'a1' }, { queueId: 'q:odd' }]) expect(parseTarget(targetValue(to))).toEqual(to);
    expect(parseTarget(null)).toBeNull();
    expect(parseTarget('team:x')).toBeNull();
    expect(parseTarget('staff:')).toBeNull();
  });

  it('warns of a person away or offline, or over capacity after the move, and of nothing else', () => {
    expect(moveWarning({ staffId: 'a2' }, staff, waiting, waiting.slice(0, 1))).toEqual({ name: 'Piotr', absent: 'away', over: [] });
    expect(moveWarning({ staffId: 'a3' }, staff, waiting, waiting.slice(0, 1))).toEqual({ name: 'Eleni', absent: 'offline', over: [] });
    // One chat and one email fill Anna; a second chat is one too many.
    expect(moveWarning({ staffId: 'a1' }, staff, waiting, waiting)).toBeNull();
    const more = [...waiting, aCase({ id: 'c3', assigneeId: null, lastChannel: 'chat' })];
    expect(moveWarning({ staffId: 'a1' }, staff, more, more)).toEqual({ name: 'Anna', absent: null, over: [{ channel: 'chat', used: 2, capacity: 1 }] });
    expect(moveWarning({ staffId: 'a4' }, staff, waiting, waiting)).toBeNull();
    expect(moveWarning({ queueId: 'q1' }, staff, more, more)).toBeNull();
    expect(moveWarning(null, staff, more, more)).toBeNull();
    expect(moveWarning({ staffId: 'gone' }, staff, more, more)).toBeNull();
  });
});
