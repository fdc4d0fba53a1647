import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SNIPPET_CHARS } from '../help/articleSnippet';
import type { KbArticle } from '../../shared/domain';
import { SuggestResponseSchema, type VisitorMessage } from '../../shared/protocol';
import { startTestHub, type TestHub } from '../testing/hubHarness';
import { allowOriginsInStore, clientId, closeVisitors, connectVisitor, SHOP, startSession } from './webchatTesting';

const article = (over: Partial<KbArticle>): KbArticle => ({
  id: 'kb-returns-en',
  queueId: null,
  language: 'en',
  title: 'Returning an order',
  body: 'You can return any order within 30 days. Print the return label from your account, pack the parcel and drop it at a post office. The refund arrives within 5 working days of us receiving it.',
  tags: ['returns', 'refund'],
  status: 'published',
  updatedAt: 1,
  ...over,
});

describe('self-service in the web chat', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ trustProxy: true });
    await allowOriginsInStore(t, [SHOP]);
    await t.hub.ctx.write(async (w) => {
      await w.save('kb', article({}));
      await w.save('kb', article({ id: 'kb-returns-pl', language: 'pl', title: 'Zwrot zamówienia', body: 'Możesz zwrócić każde zamówienie w ciągu 30 dni. Wydrukuj etykietę zwrotną, zapakuj paczkę i nadaj ją na poczcie.', tags: ['zwrot'] }));
      await w.save('kb', article({ id: 'kb-returns-draft', title: 'Returning an order (new rules)', status: 'draft' }));
      await w.save('kb', article({ id: 'kb-returns-el', queueId: 'q-el', title: 'Returning an order to Greece' }));
    });
  }, 60_000);
  afterAll(() => t?.stop());
  afterEach(closeVisitors);

  it("suggests published articles in the visitor's language and queue as they type", async () => {
    const en = await connectVisitor(t, (await startSession(t, { lang: 'en' })).token);
    const found = SuggestResponseSchema.parse(await en.request('visitor:suggest', { text: 'how do I return my order' }));
    expect(found.articles.map((a) => a.id)).toEqual(['kb-returns-en']);
    expect(found.articles[0]).toMatchObject({ title: 'Returning an order', url: `${t.hub.url}/help/kb-returns-en?lang=en` });
    // The help site's summary of an article: the same opening under its title there.
    expect(found.articles[0].snippet.length).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(found.articles[0].snippet.endsWith('…')).toBe(true);
    const pl = await connectVisitor(t, (await startSession(t, { lang: 'pl' })).token);
    expect(SuggestResponseSchema.parse(await pl.request('visitor:suggest', { text: 'jak zwrócić zamówienie' })).articles.map((a) => a.id)).toEqual(['kb-returns-pl']);
    expect(SuggestResponseSchema.parse(await en.request('visitor:suggest', { text: 'hi' })).articles).toEqual([]);
    // The visitor switches the widget to Polish: suggestions follow.
    await en.request('visitor:language', { lang: 'pl' });
    expect(SuggestResponseSchema.parse(await en.request('visitor:suggest', { text: 'jak zwrócić zamówienie' })).articles.map((a) => a.id)).toEqual(['kb-returns-pl']);
    expect(await en.ask('visitor:language', { lang: 'de' })).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('counts "this answered my question" for supervisors, and sends the articles seen with a question that goes on', async () => {
    const helped = await connectVisitor(t, (await startSession(t)).token);
    await helped.request('visitor:deflected', { articleId: 'kb-returns-en', text: 'how do I return my order' });
    expect(await helped.ask('visitor:deflected', { articleId: 'kb-returns-draft' })).toMatchObject({ ok: false, reason: 'not-found' });
    const notHelped = await startSession(t);
    const asking = await connectVisitor(t, notHelped.token);
    const { message } = await asking.request<{ message: VisitorMessage }>('visitor:send', { clientId: clientId(), text: 'The label does not print', articlesSeen: ['kb-returns-en'] });
    const stored = (await t.hub.ctx.store.interactionsOfCase((await t.hub.ctx.store.visitor(notHelped.visitorId))!.caseId!)).find((i) => i.id === message.id)!;
    expect(stored.meta.articlesSeen).toEqual(['kb-returns-en']);
    const supervisor = await t.connect('sup1');
    const figures = await supervisor.request('selfservice:figures', { since: 0 });
    expect(figures.rows).toEqual([{ queueId: 'q-chat', articleId: 'kb-returns-en', title: 'Returning an order', count: 1 }]);
    expect(figures.conversations).toEqual([{ queueId: 'q-chat', count: 1 }]);
  });
});
