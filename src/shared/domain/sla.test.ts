import { describe, expect, it } from 'vitest';
import { kase } from '../testing/rows';
import { breachCheckAt, replyDueAt } from './sla';

describe('replyDueAt', () => {
  it('is the first reply due until one is sent, then the next one', () => {
    expect(replyDueAt(kase({ status: 'new', firstResponseDueAt: 100, nextResponseDueAt: null }))).toBe(100);
    expect(replyDueAt(kase({ status: 'open', firstResponseDueAt: null, nextResponseDueAt: 200 }))).toBe(200);
    expect(replyDueAt(kase({ status: 'open', firstResponseDueAt: null, nextResponseDueAt: null }))).toBeNull();
  });

  it('is null while no reply is awaited, whatever deadline the row still carries', () => {
    for (const status of ['pending', 'resolved', 'closed'] as const) {
      expect(replyDueAt(kase({ status, firstResponseDueAt: 100, nextResponseDueAt: 200 })), status).toBeNull();
    }
  });
});

describe('breachCheckAt', () => {
  it('is the reply due until its breach is flagged', () => {
    expect(breachCheckAt(kase({ status: 'open', firstResponseDueAt: 100, slaBreachedAt: null }))).toBe(100);
    expect(breachCheckAt(kase({ status: 'open', firstResponseDueAt: 100, slaBreachedAt: 150 }))).toBeNull();
    expect(breachCheckAt(kase({ status: 'pending', firstResponseDueAt: 100, slaBreachedAt: null }))).toBeNull();
  });
});
