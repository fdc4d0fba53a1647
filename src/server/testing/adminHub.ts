import { afterAll, beforeAll } from 'vitest';
import { AdminErrorSchema, type Session } from '../../shared/protocol';
import { startTestHub, type TestHub } from './hubHarness';
import { person, testOrg } from './testOrg';

export type AdminAnswer = { status: number; body: Record<string, unknown> };

/**
 * For the admin API tests: a real hub over `testOrg()` plus the admin `adm1`, started before the file's tests with
 * `adm1` and the agent `a1` signed in, stopped after them; `call` sends JSON with the admin's token unless told.
 */
export function adminTestHub(opts: Omit<Parameters<typeof startTestHub>[0], 'org'> = {}) {
  const at = {} as { t: TestHub; admin: Session; agent: Session };
  beforeAll(async () => {
    const org = testOrg();
    at.t = await startTestHub({ ...opts, org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] } });
    [at.admin, at.agent] = await Promise.all([at.t.login('adm1'), at.t.login('a1')]);
  }, 60_000);
  afterAll(() => at.t.stop());

  async function call(method: string, path: string, body?: unknown, token: string | null = at.admin.accessToken, contentType = 'application/json'): Promise<AdminAnswer> {
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch(`${at.t.hub.url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  return {
    get t() {
      return at.t;
    },
    get admin() {
      return at.admin;
    },
    get agent() {
      return at.agent;
    },
    call,
    refusal: (a: AdminAnswer) => AdminErrorSchema.parse(a.body).error,
  };
}
