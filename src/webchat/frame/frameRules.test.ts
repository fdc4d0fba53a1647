import { describe, expect, it } from 'vitest';
import type { FrameConfig } from '../frameConfig';
import { readFrameConfig } from '../frameConfig';
import { WIDGET_TEXTS } from '../widgetTexts';
import { availabilityWords } from './availability';
import { photoProblem, uploadRefusal } from './files';
import { laterStatus, statusView } from './messageStatus';
import { debounce, typingSignal, type Timers } from './timing';

const en = WIDGET_TEXTS.en;
const CONFIG: FrameConfig = {
  queue: 'q-chat',
  origin: 'https://shop.example',
  lang: 'en',
  namespace: '/visitor',
  sessionsPath: '/api/v1/webchat/sessions',
  filesPath: '/api/v1/webchat/files',
  maxText: 4000,
  maxPhotoBytes: 10 * 1024 * 1024,
  photoTypes: ['image/jpeg', 'image/png'],
};

/** Timers that run only when the test moves the clock. */
function fakeTimers() {
  let now = 0;
  let due: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const timers: Timers = {
    now: () => now,
    set: (fn, ms) => {
      due.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    clear: (id) => void (due = due.filter((d) => d.id !== id)),
  };
  const advance = (ms: number) => {
    now += ms;
    const ready = due.filter((d) => d.at <= now);
    due = due.filter((d) => d.at > now);
    for (const d of ready) d.fn();
  };
  return { timers, advance };
}

describe('message states', () => {
  it('show an icon and words for each state, and only move forward', () => {
    expect(statusView('read', en)).toEqual({ icon: '✓✓', words: 'Read', className: 'wc-status wc-status-read' });
    expect(statusView('failed', WIDGET_TEXTS.pl).words).toBe('Nie wysłano');
    expect(laterStatus('read', 'delivered')).toBe('read');
    expect(laterStatus('sending', 'sent')).toBe('sent');
    expect(laterStatus('failed', 'sending')).toBe('sending');
  });
});

describe('photos', () => {
  it('are refused before upload with a reason in words', () => {
    expect(photoProblem({ name: 'cat.jpg', size: 1000, type: 'image/jpeg' }, CONFIG, en)).toBeNull();
    expect(photoProblem({ name: 'big.png', size: 11 * 1024 * 1024, type: 'image/png' }, CONFIG, en)).toBe('The photo “big.png” is too large. Photos can be up to 10 MB.');
    expect(photoProblem({ name: 'setup.exe', size: 10, type: 'application/x-msdownload' }, CONFIG, en)).toMatch(/not a photo/);
    expect(photoProblem({ name: 'empty.png', size: 0, type: 'image/png' }, CONFIG, en)).toMatch(/not a photo/);
  });

  it("refused by the hub, say why by its status", () => {
    expect([413, 422, 429, 401, 503].map(uploadRefusal)).toEqual(['too-large', 'bad-file', 'rate-limited', 'closed', 'unavailable']);
  });
});

describe('availability', () => {
  it('gives the expected wait, or says nobody is available', () => {
    expect(availabilityWords({ available: 2, waiting: 0, waitMinutes: 0 }, en)).toBe('Someone will answer you shortly.');
    expect(availabilityWords({ available: 1, waiting: 4, waitMinutes: 6 }, en)).toBe('Expected wait: about 6 minutes.');
    expect(availabilityWords({ available: 0, waiting: 0, waitMinutes: null }, en)).toBe('Nobody is available right now.');
  });
});

describe("the frame page's configuration", () => {
  it('is taken only whole', () => {
    expect(readFrameConfig(JSON.stringify(CONFIG))).toEqual(CONFIG);
    expect(readFrameConfig(JSON.stringify({ ...CONFIG, lang: 'de' }))).toBeNull();
    expect(readFrameConfig(JSON.stringify({ ...CONFIG, maxText: 0 }))).toBeNull();
    expect(readFrameConfig('{')).toBeNull();
    expect(readFrameConfig(null)).toBeNull();
  });
});

describe('timing', () => {
  it('tells "typing" on the first keystroke, again every 3 s while it goes on, and "stopped" after 4 s idle or on send', () => {
    const { timers, advance } = fakeTimers();
    const told: boolean[] = [];
    const typing = typingSignal((t) => told.push(t), undefined, timers);
    typing.keystroke();
    advance(1000);
    typing.keystroke();
    advance(2500);
    typing.keystroke();
    expect(told).toEqual([true, true]);
    advance(4000);
    expect(told).toEqual([true, true, false]);
    typing.keystroke();
    typing.stop();
    typing.stop();
    expect(told).toEqual([true, true, false, true, false]);
  });

  it('looks up only once typing pauses, with the latest text', () => {
    const { timers, advance } = fakeTimers();
    const asked: string[] = [];
    const lookUp = debounce((t: string) => asked.push(t), 400, timers);
    lookUp.push('Wh');
    advance(200);
    lookUp.push('Where is');
    advance(399);
    expect(asked).toEqual([]);
    advance(1);
    expect(asked).toEqual(['Where is']);
    lookUp.push('x');
    lookUp.cancel();
    advance(1000);
    expect(asked).toEqual(['Where is']);
  });
});
