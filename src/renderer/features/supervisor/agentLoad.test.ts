import { describe, expect, it } from 'vitest';
import { NOW, aCase, aStaff } from '../../test/builders';
import { agentLoad, loadAfterMove, loadShare, nearestReplyDue, overCapacity } from './agentLoad';

const anna = aStaff({ id: 'a1', capacity: { chat: 2, email: 1, phone: 0, video: 0, social: 0, sms: 0, store: 0 } });
const chat = (id: string, over: Parameters<typeof aCase>[0] = {}) => aCase({ id, assigneeId: 'a1', lastChannel: 'chat', ...over });

describe('agent load', () => {
  it("counts an agent's open cases per channel they take or have cases on, and leaves out finished cases and others'", () => {
    const cases = [chat('c1'), chat('c2', { status: 'resolved' }), chat('c3', { assigneeId: 'a2' }), chat('c4', { lastChannel: 'sms' })];
    const { open, load } = agentLoad(anna, cases);
    expect(open.map((c) => c.id)).toEqual(['c1', 'c4']);
    expect(load).toEqual([
      { channel: 'chat', used: 1, capacity: 2 },
      { channel: 'email', used: 0, capacity: 1 },
      { channel: 'sms', used: 1, capacity: 0 },
    ]);
  });

  it('is over capacity only above it: full is not over', () => {
    expect(overCapacity([{ channel: 'chat', used: 2, capacity: 2 }])).toEqual([]);
    expect(overCapacity([{ channel: 'chat', used: 3, capacity: 2 }, { channel: 'email', used: 0, capacity: 1 }])).toEqual([{ channel: 'chat', used: 3, capacity: 2 }]);
    expect(overCapacity([{ channel: 'sms', used: 1, capacity: 0 }])).toHaveLength(1);
  });

  it("shares by the fullest channel; a case on a channel taken not at all is infinitely full; nothing is 0", () => {
    expect(loadShare([{ channel: 'chat', used: 1, capacity: 2 }, { channel: 'email', used: 1, capacity: 1 }])).toBe(1);
    expect(loadShare([{ channel: 'chat', used: 3, capacity: 2 }])).toBe(1.5);
    expect(loadShare([{ channel: 'sms', used: 1, capacity: 0 }])).toBe(Infinity);
    expect(loadShare([])).toBe(0);
  });

  it('adds the cases moved to the load per channel, not those already theirs nor finished ones', () => {
    const cases = [chat('c1'), chat('c2', { assigneeId: null }), chat('c3', { assigneeId: 'a2', lastChannel: 'email' })];
    const moving = [cases[0], cases[1], cases[2], chat('c5', { assigneeId: 'a2', status: 'closed' })];
    expect(loadAfterMove(anna, cases, moving)).toEqual([
      { channel: 'chat', used: 2, capacity: 2 },
      { channel: 'email', used: 1, capacity: 1 },
    ]);
  });

  it('finds the nearest reply due, the most overdue first, and null when no reply is awaited', () => {
    expect(nearestReplyDue([chat('c1', { firstResponseDueAt: NOW + 10 }), chat('c2', { nextResponseDueAt: NOW - 10 }), chat('c3')])).toBe(NOW - 10);
    expect(nearestReplyDue([chat('c1', { status: 'pending', firstResponseDueAt: NOW })])).toBeNull();
    expect(nearestReplyDue([])).toBeNull();
  });
});
