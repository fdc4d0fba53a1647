import { afterAll, beforeAll, vi } from 'vitest';

/**
 * jsdom lays nothing out: gives every element a size for the tests of this file, so that virtual lists (which
 * render only the rows that fit their scroll container) render a window of rows. `elementHeight` is what
 * measuring any element says (lists whose rows measure themselves; left at jsdom's 0, every row would fit).
 */
export function withLayout({ width = 500, height = 600, elementHeight }: { width?: number; height?: number; elementHeight?: number } = {}) {
  beforeAll(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width);
    if (elementHeight !== undefined) vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(elementHeight);
  });
  afterAll(() => vi.restoreAllMocks());
}
