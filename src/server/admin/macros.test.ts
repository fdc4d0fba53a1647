import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../shared/domain';
import { adminTestHub } from '../testing/adminHub';

// Macros: canned responses that also set status, priority and tags, kept and checked by the hub.
const at = adminTestHub();

describe('macros', () => {
  it('keeps what a canned response sets, sends it to workstations, and clears it on request', async () => {
    const agent = await at.t.connect(at.agent);
    const created = await at.call('POST', '/api/v1/admin/canned', {
      shortcut: 'refund-done',
      title: 'Refund sent',
      body: 'Your refund is on its way.',
      language: 'en',
      sets: { status: 'resolved', priority: 'low', tags: [' Refund ', 'refund'] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.sets).toEqual({ status: 'resolved', priority: 'low', tags: ['Refund', 'refund'] });
    const change = await agent.waitFor((c) => c.entity === 'canned' && c.id === id);
    expect((change.data as CannedResponse).sets?.status).toBe('resolved');
    const cleared = await at.call('PATCH', `/api/v1/admin/canned/${id}`, { sets: null });
    expect(cleared.body).not.toHaveProperty('sets');
    // Setting nothing is a plain canned response, not an empty macro.
    const plain = await at.call('POST', '/api/v1/admin/canned', { shortcut: 'hello', title: 'Hello', body: 'Hello!', language: 'en', sets: {} });
    expect(plain.body).not.toHaveProperty('sets');
  });

  it('refuses a macro with an unknown status, too many tags or a field it cannot set', async () => {
    const base = { shortcut: 'bad', title: 'Bad', body: 'x', language: 'en' };
    for (const sets of [{ status: 'done' }, { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, { tags: ['x'.repeat(41)] }, { assigneeId: 'a1' }]) {
      const res = await at.call('POST', '/api/v1/admin/canned', { ...base, sets });
      expect(res.status).toBe(400);
    }
    const byAgent = await at.call('POST', '/api/v1/admin/canned', { ...base, sets: { status: 'pending' } }, at.agent.accessToken);
    expect(byAgent.status).toBe(403);
  });
});
