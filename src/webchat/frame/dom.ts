/**
 * Building the frame's DOM. Text only ever goes in as text nodes and attribute values are set one by one, so
 * what a visitor, an agent or an article wrote shows as written: no markup is ever parsed from data.
 */
type Child = Node | string | null | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) if (child !== null && child !== false) parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
}

/** Replaces what an element holds. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A fresh id for labelling (`for`, `aria-describedby`). */
let counter = 0;
export const uid = (prefix: string) => `${prefix}-${++counter}`;

/** The widget's own id for a message, so that sending it again creates it once (SendRequestSchema.clientId). */
export function clientId(): string {
  return crypto.randomUUID();
}
