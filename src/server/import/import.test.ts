import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/hubHarness';
import { Refused } from '../refused';
import { COMMAND_LINE_ACTOR } from '../setup/staffAccounts';
import { CsvFileProblem, MAX_CSV_BYTES } from './csvRows';
import { importCustomers, previewCustomerImport } from './customers';
import { importStaff, previewStaffImport } from './staff';

let t: TestHub;
afterEach(async () => {
  await t?.stop();
});

const csv = (text: string) => Buffer.from(text, 'utf8');
const HEADER = 'name,emails,phones,loyalty number,language,store,tags,consent\n';

describe('customer import', () => {
  it('creates customers that supervisors receive live, updates or skips matching ones, and refuses all of a file with a bad row', async () => {
    t = await startTestHub();
    const ctx = t.hub.ctx;
    const sup = await t.connect('sup1');
    const file = csv(
      `${HEADER}Jan Kowalski,jan@example.com;JAN.K@Example.pl,601 234 567,lc-1234,pl,Warsaw,vip;online,email\n` +
        `"Nowak, Anna",anna@example.com,,,,,,none\n`,
    );
    const preview = await previewCustomerImport(ctx, file, { onMatch: 'update' });
    expect(preview).toMatchObject({ update: [], skipped: 0, bad: [] });
    expect(preview.create.map((c) => c.name)).toEqual(['Jan Kowalski', 'Nowak, Anna']);
    expect(await ctx.store.findCustomerByIdentity('email', 'jan@example.com')).toBeNull();

    await importCustomers(ctx, file, { onMatch: 'update' });
    const jan = await ctx.store.findCustomerByIdentity('phone', '+48601234567');
    expect(jan).toMatchObject({
      name: 'Jan Kowalski',
      emails: ['jan@example.com', 'jan.k@example.pl'],
      loyaltyNumber: 'LC-1234',
      language: 'pl',
      storeId: 'store-w',
      tags: ['vip', 'online'],
      consent: { email: true, sms: false, marketing: false },
    });
    expect(await ctx.store.findCustomerByIdentity('email', 'anna@example.com')).toMatchObject({ language: 'en', consent: { email: false, sms: false, marketing: false } });
    await sup.waitFor((c) => c.entity === 'customer' && c.id === jan!.id);

    // The same person again, with a new address: added to the record, which keeps its other fields.
    const again = csv(`${HEADER}Jan K.,jan@example.com;jan@work.example.com,,,,,,\n`);
    expect(await previewCustomerImport(ctx, again, { onMatch: 'skip' })).toMatchObject({ create: [], update: [], skipped: 1 });
    await importCustomers(ctx, again, { onMatch: 'update' });
    expect(await ctx.store.get('customer', jan!.id)).toMatchObject({
      name: 'Jan K.',
      emails: ['jan@example.com', 'jan.k@example.pl', 'jan@work.example.com'],
      language: 'pl',
      tags: ['vip', 'online'],
      version: 2,
    });

    const bad = csv(`${HEADER}Good One,good@example.com,,,,,,\nBad,jan@example.com;anna@example.com,,,,,,\n,nameless@example.com,,,,,,\n`);
    await expect(importCustomers(ctx, bad, { onMatch: 'update' })).rejects.toThrow(Refused);
    expect(await ctx.store.findCustomerByIdentity('email', 'good@example.com')).toBeNull();
    const done = await importCustomers(ctx, bad, { onMatch: 'update', skipBadRows: true });
    expect(done.bad).toEqual([
      { line: 3, field: 'row', reason: 'its identities belong to 2 different customers: a supervisor merges them first' },
      { line: 4, field: 'name', reason: 'a name cannot be blank ("")' },
    ]);
    expect(await ctx.store.findCustomerByIdentity('email', 'good@example.com')).not.toBeNull();
  });

  it('decides each row against the customers its identities find and the rows above it', async () => {
    t = await startTestHub();
    const ctx = t.hub.ctx;
    await importCustomers(ctx, csv(`${HEADER}Jan,jan@example.com,,LC-1234,,,,\nEwa,ewa@example.com,,LC-5555,,,,\n`), { onMatch: 'update' });
    const file = csv(
      `${HEADER}Jan K.,JAN@Example.com,,,,,,\nJan Again,jan@example.com,,,,,,\nJan Third,,,lc-1234,,,,\nEwa,ewa@example.com,,LC-9999,,,,\nNew,new@example.com,,,,,,\n`,
    );
    const bad = [
      { line: 3, field: 'emails', reason: 'jan@example.com is also on line 2' },
      { line: 4, field: 'row', reason: 'matches the same customer as line 2' },
      { line: 5, field: 'loyaltyNumber', reason: 'the matching customer has the loyalty number LC-5555' },
    ];
    const update = await previewCustomerImport(ctx, file, { onMatch: 'update' });
    expect(update).toMatchObject({ skipped: 0, bad });
    expect(update.update.map((u) => [u.before.name, u.after.name, u.after.loyaltyNumber])).toEqual([['Jan', 'Jan K.', 'LC-1234']]);
    expect(update.create.map((c) => c.name)).toEqual(['New']);
    const skip = await previewCustomerImport(ctx, file, { onMatch: 'skip' });
    expect(skip).toMatchObject({ update: [], skipped: 1, bad });
    expect(skip.create.map((c) => c.name)).toEqual(['New']);
  });

  it('sends an updated customer to the agents of their cases', async () => {
    t = await startTestHub();
    await t.inbound({ channel: 'chat', from: { email: 'case@example.com', name: 'Case Holder' } });
    const customer = (await t.hub.ctx.store.findCustomerByIdentity('email', 'case@example.com'))!;
    const [c] = await t.hub.ctx.store.casesOfCustomer(customer.id);
    const agent = await t.connect(c.assigneeId ?? 'a1');
    await importCustomers(t.hub.ctx, csv(`name,email,tags\nCase Holder,case@example.com,imported\n`), { onMatch: 'update' });
    await agent.waitFor((ch) => ch.entity === 'customer' && ch.op === 'upsert' && (ch.data as { tags: string[] }).tags.includes('imported'));
  });

  it('takes survey consent from its own column, and keeps what a record says when the cell is empty', async () => {
    t = await startTestHub();
    const ctx = t.hub.ctx;
    const head = 'name,emails,consent,consent_surveys\n';
    await importCustomers(ctx, csv(`${head}Ola,ola@example.com,email,no\nPiotr,piotr@example.com,,\nZoe,zoe@example.com,none,Yes\n`), { onMatch: 'update' });
    const consentOf = async (email: string) => (await ctx.store.findCustomerByIdentity('email', email))?.consent;
    expect(await consentOf('ola@example.com')).toEqual({ email: true, sms: false, marketing: false, surveys: false });
    // Not said: surveys are allowed (the record has no answer, which counts as yes).
    expect(await consentOf('piotr@example.com')).toEqual({ email: true, sms: true, marketing: false });
    expect(await consentOf('zoe@example.com')).toEqual({ email: false, sms: false, marketing: false, surveys: true });

    // A later file that lists consents but says nothing of surveys keeps Ola's no; one that says yes changes it.
    await importCustomers(ctx, csv(`${HEADER}Ola,ola@example.com,,,,,,email;sms\n`), { onMatch: 'update' });
    expect(await consentOf('ola@example.com')).toEqual({ email: true, sms: true, marketing: false, surveys: false });
    await importCustomers(ctx, csv(`name,emails,surveys\nOla,ola@example.com,y\n`), { onMatch: 'update' });
    expect(await consentOf('ola@example.com')).toEqual({ email: true, sms: true, marketing: false, surveys: true });

    const p = await previewCustomerImport(ctx, csv(`${head}Max,max@example.com,,maybe\n`), { onMatch: 'update' });
    expect(p.bad).toEqual([{ line: 2, field: 'consentSurveys', reason: '"maybe" is not yes or no' }]);
  });

  it('reads a BOM, CRLF, quoted line breaks and formula-looking cells as text; names each bad cell', async () => {
    t = await startTestHub();
    const file = csv(
      '\ufeffName,Email,Phone\r\n"Multi\r\nLine",multi@example.com,\r\n=cmd|\' /C calc\'!A0,formula@example.com,+48 601 000 111\r\n' +
        'Bad Phone,x@example.com,call me\r\nBad Mail,nope,\r\nTwin,MULTI@example.com,\r\n',
    );
    const p = await previewCustomerImport(t.hub.ctx, file, { onMatch: 'update' });
    expect(p.create.map((c) => c.name)).toEqual([expect.stringMatching(/^Multi\s+Line$/), "=cmd|' /C calc'!A0"]);
    expect(p.create[1].phones).toEqual(['+48601000111']);
    expect(p.bad.map((b) => [b.line, b.field])).toEqual([
      [5, 'phones'],
      [6, 'emails'],
      [7, 'emails'],
    ]);
    expect(p.bad[2].reason).toBe('multi@example.com is also on line 2');
  });

  it('refuses files it cannot read with one clear reason, and rows of the wrong width as bad rows', async () => {
    t = await startTestHub();
    const problem = async (bytes: Buffer) => {
      const err = await previewCustomerImport(t.hub.ctx, bytes, { onMatch: 'update' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CsvFileProblem);
      return (err as Error).message;
    };
    expect(await problem(csv(''))).toMatch(/the file is empty/);
    expect(await problem(csv('nom,courriel\nJan,jan@example.com\n'))).toMatch(/^line 1: "nom" \(column 1\) is not a column of this import; the columns are name, emails/);
    expect(await problem(csv('email\njan@example.com\n'))).toBe('line 1: the header lacks the column name');
    expect(await problem(csv('name,email,e-mail\n'))).toBe('line 1: the column emails is named twice');
    expect(await problem(Buffer.concat([csv('name\nJan\nZo'), Buffer.from([0xff, 0xfe]), csv('\n')]))).toBe('line 3: the file is not UTF-8 text: save it as CSV UTF-8');
    expect(await problem(csv('name\n"Jan\n'))).toMatch(/^line 2: Quote Not Closed/);
    // 50 MB in one cell whose quote never closes: refused at its first 64 KiB, not read whole into one row.
    expect(await problem(Buffer.concat([csv('name\n"'), Buffer.alloc(50 * 1024 * 1024, 'a')]))).toMatch(/^line 2: a row longer than 64 KiB/);
    expect(await problem(Buffer.alloc(MAX_CSV_BYTES + 1, 'a'))).toMatch(/at most 104,857,600 are read: split it/);

    const wide = await previewCustomerImport(t.hub.ctx, csv(`name,email\n${'x,'.repeat(9_999)}x\nJan,jan@example.com\n`), { onMatch: 'update' });
    expect(wide.bad).toEqual([{ line: 2, field: 'row', reason: '10,000 cells where the header has 2' }]);
    expect(wide.create).toHaveLength(1);
  });
});

describe('staff import', () => {
  it('creates people with one-time passwords they sign in with, in their queues, audited; refuses taken usernames and unknown queues', async () => {
    t = await startTestHub();
    const ctx = t.hub.ctx;
    const file = csv(
      'username,name,role,languages,queues,skills,store\n' +
        'ola,Ola Nowak,agent,pl;en,q-chat;Q-EL,returns,\n' +
        'kasia,Kasia Wiśniewska,Store,,,,Warsaw\n',
    );
    expect((await previewStaffImport(ctx, file)).create.map((r) => r.person.username)).toEqual(['ola', 'kasia']);
    const { people } = await importStaff(ctx, file, { actorId: COMMAND_LINE_ACTOR });
    expect(people.map((p) => [p.staff.username, p.staff.role, p.staff.storeId])).toEqual([
      ['ola', 'agent', null],
      ['kasia', 'store', 'store-w'],
    ]);
    const ola = people[0];
    expect(ola.password).toHaveLength(20);
    expect((await t.http('/api/v1/auth/login', { username: 'ola', password: ola.password })).status).toBe(200);
    expect((await ctx.store.get('queue', 'q-el'))!.memberIds).toContain(ola.staff.id);
    expect((await ctx.store.get('queue', 'q-chat'))!.memberIds).toContain(ola.staff.id);
    expect(await ctx.store.queryAudit({ actions: ['staff.create'], limit: 10 })).toHaveLength(2);

    const bad = csv(
      'username,name,role,queues,store\nola,Ola Again,agent,,\nnew1,New One,agent,q-nowhere,\nnew2,New Two,store,,\nnew3,New Three,boss,,\nnew4,Fine,agent,,\n',
    );
    const err = await importStaff(ctx, bad, { actorId: COMMAND_LINE_ACTOR }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Refused);
    expect(await ctx.store.staffCredentials('new4')).toBeNull();
    expect((await previewStaffImport(ctx, bad)).bad.map((b) => [b.line, b.field])).toEqual([
      [2, 'username'],
      [3, 'queues'],
      [4, 'store'],
      [5, 'role'],
    ]);
    expect((await importStaff(ctx, bad, { actorId: COMMAND_LINE_ACTOR, skipBadRows: true })).people.map((p) => p.staff.username)).toEqual(['new4']);
  }, 60_000);
});
