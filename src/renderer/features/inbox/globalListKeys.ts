/** Where typing goes: keys pressed there are text, never list commands. */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"], [role="combobox"], [role="searchbox"]';
/** Controls that act on Enter themselves (a focused button must still be pressed by Enter). */
const ACTIVATES = 'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="tab"], [role="checkbox"], [role="radio"], [role="switch"]';
/** Places with keys of their own: dialogs, menus and other lists. */
const OWN_KEYS = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [role="grid"], [role="tree"]';

export type ListKeyAction = 'next' | 'previous' | 'open';

/** Whether a key pressed at `target` is text being typed (single-key shortcuts leave it alone). */
export const isTypingTarget = (target: EventTarget | null): boolean => target instanceof Element && target.closest(TYPING) !== null;

/**
 * The inbox's keys from anywhere in the workspace (as in mail clients): j and k move the selection, Enter opens
 * it, unless the key is meant for where focus is (a text field, a dialog or menu, another list, or Enter on a
 * control that Enter presses) or already handled there.
 */
export function globalListKey(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'defaultPrevented' | 'target'>): ListKeyAction | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return null;
  const action: ListKeyAction | null = e.key === 'j' ? 'next' : e.key === 'k' ? 'previous' : e.key === 'Enter' ? 'open' : null;
  if (action === null) return null;
  const target = e.target instanceof Element ? e.target : null;
  if (isTypingTarget(target) || target?.closest(OWN_KEYS)) return null;
  if (action === 'open' && target?.closest(ACTIVATES)) return null;
  return action;
}
