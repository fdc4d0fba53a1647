import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type FrameLocator, type Page } from '@playwright/test';
import type { KbArticle } from '../src/shared/domain';
import { WEBCHAT_SETTINGS_KEY } from '../src/server/webchat/webchatSettings';
import { expect, test } from './fixtures';
import { e2eOrg } from './support/e2eOrg';
import { openExtraWorkstation } from './support/extraWorkstation';
import { liveTraffic } from './support/liveTraffic';
import { startTestShop } from './support/testShop';

const HOSTILE = '<img src=x onerror=alert(1)>';
/** A 1x1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** The journeys' org with a1 named as a visitor will see her, and one published article about parcels. */
function webchatOrg() {
  const org = e2eOrg();
  const article: KbArticle = {
    id: 'kb-track',
    queueId: null,
    language: 'en',
    title: 'How to track your parcel',
    body: 'Every order gets a tracking link by email when it leaves our warehouse. Open it to see where your parcel is.',
    tags: ['parcel', 'tracking', 'delivery'],
    status: 'published',
    updatedAt: Date.now(),
  };
  return { ...org, staff: org.staff.map((s) => (s.staff.id === 'a1' ? { ...s, staff: { ...s.staff, name: 'Anna Kowalska' } } : s)), kb: [...org.kb, article] };
}
test.use({ org: webchatOrg() });

/** The chat frame on a shop page, by its accessible name. */
const chat = (page: Page): FrameLocator => page.frameLocator('iframe[title="Chat with customer service"]');

/**
 * axe on the shop page with the chat open (the frame's content included), every impact. Legacy mode runs axe in
 * each frame in place; the default opens a blank page of the context to merge frames' results, which never
 * settles beside this page.
 */
async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

test('a visitor asks on the shop, an agent answers live, the case is resolved and scored 2 inline, then changed on the Polish survey page; hostile text stays text', async ({ app, hub, page: agentPage, launchOptions }) => {
  test.setTimeout(90_000);
  const shop = await startTestShop(hub.url, 'q-chat');
  await hub.hub.ctx.write((w) => w.setMeta(WEBCHAT_SETTINGS_KEY, JSON.stringify({ allowedOrigins: [shop.origin], updatedAt: Date.now() })));
  const supervisor = await openExtraWorkstation(hub.url, launchOptions);
  const browser: Browser = await chromium.launch(launchOptions);
  // Customers writing in meanwhile, in Greek: routed to q-el (a3), so they fill the hub, not the agent's inbox.
  const traffic = liveTraffic((n) => hub.inbound({ from: { email: `pelatis${n}@example.gr`, name: `Πελάτης ${n}` }, text: `Καλησπέρα, πού είναι το δέμα μου με αριθμό ${n};` }));
  const dialogs: string[] = [];
  try {
    await app.signIn('a1');
    await supervisor.app.signIn('sup1');
    const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const visitor = await visitorContext.newPage();
    visitor.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    agentPage.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    // The launcher, then the frame; a question brings a matching article, and the visitor asks anyway.
    await visitor.goto(shop.url('/'));
    await visitor.getByRole('button', { name: 'Chat with us' }).click();
    const frame = chat(visitor);
    const box = frame.getByRole('textbox', { name: 'Your message' });
    await expect(box).toBeVisible();
    await expect(frame.getByText('Hello! How can we help?')).toBeVisible();
    const question = `Where is my parcel? I cannot track it ${HOSTILE}`;
    await box.fill(question);
    const suggestions = frame.getByRole('region', { name: 'These articles may answer your question:' });
    await expect(suggestions.getByRole('link', { name: 'How to track your parcel' })).toBeVisible();
    await expect(suggestions.getByRole('button', { name: '“How to track your parcel” answered my question' })).toBeVisible();
    expect(await axe(visitor), 'axe on the open chat').toEqual([]);
    await suggestions.getByRole('button', { name: 'Ask anyway' }).click();
    const log = frame.getByRole('log', { name: 'Conversation' });
    const mine = log.getByRole('listitem').filter({ hasText: question });
    await expect(mine).toContainText(/Sent|Delivered|Read/);

    // The agent gets it live (the question as written, as text) and answers with markup of her own.
    const row = app.inboxRow(/Where is my parcel/);
    await expect(row).toBeVisible();
    await row.click();
    await expect(agentPage.locator('article').filter({ hasText: question })).toBeVisible();
    const reply = `Your parcel left today <b>tracking 123</b> ${HOSTILE}`;
    const composer = agentPage.getByLabel('Reply by Chat');
    // Her typing shows in the widget, with her name.
    await composer.pressSequentially('Let me check', { delay: 30 });
    await expect(frame.getByText('Anna is typing…')).toBeVisible();
    await composer.fill(reply);
    await composer.press('Control+Enter');

    const theirs = log.getByRole('listitem').filter({ hasText: reply });
    await expect(theirs).toBeVisible();
    await expect(theirs.locator('.wc-who')).toHaveText('Anna');
    await expect(theirs.locator('img, b')).toHaveCount(0);
    await expect(mine).toContainText('Read');
    await expect(frame.getByText('You are chatting with Anna')).toBeVisible();

    // A photo: a file that is not one is refused in words before anything leaves; a real one goes with the message.
    const file = frame.locator('input[type=file]');
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await expect(frame.getByRole('alert')).toHaveText('“notes.txt” is not a photo we can take. Please attach a JPEG, PNG, GIF or WebP image.');
    await file.setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PIXEL });
    await expect(frame.getByRole('img', { name: 'Photo: parcel.png' })).toBeVisible();
    await box.fill('Here is the label');
    await box.press('Enter');
    const withPhoto = log.getByRole('listitem').filter({ hasText: 'Here is the label' });
    await expect(withPhoto.getByRole('img', { name: 'Photo: parcel.png' })).toHaveAttribute('src', /^blob:/);
    await expect(frame.locator('[role=alert]')).toBeEmpty();

    // Resolved: the 1-10 question inline; a 2 raises the supervisor's red alert.
    await agentPage.getByRole('region', { name: /Where is my parcel/ }).getByLabel('Status', { exact: true }).selectOption('resolved');
    const survey = frame.getByRole('group').filter({ has: frame.getByRole('radio') });
    await expect(survey.getByRole('radio')).toHaveCount(10);
    await survey.getByRole('radio', { name: '2 out of 10' }).check();
    await frame.getByRole('button', { name: 'Send my answer' }).click();
    await expect(frame.getByText(/Thank you for your answer: 2 out of 10/)).toBeVisible();
    await expect(supervisor.app.page.getByRole('alert').filter({ hasText: 'rated us 2 out of 10' })).toBeVisible();

    // The same survey's link page, opened elsewhere by a Polish browser: the answer changes to 7 there.
    // (The link went by no other channel here: its token is found through the visitor the frame keeps.)
    const kept = await visitor.frames().find((f) => f.url().includes('/webchat/frame'))!.evaluate(() => Object.values(localStorage).find((v) => v.includes('visitorId'))!);
    const { caseId } = (await hub.hub.ctx.store.visitor((JSON.parse(kept) as { visitorId: string }).visitorId))!;
    const link = (await hub.hub.ctx.store.survey(caseId!))!;
    const elsewhere = await browser.newContext({ locale: 'pl-PL' });
    const surveyPage = await elsewhere.newPage();
    await surveyPage.goto(`${hub.url}/survey/${link.token}`);
    await surveyPage.getByRole('link', { name: 'Polski' }).click();
    await expect(surveyPage.getByRole('heading', { name: 'Jak nam poszło?' })).toBeVisible();
    await surveyPage.getByRole('radio', { name: '7', exact: true }).check();
    await surveyPage.getByRole('button', { name: 'Zmień odpowiedź' }).click();
    await expect(surveyPage.getByText('Twoja ocena: 7 z 10')).toBeVisible();

    // Another page of the shop: the chat is still open and the conversation (and the changed answer) resumes from the hub.
    await visitor.goto(shop.url('/delivery'));
    await expect(chat(visitor).getByRole('log', { name: 'Conversation' }).getByRole('listitem').filter({ hasText: reply })).toBeVisible();
    await expect(chat(visitor).getByRole('log').getByRole('listitem').filter({ hasText: question })).toBeVisible();
    await expect(chat(visitor).getByText(/Thank you for your answer: 7 out of 10/)).toBeVisible();
    await visitor.reload();
    await expect(chat(visitor).getByRole('log').getByRole('listitem').filter({ hasText: reply })).toBeVisible();

    // A phone: the launcher is a round button in the corner; the chat fills the screen and fits it.
    const phoneContext = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'pl-PL', isMobile: true, hasTouch: true });
    const phone = await phoneContext.newPage();
    await phone.goto(shop.url('/'));
    const launcher = phone.getByRole('button', { name: 'Porozmawiaj z nami' });
    const corner = (await launcher.boundingBox())!;
    expect(corner.width).toBeLessThanOrEqual(56);
    await launcher.click();
    const frameBox = (await phone.locator('iframe').boundingBox())!;
    expect(frameBox).toMatchObject({ x: 0, y: 0, width: 360, height: 640 });
    await expect(phone.locator('iframe')).toHaveAttribute('title', 'Czat z obsługą klienta');
    // Found by position from here: its name follows the language the visitor picks.
    const phoneChat = phone.frameLocator('iframe');
    const phoneBox = phoneChat.getByRole('textbox', { name: 'Twoja wiadomość' });
    // The box and the send button are on the screen, whole.
    for (const control of [phoneBox, phoneChat.getByRole('button', { name: 'Wyślij' })]) {
      const at = (await control.boundingBox())!;
      expect(at.x >= 0 && at.y >= 0 && at.x + at.width <= 360 && at.y + at.height <= 640, JSON.stringify(at)).toBe(true);
    }
    await phoneChat.getByRole('combobox', { name: 'Język' }).selectOption('el');
    await expect(phoneChat.getByRole('textbox', { name: 'Το μήνυμά σας' })).toBeVisible();
    await expect(phone.locator('iframe')).toHaveAttribute('title', 'Συνομιλία με την εξυπηρέτηση πελατών');
    await expect(phone.getByRole('button', { name: 'Συνομιλήστε μαζί μας' })).toBeHidden();
    expect(await axe(phone), 'axe on the phone').toEqual([]);

    // Nobody on the Greek queue is signed in: the widget (in Greek, the visitor's pick, kept) says so and takes a
    // message with an email address.
    await phone.goto(`${shop.url('/')}?queue=q-el`);
    const greek = phone.frameLocator('iframe');
    await expect(greek.getByText('Κανείς δεν είναι διαθέσιμος αυτή τη στιγμή.')).toBeVisible();
    await greek.getByRole('button', { name: 'Αφήστε μήνυμα' }).click();
    await expect(greek.getByLabel('Διεύθυνση email', { exact: true })).toBeFocused();
    await greek.getByLabel('Διεύθυνση email', { exact: true }).fill('eleni@example.gr');
    await greek.getByLabel('Μήνυμα', { exact: true }).fill('Πού είναι το δέμα μου;');
    await greek.getByRole('button', { name: 'Αποστολή του μηνύματος' }).click();
    await expect(greek.getByText('Ευχαριστούμε. Θα απαντήσουμε με email στο eleni@example.gr.')).toBeVisible();

    await expect.poll(traffic.sent).toBeGreaterThanOrEqual(3);
    expect(dialogs).toEqual([]);
  } finally {
    await traffic.stop();
    await browser.close();
    await supervisor.close();
    await shop.stop();
  }
  expect(traffic.failures).toEqual([]);
});
