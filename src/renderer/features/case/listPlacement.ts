/**
 * Where a list that belongs to a text field goes: above the field (the composer sits at the bottom of the window),
 * below it only when the window has clearly more room there, and never taller than the room it has, so that no
 * part of it is cut off by the window's edge.
 */

/** The gap between the field and the list, and kept from the window's edge. */
export const LIST_GAP_PX = 4;
/** A list taller than this scrolls inside. */
export const LIST_MAX_PX = 420;
/** Room enough above for a few options: with less, the list opens below if there is more room there. */
export const LIST_MIN_ABOVE_PX = 120;

export type ListPlacement =
  | { side: 'above'; bottom: number; left: number; width: number; maxHeight: number }
  | { side: 'below'; top: number; left: number; width: number; maxHeight: number };

/** `field` is the field's box in the window (getBoundingClientRect), `windowHeight` the window's inner height. */
export function placeList(field: { top: number; bottom: number; left: number; width: number }, windowHeight: number): ListPlacement {
  const roomAbove = field.top - 2 * LIST_GAP_PX;
  const roomBelow = windowHeight - field.bottom - 2 * LIST_GAP_PX;
  const { left, width } = field;
  if (roomAbove >= LIST_MIN_ABOVE_PX || roomAbove >= roomBelow) {
    return { side: 'above', bottom: windowHeight - field.top + LIST_GAP_PX, left, width, maxHeight: Math.max(0, Math.min(LIST_MAX_PX, roomAbove)) };
  }
  return { side: 'below', top: field.bottom + LIST_GAP_PX, left, width, maxHeight: Math.max(0, Math.min(LIST_MAX_PX, roomBelow)) };
}
