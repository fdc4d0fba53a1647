/**
 * `/widget.js`: what a shop's page runs. It adds a chat button and, once opened, the hub's chat frame; tells the
 * frame who the signed-in customer is (only ever to the hub's origin) and which page the visitor is on; and
 * remembers whether the chat was open, so it stays open on the next page. Styles are set through the DOM (the
 * shop's policy may forbid inline style sheets); nothing here reads or writes the shop's page beyond its own two
 * elements.
 */
import { asFrameMessage, visitedPage, type ShopToFrame } from './bridge';
import { frameUrl, readLoaderConfig, type LoaderConfig } from './loaderConfig';
import { LAUNCHER_TEXTS } from './launcherTexts';

const OPEN_KEY = 'hub-webchat:open';
const ACCENT = '#1864ab';
/** Screens this narrow get the chat full screen and a round button that covers only its corner. */
const PHONE = '(max-width: 480px)';

function remembered(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false; // storage refused (privacy settings): the chat starts closed
  }
}

function remember(open: boolean): void {
  try {
    sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // as above: nothing to keep it in
  }
}

function style(element: HTMLElement, rules: Record<string, string>): void {
  for (const [name, value] of Object.entries(rules)) element.style.setProperty(name, value);
}

/** A speech bubble drawn with DOM calls (no markup parsing on the shop's page). */
function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

function mount(config: LoaderConfig): void {
  let lang = config.lang;
  let frame: HTMLIFrameElement | null = null;
  let open = false;
  const phone = matchMedia(PHONE);

  // The widget's own landmark, so that everything it adds to the shop's page sits in one named region.
  const region = document.createElement('aside');
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const label = document.createElement('span');
  button.append(chatIcon(), label);
  style(button, {
    position: 'fixed',
    right: '16px',
    bottom: 'calc(16px + env(safe-area-inset-bottom, 0px))',
    'z-index': '2147483000',
    display: 'flex',
    'align-items': 'center',
    gap: '8px',
    'min-height': '48px',
    'min-width': '48px',
    margin: '0',
    border: '2px solid #fff',
    'border-radius': '24px',
    background: ACCENT,
    color: '#fff',
    font: '600 16px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    cursor: 'pointer',
    'box-shadow': '0 2px 8px rgba(0,0,0,.35)',
  });
  // Focus shows only for the keyboard, in a ring the shop's own styles cannot remove.
  button.addEventListener('focus', () => {
    if (button.matches(':focus-visible')) style(button, { outline: `3px solid ${ACCENT}`, 'outline-offset': '3px' });
  });
  button.addEventListener('blur', () => button.style.removeProperty('outline'));

  const post = (message: ShopToFrame) => frame?.contentWindow?.postMessage(message, config.hub);
  const here = () => visitedPage(location.href, document.title);

  function layout(): void {
    const texts = LAUNCHER_TEXTS[lang];
    label.textContent = open ? texts.launcherClose : texts.launcherOpen;
    region.setAttribute('aria-label', texts.frameTitle);
    button.setAttribute('aria-label', label.textContent);
    button.setAttribute('aria-expanded', String(open));
    // On a phone the button is a round icon in the corner, and hides while the full-screen chat is open.
    style(button, phone.matches ? { padding: '0', 'justify-content': 'center', width: '48px' } : { padding: '0 18px', 'justify-content': 'flex-start', width: 'auto' });
    label.style.setProperty('display', phone.matches ? 'none' : 'inline');
    button.style.setProperty('display', open && phone.matches ? 'none' : 'flex');
    if (!frame) return;
    frame.title = texts.frameTitle;
    style(
      frame,
      phone.matches
        ? { inset: '0', width: '100%', height: '100%', 'max-height': 'none', 'border-radius': '0' }
        : { inset: 'auto 16px 80px auto', width: '370px', height: '600px', 'max-height': 'calc(100vh - 96px)', 'border-radius': '12px' },
    );
    frame.style.setProperty('display', open ? 'block' : 'none');
  }

  function createFrame(): HTMLIFrameElement {
    const f = document.createElement('iframe');
    f.id = 'hub-webchat-frame';
    f.src = frameUrl(config, location.origin, lang);
    f.referrerPolicy = 'no-referrer';
    style(f, { position: 'fixed', 'z-index': '2147483001', border: '0', background: '#fff', 'box-shadow': '0 4px 24px rgba(0,0,0,.3)', 'color-scheme': 'light' });
    button.setAttribute('aria-controls', f.id);
    region.append(f);
    return f;
  }

  function setOpen(next: boolean, focus: boolean): void {
    open = next;
    remember(open);
    if (open) frame ??= createFrame();
    layout();
    post({ type: 'webchat:open', open });
    if (focus && open) frame?.focus();
    if (focus && !open) button.focus();
  }

  button.addEventListener('click', () => setOpen(!open, true));
  phone.addEventListener('change', layout);

  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== config.hub) return;
    const message = asFrameMessage(event.data);
    if (!message) return;
    if (message.type === 'webchat:ready') post({ type: 'webchat:hello', identity: config.identity, page: here(), open });
    else if (message.type === 'webchat:close') setOpen(false, true);
    else {
      lang = message.lang;
      layout();
    }
  });

  // Single-page shops change the address without loading a page: the frame hears of each new one.
  let lastHref = location.href;
  setInterval(() => {
    if (location.href === lastHref) return;
    lastHref = location.href;
    const page = here();
    if (page) post({ type: 'webchat:page', page });
  }, 1_000);

  region.append(button);
  document.body.append(region);
  if (remembered()) setOpen(true, false);
  else layout();
}

const script = document.currentScript;
// currentScript is only set while this runs for the first time, so the tag is read now.
const config = script instanceof HTMLScriptElement ? readLoaderConfig((name) => script.getAttribute(name), script.src, navigator.languages ?? [navigator.language]) : 'the widget must be loaded by a script tag';
if (typeof config === 'string') console.warn(`web chat: ${config}`);
else if (document.body) mount(config);
else document.addEventListener('DOMContentLoaded', () => mount(config));
