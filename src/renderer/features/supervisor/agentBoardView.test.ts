import { describe, expect, it } from 'vitest';
import { NOW, aCase, aStaff } from '../../test/builders';
import { DEFAULT_VIEW, boardRows, type BoardView } from './agentBoardView';

const cap = (chat: number) => ({ chat, email: 0, phone: 0, video: 0, social: 0, sms: 0, store: 0 });
const agents = [
  aStaff({ id: 'z', name: 'Żaneta', status: 'available', capacity: cap(2) }),
  aStaff({ id: 'e', name: 'Ewa', status: 'offline', capacity: cap(2) }),
  aStaff({ id: 'a', name: 'Adam', status: 'away', capacity: cap(2) }),
  aStaff({ id: 'b', name: 'Bartek', status: 'busy', capacity: cap(1) }),
];
const chat = (id: string, assigneeId: string, over: Parameters<typeof aCase>[0] = {}) => aCase({ id, assigneeId, lastChannel: 'chat', ...over });
// Bartek: two chats against one (over), one due soon. Ewa: offline with a case. Adam: away with none. Żaneta: one, overdue.
const cases = [chat('c1', 'b', { firstResponseDueAt: NOW + 60_000 }), chat('c2', 'b'), chat('c3', 'e'), chat('c4', 'z', { firstResponseDueAt: NOW - 60_000 })];
const casesOf = (id: string) => cases.filter((c) => c.assigneeId === id);
const queues = [{ id: 'q1', memberIds: ['b', 'e'] }];
const rows = (view: Partial<BoardView>) => boardRows(agents, casesOf, queues, { ...DEFAULT_VIEW, ...view }, new Intl.Collator('pl'));
const names = (view: Partial<BoardView>) => rows(view).rows.map((s) => s.name);

describe('agents board order and filters', () => {
  it('sorts by name in the language, status, load, open cases and the nearest reply due, names breaking ties', () => {
    expect(names({})).toEqual(['Adam', 'Bartek', 'Ewa', 'Żaneta']);
    expect(names({ sort: 'status' })).toEqual(['Żaneta', 'Bartek', 'Adam', 'Ewa']);
    expect(names({ sort: 'load' })).toEqual(['Bartek', 'Ewa', 'Żaneta', 'Adam']);
    expect(names({ sort: 'open' })).toEqual(['Bartek', 'Ewa', 'Żaneta', 'Adam']);
    expect(names({ sort: 'sla' })).toEqual(['Żaneta', 'Bartek', 'Adam', 'Ewa']);
  });

  it('filters by over capacity, absent with open cases and queue, counting each filter within the queue', () => {
    expect(rows({})).toMatchObject({ inQueue: 4, counts: { overCapacity: 1, awayWithCases: 1 } });
    expect(names({ overCapacity: true })).toEqual(['Bartek']);
    expect(names({ awayWithCases: true })).toEqual(['Ewa']);
    expect(names({ overCapacity: true, awayWithCases: true })).toEqual([]);
    expect(rows({ queueId: 'q1' })).toMatchObject({ inQueue: 2, counts: { overCapacity: 1, awayWithCases: 1 } });
    expect(names({ queueId: 'q1' })).toEqual(['Bartek', 'Ewa']);
    expect(names({ queueId: 'no-such-queue' })).toEqual([]);
  });
});
