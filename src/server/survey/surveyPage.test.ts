import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, Case, CsatResponse } from '../../shared/domain';
import { ConnectorDeliverySchema, type ConnectorDelivery } from '../../shared/protocol';
import { signBody } from '../http/signature';
import { startTestHub, testClock, type TestClient, type TestHub } from '../testing/hubHarness';
import { person, testOrg } from '../testing/testOrg';
import { SURVEY_CHANGEABLE_MS } from '../voice';

const PUBLIC_URL = 'https://help.shop.example';
const DAY = 24 * 3_600_000;

/** A chat connector on 127.0.0.1 that takes every delivery and keeps what it was sent. */
async function recordingConnector() {
  const received: ConnectorDelivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(ConnectorDeliverySchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliver`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestHub;
let connector: Awaited<ReturnType<typeof recordingConnector>> | undefined;
afterEach(async () => {
  await t?.stop();
  await connector?.close();
});

const clock = testClock();

/** A hub whose customers reach it at PUBLIC_URL, with a chat connector, and a supervisor connected. */
async function surveyHub(): Promise<{ sup: TestClient }> {
  clock.set(Date.UTC(2026, 10, 23, 9, 0, 0));
  const org = testOrg();
  t = await startTestHub({ now: clock.now, publicUrl: `${PUBLIC_URL}/`, org: { ...org, staff: [...org.staff, person('adm1', 'admin', { status: 'offline' })] }, delivery: { pollMs: 20 } });
  connector = await recordingConnector();
  const admin = await t.login('adm1');
  const r = await t.http('/api/v1/admin/connectors/chat', { url: connector.url, secret: 'connector-outbound-secret-0123456789', inboundSecret: 'connector-inbound-secret-0123456789ab', graceMinutes: 0 }, { Authorization: `Bearer ${admin.accessToken}` }, 'PUT');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { sup: await t.connect('sup1') };
}

/** A Polish customer's chat case, resolved by its agent; the survey's delivery as its connector got it. */
async function resolvedCase(email = 'jan@example.pl'): Promise<{ caseId: string; survey: ConnectorDelivery; token: string }> {
  const raw = JSON.stringify({ channel: 'chat', externalId: `ext-${email}`, text: 'Gdzie jest moja paczka? Czekam już od tygodnia.', from: { email } });
  const r = await t.http('/api/v1/inbound', raw, { 'X-Signature': signBody(raw, 'connector-inbound-secret-0123456789ab') });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const caseId = r.body.caseId as string;
  const owner = await t.connect(r.body.assigneeId as string);
  const res = await owner.mutate({ type: 'case.update', caseId, basedOn: { version: (await t.hub.ctx.store.get('case', caseId))!.version }, patch: { status: 'resolved' } });
  expect(res.ok).toBe(true);
  const deadline = Date.now() + 5_000;
  while (!connector!.received.some((d) => d.caseId === caseId && d.survey) && Date.now() < deadline) await new Promise((r2) => setTimeout(r2, 20));
  const survey = connector!.received.find((d) => d.caseId === caseId && d.survey)!;
  expect(survey, 'the survey reached the connector').toBeDefined();
  return { caseId, survey, token: survey.survey!.url.split('/').at(-1)! };
}

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.hub.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, html: await res.text() };
};
const post = async (path: string, form: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await fetch(`${t.hub.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
};
/** The case's csat rows as stored. */
const csatRows = async (caseId: string) =>
  (await t.hub.ctx.store.caseRows(caseId)).filter((c) => c.entity === 'csat' && c.op === 'upsert').map((c) => c.data as CsatResponse);
/** The comment textarea's content as a browser reads it (the newline right after the tag is not content). */
const textarea = (html: string) => /<textarea[^>]*>\n?([\s\S]*?)<\/textarea>/.exec(html)?.[1];

describe('the survey page', () => {
  it('links each survey to its page, answers in the customer language without JavaScript, alerts live on a low score, lets the answer change for 7 days, then locks it', async () => {
    const { sup } = await surveyHub();
    const { caseId, survey, token } = await resolvedCase();

    // The link: the public address, an unguessable URL-safe token (192 bits: 32 base64url characters); in the
    // text too (SMS connectors send only the text), but never in the timeline staff read.
    expect(survey.survey!.url).toBe(`${PUBLIC_URL}/survey/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(24);
    expect(survey.text).toBe(`Twoja sprawa została rozwiązana. Jak oceniasz naszą pomoc w skali od 1 (bardzo źle) do 10 (doskonale)?\n\nOdpowiedz jednym kliknięciem (możesz też dodać komentarz): ${survey.survey!.url}`);
    const stored = (await t.hub.ctx.store.interactionsOfCase(caseId)).find((i) => i.id === survey.interactionId)!;
    expect(stored.text).toMatch(/1.*10/);
    expect(JSON.stringify(await t.hub.ctx.store.caseRows(caseId))).not.toContain(token);

    // The page: the customer's language (Polish) whatever the browser says, server-rendered, no script allowed.
    const first = await page(`/survey/${token}`, { 'Accept-Language': 'el, en;q=0.5' });
    expect(first.status).toBe(200);
    expect(first.html).toContain('<html lang="pl">');
    expect(first.html).toContain('Jak oceniasz naszą pomoc w skali od 1 (bardzo źle) do 10 (doskonale)?');
    expect(first.html).not.toMatch(/<script/i);
    expect(first.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(first.headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(first.html.match(/<h1>/g)).toHaveLength(1);
    expect(first.html.match(/<input type="radio" name="score"/g)).toHaveLength(10);
    expect(first.html).toMatch(/<fieldset class="scale">\s*<legend>/);
    expect(first.html).toContain(`<form class="survey" method="post" action="/survey/${token}">`);
    expect(first.html).toContain('<label for="comment">Komentarz (opcjonalnie)</label>');
    // Picked with ?lang=, another language: the form keeps it.
    const greek = await page(`/survey/${token}?lang=el`);
    expect(greek.html).toContain('<html lang="el">');
    expect(greek.html).toContain(`action="/survey/${token}?lang=el"`);

    // A low score with a hostile comment: saved, then Post/Redirect/Get; the case, its csat and a red alert
    // reach the supervisor live.
    const hostile = '<script>alert(1)</script> "nikt" & <b>nic</b>';
    const answered = await post(`/survey/${token}`, { score: '2', comment: `  ${hostile}\r\n` });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`/survey/${token}`);
    const alert = (await sup.waitFor((c) => c.entity === 'alert')).data as Alert;
    expect(alert).toMatchObject({ caseId, reason: 'low-csat', score: 2, comment: hostile, status: 'raised', notifiedStaffIds: ['sup1'] });
    expect(((await sup.waitFor((c) => c.entity === 'csat')).data as CsatResponse)).toMatchObject({ caseId, score: 2, comment: hostile });
    await sup.waitFor((c) => c.entity === 'case' && c.id === caseId && (c.data as Case).csatScore === 2);
    const [firstRow] = await csatRows(caseId);

    const thanks = await page(`/survey/${token}`);
    expect(thanks.html).toContain('Dziękujemy za odpowiedź.');
    expect(thanks.html).toContain('Twoja ocena: 2 z 10');
    expect(thanks.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;nikt&quot; &amp; &lt;b&gt;nic&lt;/b&gt;');
    expect(thanks.html).not.toContain('<script>');
    expect(thanks.html).not.toContain('<b>nic');
    expect(thanks.html).toContain('id="score-2" checked');
    expect(textarea(thanks.html)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &quot;nikt&quot; &amp; &lt;b&gt;nic&lt;/b&gt;');
    expect(thanks.html).toContain('Możesz zmienić odpowiedź do 30 listopada 2026 09:00 UTC.');
    expect(thanks.html).toContain('Zmień odpowiedź');

    // Refused answers keep what was typed: a score out of range, a comment too long after cleaning.
    const badScore = await post(`/survey/${token}`, { score: '11', comment: 'Zostaw to' });
    expect(badScore.status).toBe(422);
    expect(badScore.html).toContain('role="alert"');
    expect(badScore.html).toContain('Wybierz ocenę od 1 do 10.');
    expect(textarea(badScore.html)).toBe('Zostaw to');
    for (const score of ['', '0', '1e1', '7.0', '-3', 'dziesięć']) expect((await post(`/survey/${token}`, { score, comment: 'bez oceny' })).status, score).toBe(422);
    const long = 'ż'.repeat(2_001);
    const tooLong = await post(`/survey/${token}`, { score: '5', comment: long });
    expect(tooLong.status).toBe(422);
    expect(tooLong.html).toContain('Komentarz ma 2001 znaków; mieści się najwyżej 2000.');
    expect(tooLong.html).toContain('aria-invalid="true"');
    expect(textarea(tooLong.html)).toBe(long);
    expect(tooLong.html).toContain('id="score-5" checked');
    // Exactly the limit once cleaned (invisible characters do not count) is taken.
    expect((await post(`/survey/${token}`, { score: '2', comment: `${'a'.repeat(2_000)}\u200b\u200b` })).status).toBe(303);
    expect((await csatRows(caseId)).map((c) => c.comment?.length)).toEqual([2_000]);

    // Changed within 7 days: the same csat row, rewritten; no second alert while the first is open.
    clock.advance(3 * DAY);
    expect((await post(`/survey/${token}`, { score: '3', comment: 'Jednak trochę lepiej' })).status).toBe(303);
    await sup.waitFor((c) => c.entity === 'csat' && (c.data as CsatResponse).score === 3);
    const rows = await csatRows(caseId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: firstRow.id, score: 3, comment: 'Jednak trochę lepiej' });
    expect((await t.hub.ctx.store.get('case', caseId))!.csatScore).toBe(3);
    expect(sup.changes.filter((c) => c.entity === 'alert')).toHaveLength(1);
    expect(new Set((await t.hub.ctx.store.raisedAlerts()).map((a) => a.id))).toEqual(new Set([alert.id]));

    // Seven days after the first answer: locked, shown without a form; an answer sent anyway is refused.
    clock.advance(SURVEY_CHANGEABLE_MS - 3 * DAY);
    const locked = await page(`/survey/${token}`);
    expect(locked.status).toBe(200);
    expect(locked.html).toContain('Ankieta jest zamknięta');
    expect(locked.html).toContain('Twoja ocena: 3 z 10');
    expect(locked.html).not.toContain('<form');
    const late = await post(`/survey/${token}`, { score: '10', comment: 'Jednak super' });
    expect(late.status).toBe(409);
    expect(late.html).toContain('Twoja odpowiedź nie została zapisana.');
    expect(late.html).toContain('Jednak super');
    expect((await t.hub.ctx.store.get('case', caseId))!.csatScore).toBe(3);
  }, 90_000);

  it('answers an unknown or malformed link with the same 404 page, in the browser language', async () => {
    t = await startTestHub();
    const unknown = await page(`/survey/${'A'.repeat(32)}`, { 'Accept-Language': 'pl-PL,pl;q=0.9,en;q=0.8' });
    const malformed = await page('/survey/not-a-token', { 'Accept-Language': 'pl-PL,pl;q=0.9,en;q=0.8' });
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(malformed.html).toBe(unknown.html);
    expect(unknown.html).toContain('<html lang="pl">');
    expect(unknown.html).toContain('Ta strona nie istnieje albo link jest już nieważny.');
    expect((await post(`/survey/${'A'.repeat(32)}`, { score: '5' })).status).toBe(404);
    expect((await post(`/survey/${'A'.repeat(32)}/more`, { score: '5' })).status).toBe(404);
    // Only a form is taken; a body larger than any form gets its own page.
    const json = await fetch(`${t.hub.url}/survey/${'A'.repeat(32)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"score":5}' });
    expect(json.status).toBe(415);
    expect((await post(`/survey/${'A'.repeat(32)}`, { score: '5', comment: 'x'.repeat(20_000) })).status).toBe(413);
  }, 60_000);

  it('slows a link hammered with answers: 429 after 10 in a minute, with what was typed kept, then takes answers again', async () => {
    await surveyHub();
    const { caseId, token } = await resolvedCase('eleni@example.gr');
    for (let i = 0; i < 10; i++) expect((await post(`/survey/${token}`, { score: String((i % 10) + 1) })).status).toBe(303);
    const flooded = await post(`/survey/${token}`, { score: '9', comment: 'Ένα σχόλιο' }, { 'Accept-Language': 'el' });
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(flooded.html).toContain('<html lang="el">');
    expect(flooded.html).toContain('Πάρα πολλές προσπάθειες');
    expect(textarea(flooded.html)).toBe('Ένα σχόλιο');
    expect(flooded.html).toContain('id="score-9" checked');
    expect((await t.hub.ctx.store.get('case', caseId))!.csatScore).toBe(10);
    clock.advance(60_000);
    expect((await post(`/survey/${token}`, { score: '9', comment: 'Ένα σχόλιο' })).status).toBe(303);
    expect((await t.hub.ctx.store.get('case', caseId))!.csatScore).toBe(9);
  }, 90_000);
});
