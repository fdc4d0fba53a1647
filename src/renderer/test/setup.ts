/**
 * Browser APIs jsdom lacks and Mantine or the virtual list need. Import first in every component test
 * (after `// @vitest-environment jsdom`).
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

class NoResizeObserver implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResizeObserver;

// jsdom has no FontFaceSet: Mantine's autosize Textarea (the close-alert outcome, for one) listens on
// `document.fonts` for web fonts loading and throws on mount without it.
if (document.fonts === undefined) {
  const fonts = Object.assign(new EventTarget(), { ready: Promise.resolve(), status: 'loaded', check: () => true, load: async () => [] });
  Object.defineProperty(document, 'fonts', { configurable: true, value: fonts });
}

// jsdom lays nothing out: scrolling into view is a no-op there.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.scrollTo ??= function scrollTo() {};

afterEach(() => {
  cleanup();
  localStorage.clear();
});
