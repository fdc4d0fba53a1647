// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { globalListKey } from './globalListKeys';

/** A key pressed with focus on the element `html` describes (its first element, or the innermost marked `data-at`). */
function press(key: string, html: string, over: Partial<KeyboardEvent> = {}) {
  document.body.innerHTML = html;
  const target = document.querySelector('[data-at]') ?? document.body.firstElementChild ?? document.body;
  return globalListKey({ key, altKey: false, ctrlKey: false, metaKey: false, defaultPrevented: false, target, ...over });
}

describe('globalListKey', () => {
  it('moves with j/k and opens with Enter from the page, a case pane or its timeline', () => {
    expect(press('j', '<main><div data-at tabindex="-1">timeline</div></main>')).toBe('next');
    expect(press('k', '<section>pane</section>')).toBe('previous');
    expect(press('Enter', '<div>nothing focusable</div>')).toBe('open');
    expect(press('x', '<div></div>')).toBeNull();
  });

  it('leaves keys to text fields, however deep the focus sits in them', () => {
    for (const field of ['<input data-at>', '<textarea data-at></textarea>', '<select data-at></select>', '<div contenteditable="true"><b data-at>x</b></div>', '<div role="textbox" data-at></div>', '<div role="combobox" data-at></div>']) {
      expect(press('j', field), field).toBeNull();
      expect(press('Enter', field), field).toBeNull();
    }
  });

  it('leaves keys to dialogs, menus and other lists', () => {
    for (const owner of ['dialog', 'alertdialog', 'menu', 'listbox', 'grid']) {
      expect(press('j', `<div role="${owner}"><span data-at>x</span></div>`), owner).toBeNull();
    }
  });

  it('lets Enter press a focused control, while j/k still move', () => {
    expect(press('Enter', '<button data-at>Send</button>')).toBeNull();
    expect(press('Enter', '<a href="#x" data-at>link</a>')).toBeNull();
    expect(press('j', '<button data-at>Send</button>')).toBe('next');
  });

  it('ignores keys with modifiers and keys already handled', () => {
    expect(press('j', '<div></div>', { ctrlKey: true })).toBeNull();
    expect(press('k', '<div></div>', { metaKey: true })).toBeNull();
    expect(press('Enter', '<div></div>', { altKey: true })).toBeNull();
    expect(press('j', '<div></div>', { defaultPrevented: true })).toBeNull();
  });
});
