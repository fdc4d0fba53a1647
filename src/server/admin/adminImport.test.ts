import { describe, expect, it } from 'vitest';
import { ImportSummarySchema, MAX_IMPORT_BODY_BYTES, MAX_IMPORT_CSV_CHARS } from '../../shared/protocol';
import { adminTestHub, type AdminAnswer } from '../testing/adminHub';

/** CSV imports through the admin API, on a real hub (SQLite, or PostgreSQL with HUB_TEST_STORE=postgres). */
describe('admin API: CSV import', () => {
  const at = adminTestHub();
  const { refusal } = at;
  const post = (what: 'customers' | 'staff', body: unknown, token = at.admin.accessToken) => at.call('POST', `/api/v1/admin/import/${what}`, body, token);
  const summary = (a: AdminAnswer) => {
    expect(a.status, JSON.stringify(a.body).slice(0, 500)).toBe(200);
    return ImportSummarySchema.parse(a.body);
  };
  const customer = (email: string) => at.t.hub.ctx.store.findCustomerByIdentity('email', email);

  it('previews customers (counts and every bad row), writes nothing, then imports all or nothing', async () => {
    const csv = 'name,email,phone,store\nAnna Kowalska,anna@import.test,,Warsaw\nBad Email,not-an-email,,\nJan Nowak,jan@import.test,,Nowhere\nEwa Lis,ewa@import.test,,\n';
    const preview = summary(await post('customers', { csv, dryRun: true }));
    expect(preview).toMatchObject({ dryRun: true, create: 2, update: 0, skip: 0, people: [] });
    expect(preview.bad.map((b) => [b.line, b.field])).toEqual([
      [3, 'emails'],
      [4, 'store'],
    ]);
    expect(await customer('anna@import.test')).toBeNull();

    const refused = await post('customers', { csv });
    expect(refused.status).toBe(400);
    expect(refusal(refused)).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^2 bad rows \(the first on line 3, emails: .*nothing imported$/) });
    expect(await customer('anna@import.test')).toBeNull();

    expect(summary(await post('customers', { csv, skipBadRows: true }))).toMatchObject({ dryRun: false, create: 2, update: 0, bad: [{ line: 3 }, { line: 4 }] });
    expect(await customer('ewa@import.test')).toMatchObject({ name: 'Ewa Lis' });

    const again = 'name,email,tags\nAnna K.,anna@import.test,vip\n';
    expect(summary(await post('customers', { csv: again, dryRun: true, onMatch: 'skip' }))).toMatchObject({ create: 0, update: 0, skip: 1 });
    expect(summary(await post('customers', { csv: again }))).toMatchObject({ create: 0, update: 1, skip: 0 });
    expect(await customer('anna@import.test')).toMatchObject({ name: 'Anna K.', tags: ['vip'], storeId: 'store-w' });
  });

  it('creates staff with one-time passwords they sign in with, audited as the admin; a taken username is a bad row', async () => {
    const csv = 'username,name,role,languages,queues\nimp.ola,Ola Nowak,agent,pl,q-chat\nimp.jan,Jan Lis,supervisor,,\na1,Taken,agent,,\n';
    const preview = summary(await post('staff', { csv, dryRun: true }));
    expect(preview).toMatchObject({ create: 2, bad: [{ line: 4, field: 'username', reason: 'a1 is taken' }], people: [] });
    expect(await at.t.hub.ctx.store.staffCredentials('imp.ola')).toBeNull();

    const done = summary(await post('staff', { csv, skipBadRows: true }));
    expect(done.people.map((p) => [p.username, p.name])).toEqual([
      ['imp.ola', 'Ola Nowak'],
      ['imp.jan', 'Jan Lis'],
    ]);
    const ola = done.people[0];
    expect((await at.t.http('/api/v1/auth/login', { username: 'imp.ola', password: ola.oneTimePassword })).status).toBe(200);
    expect((await at.t.hub.ctx.store.get('queue', 'q-chat'))!.memberIds).toContain(ola.id);
    const audit = await at.t.hub.ctx.store.queryAudit({ actions: ['staff.create'], limit: 50 });
    expect(audit.filter((a) => a.targetId === ola.id).map((a) => a.actorId)).toEqual(['adm1']);

    // The same file again: every username is taken now, and nothing is created.
    expect(refusal(await post('staff', { csv }))).toMatchObject({ code: 'invalid', message: expect.stringContaining('3 bad rows') });
  }, 60_000);

  it('refuses a file that is no table, naming the csv field, and hostile bodies with the one error shape', async () => {
    expect(refusal(await post('customers', { csv: 'nom,courriel\nAnna,a@b.pl\n', dryRun: true }))).toMatchObject({ code: 'invalid', field: 'csv', message: expect.stringContaining('"nom" (column 1) is not a column') });
    expect(refusal(await post('customers', { csv: 'name,email\n"Anna,a@b.pl\n' }))).toMatchObject({ code: 'invalid', field: 'csv' });
    expect(refusal(await post('customers', { csv: '' }))).toMatchObject({ code: 'invalid', field: 'csv', message: 'csv: the file is empty' });
    expect(refusal(await post('customers', { csv: 'name\nA\n', onMatch: 'merge' }))).toMatchObject({ code: 'invalid', field: 'onMatch' });
    expect(refusal(await post('staff', { csv: 'username,name,role\n', onMatch: 'skip' }))).toMatchObject({ code: 'invalid', field: 'onMatch' });
    expect(refusal(await post('staff', { csv: 42 }))).toMatchObject({ code: 'invalid', field: 'csv' });
    expect(refusal(await post('customers', '{"csv": "name\\n'))).toMatchObject({ code: 'malformed-json' });
    // A formula stays the characters it is.
    expect(summary(await post('customers', { csv: 'name,email\n=cmd|calc!A1,formula@import.test\n', dryRun: true })).create).toBe(1);

    const agentTry = await post('staff', { csv: 'username,name,role\nsneaky,Sneaky,admin\n' }, at.agent.accessToken);
    expect(agentTry.status).toBe(403);
    expect(await at.t.hub.ctx.store.staffCredentials('sneaky')).toBeNull();
  });

  it('takes a 2 MB file; refuses one over the text cap with 400 and one over the body cap with 413, and keeps the small limit elsewhere', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Customer ${i},customer.number.${i}@import.test,vip;regular`);
    const csv = `name,email,tags\n${rows.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(2_000_000);
    expect(summary(await post('customers', { csv, dryRun: true }))).toMatchObject({ create: 40_000, bad: [] });
    // The admin who imports hears how far it has come; nobody else does.
    const [mine, other] = await Promise.all([at.t.connect('adm1'), at.t.connect('sup1')]);
    expect(summary(await post('customers', { csv }))).toMatchObject({ create: 40_000 });
    const progress = () => mine.events.filter((e) => e.name === 'import:progress').map((e) => e.payload as { kind: string; done: number; total: number });
    await expect.poll(() => progress().at(-1)).toEqual({ kind: 'customers', done: 40_000, total: 40_000 });
    expect(progress().map((p) => p.done)).toEqual(progress().map((p) => p.done).sort((a, b) => a - b));
    expect(other.events.some((e) => e.name === 'import:progress')).toBe(false);
    mine.socket.disconnect();
    other.socket.disconnect();
    expect(await customer('customer.number.39999@import.test')).toMatchObject({ name: 'Customer 39999', tags: ['vip', 'regular'] });

    expect(refusal(await post('customers', { csv: 'x'.repeat(MAX_IMPORT_CSV_CHARS + 1) }))).toMatchObject({ code: 'invalid', field: 'csv' });
    const huge = await post('customers', { csv: '"'.repeat(MAX_IMPORT_BODY_BYTES / 2) });
    expect(huge.status).toBe(413);
    expect(refusal(huge).code).toBe('too-large');

    const res = await fetch(`${at.t.hub.url}/api/v1/admin/stores`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${at.admin.accessToken}` },
      body: JSON.stringify({ name: 'x'.repeat(100_000), city: 'Y' }),
    });
    expect(res.status).toBe(413);
  }, 120_000);
});
