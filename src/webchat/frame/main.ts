/**
 * The chat frame (`/webchat/frame.js`, in the hub's page inside the shop's iframe). Plain DOM: it hears from the
 * shop's page (identity, pages visited, open or closed) only from the shop's origin, starts or resumes the
 * visitor's session, connects to `/visitor`, fetches what it missed by cursor on every (re)connect, and wires the
 * views: conversation, composer, suggestions, availability, contact form and the inline survey.
 */
import type { Lang } from '../../shared/domain/enums';
import type { AttachmentRef } from '../../shared/domain/attachment';
import type { VisitedPage, VisitorAck, VisitorRefusal } from '../../shared/protocol/webchat';
import { asShopMessage, type FrameToShop, type SignedIdentity } from '../bridge';
import { FRAME_CONFIG_ATTRIBUTE, readFrameConfig, type FrameConfig } from '../frameConfig';
import { WIDGET_LANGS, WIDGET_LANGUAGE_NAMES } from '../widgetLangs';
import type { WidgetTexts } from '../widgetTexts';
import { availabilityView } from './availability';
import { composerView, type Draft } from './composer';
import { connectVisitor, type VisitorLink } from './connection';
import { contactView } from './contactForm';
import { agentLine, conversationView } from './conversation';
import { clientId, fill, h, uid } from './dom';
import { fileCache, uploadPhoto } from './files';
import { createI18n, type I18n } from './i18n';
import { noticesView, type Notices } from './notices';
import { forgetSession, openSession, SessionRefused, type Session } from './session';
import { suggestionsView } from './suggestions';
import { surveyView } from './survey';
import { debounce, typingSignal } from './timing';

/** How long the frame waits for the shop's page to say who the visitor is before chatting anonymously. */
const HELLO_WAIT_MS = 2_000;
const SUGGEST_AFTER_MS = 400;
/** The most history pages fetched in one go (a long conversation resumes from its newest pages only). */
const MAX_HISTORY_PAGES = 20;

/** A refusal in the visitor's words (a rate limit says how long to wait). */
function refusalWords(reason: VisitorRefusal, retryAfterMs?: number): (t: WidgetTexts) => string {
  return (t) => (reason === 'rate-limited' && retryAfterMs ? t.rateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000))) : t.refusals[reason]);
}

function header(i18n: I18n, agent: HTMLElement, close: () => void): HTMLElement {
  const title = h('h1', {});
  const selectId = uid('wc-lang');
  const languageLabel = h('label', { for: selectId, class: 'sr-only' });
  const select = h('select', { id: selectId }, ...WIDGET_LANGS.map((l) => h('option', { value: l, lang: l }, WIDGET_LANGUAGE_NAMES[l])));
  select.addEventListener('change', () => i18n.set(select.value as Lang));
  const minimise = h('button', { type: 'button', class: 'wc-close' }, h('span', { 'aria-hidden': 'true' }, '—'));
  minimise.addEventListener('click', close);
  i18n.bind((t, lang) => {
    fill(title, t.title);
    fill(languageLabel, t.language);
    select.value = lang;
    minimise.setAttribute('aria-label', t.minimise);
    minimise.title = t.minimise;
    document.documentElement.lang = lang;
    document.title = t.frameTitle;
  });
  return h('header', { class: 'wc-head' }, h('div', { class: 'wc-head-text' }, title, agent), languageLabel, select, minimise);
}

/** The shop's page: told when the visitor closes the chat or switches language; says who they are and where. */
function shopBridge(config: FrameConfig) {
  const embedded = window.parent !== window;
  const tell = (message: FrameToShop) => embedded && window.parent.postMessage(message, config.origin);
  const listeners: ((m: NonNullable<ReturnType<typeof asShopMessage>>) => void)[] = [];
  window.addEventListener('message', (event) => {
    if (!embedded || event.source !== window.parent || event.origin !== config.origin) return;
    const message = asShopMessage(event.data);
    if (message) for (const l of listeners) l(message);
  });
  return {
    embedded,
    tell,
    on: (listener: (typeof listeners)[number]) => listeners.push(listener),
  };
}

function start(root: HTMLElement, config: FrameConfig): void {
  const i18n = createI18n(config.lang);
  const shop = shopBridge(config);
  const notices: Notices = noticesView(i18n);
  let session: Session | null = null;
  let link: VisitorLink | null = null;
  let open = !shop.embedded;
  const photo = fileCache(config, () => session?.token ?? '');

  const agent = agentLine(i18n, () => session?.customerName ?? null);
  const log = conversationView(i18n, {
    photo,
    retry: (key) => void resend(key),
    changed: () => {
      scroller.scrollTop = scroller.scrollHeight;
      markRead();
    },
  });
  const typingLine = h('p', { class: 'wc-typing', 'aria-live': 'polite' });
  let agentTyping: { name: string | null; typing: boolean } = { name: null, typing: false };
  i18n.bind((t) => fill(typingLine, agentTyping.typing ? t.typing(agentTyping.name) : ''));

  /** Sends a request once connected; a refusal is shown in words and answered as null. */
  async function ask<T>(send: (link: VisitorLink) => Promise<VisitorAck<T>>): Promise<T | null> {
    if (!link) {
      notices.refuse((t) => t.refusals.unavailable);
      return null;
    }
    const answer = await send(link);
    if (answer.ok) return answer.value;
    notices.refuse(refusalWords(answer.reason, answer.retryAfterMs));
    return null;
  }

  const suggestions = suggestionsView(i18n, {
    answered: (article) =>
      void ask((l) => l.request('visitor:deflected', { articleId: article.id, text: composer.text.trim() })).then((done) => {
        if (!done) return;
        composer.clear();
        suggestions.reset();
        notices.say((t) => t.deflected);
        composer.focus();
      }),
    askAnyway: () => composer.submit(),
  });
  const availability = availabilityView(i18n, notices, {
    draft: () => composer.text,
    leave: async (req) => (await ask((l) => l.request('visitor:leave-message', req))) !== null,
  });
  const contact = contactView(i18n, notices, async (c) => (await ask((l) => l.request('visitor:contact', c))) !== null);
  const survey = surveyView(i18n, async (req) => {
    if (!link) return null;
    const answer = await link.request('visitor:survey', req);
    if (answer.ok) return answer.value;
    notices.refuse(refusalWords(answer.reason, answer.retryAfterMs));
    return answer.reason === 'locked' ? 'locked' : null;
  });

  // The hub answers in the widget's language: suggestions, the survey question, a left message's subject.
  i18n.bind((_t, lang) => void link?.request('visitor:language', { lang }));
  const typing = typingSignal((on) => void link?.request('visitor:typing', { typing: on }));
  // Suggestions help with a new question: before the first message, or once the last case was resolved.
  const lookUp = debounce((text: string) => {
    if (text.trim().length < 3) return suggestions.show([]);
    void link?.request('visitor:suggest', { text }).then((a) => a.ok && composer.text === text && suggestions.show(a.value.articles));
  }, SUGGEST_AFTER_MS);

  /** Messages not yet answered by the hub, by client id, to send again as they were. */
  const drafts = new Map<string, { text: string; attachments: AttachmentRef[]; articlesSeen: string[] }>();

  async function resend(key: string): Promise<void> {
    const d = drafts.get(key);
    if (!d || !link) return;
    log.sending(key, d.text, d.attachments);
    const answer = await link.request('visitor:send', { clientId: key, text: d.text, attachments: d.attachments, ...(d.articlesSeen.length ? { articlesSeen: d.articlesSeen } : {}) });
    if (answer.ok) {
      drafts.delete(key);
      log.sent(key, answer.value.message);
      notices.refuse(null);
    } else {
      log.failed(key);
      notices.refuse(refusalWords(answer.reason, answer.retryAfterMs));
    }
  }

  async function submit(draft: Draft): Promise<void> {
    // No session yet (the hub refused or is unreachable): the draft stays in the box, and the visitor is told.
    if (!session || !link) {
      notices.refuse((t) => t.refusals.unavailable);
      return;
    }
    const attachments: AttachmentRef[] = [];
    if (draft.photo) {
      notices.say((t) => t.uploading);
      const upload = await uploadPhoto(config, session.token, draft.photo);
      notices.say(null);
      if (!upload.ok) {
        notices.refuse(refusalWords(upload.reason, upload.retryAfterMs));
        return;
      }
      attachments.push(upload.ref);
    }
    const key = clientId();
    drafts.set(key, { text: draft.text, attachments, articlesSeen: suggestions.seen() });
    composer.clear();
    suggestions.reset();
    lookUp.cancel();
    typing.stop();
    await resend(key);
  }

  const composer = composerView(config, i18n, notices, {
    input: (text) => {
      typing.keystroke();
      if (!log.hasVisitorMessages() || survey.showing) lookUp.push(text);
    },
    submit: (draft) => void submit(draft),
  });

  function markRead(): void {
    if (!open || document.visibilityState !== 'visible' || !link) return;
    const upTo = log.unreadFromShop();
    if (upTo) void link.request('visitor:read', { upTo });
  }

  const scroller = h('div', { class: 'wc-scroll' }, log.element, typingLine, survey.element);
  const body = h('div', { class: 'wc-body' }, ...availability.elements, scroller, notices.status, suggestions.element, notices.alert, composer.element, contact.element);
  const close = () => shop.tell({ type: 'webchat:close' });
  root.replaceChildren(header(i18n, agent.element, close), body);
  root.addEventListener('keydown', (e) => e.key === 'Escape' && shop.embedded && close());
  i18n.bind((_, lang) => shop.tell({ type: 'webchat:lang', lang }));
  document.addEventListener('visibilitychange', markRead);

  /** Everything missed since the newest message shown (all of it on a fresh page), page by page. */
  async function catchUp(l: VisitorLink): Promise<void> {
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const answer = await l.request('visitor:history', { after: log.cursor });
      if (!answer.ok) {
        notices.refuse(refusalWords(answer.reason, answer.retryAfterMs));
        return;
      }
      const h = answer.value;
      log.add(h.messages);
      availability.set(h.availability);
      if (h.agentName) agent.set(h.agentName);
      if (h.survey) survey.show(h.survey);
      if (!h.more) return;
    }
  }

  async function begin(identity: SignedIdentity | null): Promise<void> {
    notices.say((t) => t.connecting);
    try {
      session = await openSession(config, i18n.lang, identity).catch((err: unknown) => {
        // A signature the hub refuses is the shop's mistake, not the visitor's: they chat anonymously, and the
        // shop's developer reads why in the console.
        if (!(err instanceof SessionRefused && err.status === 401 && identity)) throw err;
        console.warn(`web chat: the signed identity was refused (${err.message}); chatting without it`);
        identity = null;
        return openSession(config, i18n.lang, null);
      });
    } catch (err) {
      notices.say(null);
      notices.refuse((t) => t.sessionFailed);
      console.warn(`web chat: ${(err as Error).message}`, err instanceof SessionRefused ? err.status : '');
      return;
    }
    agent.refresh();
    let renewing = false;
    const current = connectVisitor(config.namespace, session.token, {
      up: () => {
        notices.say(null);
        if (pendingPage) void current.request('visitor:page', pendingPage);
        pendingPage = null;
        void catchUp(current).then(markRead);
      },
      down: () => notices.say((t) => t.reconnecting),
      unknownSession: () => {
        // The hub no longer knows this session (expired): a new one, once; the conversation starts afresh.
        if (renewing) return;
        renewing = true;
        forgetSession(config);
        void openSession(config, i18n.lang, identity, true).then(
          (fresh) => {
            session = fresh;
            renewing = false;
            current.reconnect(fresh.token);
          },
          () => notices.refuse((t) => t.sessionFailed),
        );
      },
    });
    link = current;
    current.on('message', (m) => {
      log.add([m]);
      // Whoever answers is the one the visitor is chatting with (a case routed before the widget connected says so no other way).
      if (m.agentName) agent.set(m.agentName);
    });
    current.on('status', ({ id, status }) => log.status(id, status));
    current.on('typing', (t) => {
      agentTyping = { name: t.agentName, typing: t.typing };
      fill(typingLine, t.typing ? i18n.t.typing(t.agentName) : '');
    });
    current.on('agent', ({ agentName }) => agent.set(agentName));
    current.on('availability', (a) => availability.set(a));
    current.on('survey', (s) => survey.show(s));
  }

  let identity: SignedIdentity | null = null;
  /** The page the frame opened on, told once connected (the hello comes before the link). */
  let pendingPage: VisitedPage | null = null;
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    void begin(identity);
  };
  shop.on((message) => {
    if (message.type === 'webchat:hello') {
      identity = message.identity;
      open = message.open;
      pendingPage = message.page;
      go();
    } else if (message.type === 'webchat:page') {
      void link?.request('visitor:page', message.page);
    } else {
      open = message.open;
      if (open) {
        composer.focus();
        markRead();
      }
    }
  });
  if (shop.embedded) {
    shop.tell({ type: 'webchat:ready' });
    setTimeout(go, HELLO_WAIT_MS);
  } else go();
}

const root = document.getElementById('webchat');
const config = readFrameConfig(root?.getAttribute(FRAME_CONFIG_ATTRIBUTE) ?? null);
if (root && config) start(root, config);
