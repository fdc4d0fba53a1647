import { describe, expect, it } from 'vitest';
import { LIST_GAP_PX, LIST_MAX_PX, placeList } from './listPlacement';

const field = (top: number, height = 100) => ({ top, bottom: top + height, left: 40, width: 500 });

describe('placeList', () => {
  it('opens above a field at the bottom of the window, its bottom edge just over the field', () => {
    expect(placeList(field(700), 900)).toEqual({ side: 'above', bottom: 900 - 700 + LIST_GAP_PX, left: 40, width: 500, maxHeight: LIST_MAX_PX });
  });

  it('is never taller than the room above, so the window does not cut it off', () => {
    const placed = placeList(field(200, 600), 900);
    expect(placed).toMatchObject({ side: 'above', maxHeight: 200 - 2 * LIST_GAP_PX });
  });

  it('opens below only when the room above is small and there is more below', () => {
    expect(placeList(field(60), 900)).toEqual({ side: 'below', top: 160 + LIST_GAP_PX, left: 40, width: 500, maxHeight: LIST_MAX_PX });
    expect(placeList(field(60, 820), 900)).toMatchObject({ side: 'above', maxHeight: 60 - 2 * LIST_GAP_PX });
  });
});
