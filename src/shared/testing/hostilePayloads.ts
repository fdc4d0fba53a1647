/**
 * Hostile payloads for fuzz tests of everything that reads untrusted input (the workstation's IPC channels,
 * the hub's socket events and HTTP bodies): wrong types, hostile strings, prototype-pollution keys, deep
 * nesting, oversized values, and malformed variants of a valid example. Deterministic: every choice comes
 * from a seeded PRNG, so a failing run can be repeated from its seed.
 *
 * Pure TypeScript (no node: imports): it runs wherever a test does.
 */

/** A seeded source of choices: the same seed gives the same sequence. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One of `items` (which must not be empty). */
  pick<T>(items: readonly T[]): T;
}

/** A PRNG (mulberry32: small, fast, good enough to spread test inputs; not for secrets). */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)] };
}

/** Depth of the deeply nested values `hostileValue` makes: enough to overflow a recursive walk (JSON.stringify's too). */
export const DEEP_NESTING = 10_000;
/** Length of the long strings among HOSTILE_STRINGS: past every field's limit, under a 256 KiB message cap. */
export const LONG_STRING = 100_000;

/**
 * Strings that break naive code: empty and blank, NUL, lone surrogates (invalid UTF-16, not encodable as
 * UTF-8), RTL override, markup and script, SQL and path tricks, format strings, multibyte and combined emoji,
 * prototype names. All short: SHORT_HOSTILE_STRINGS fill big arrays without passing a message cap.
 */
export const SHORT_HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '\0',
  'a\0b',
  '\uD800',
  '\uDC00x\uD800',
  '\uFEFF',
  '\u202Egnp.exe',
  '\u200B\u200D',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE cases; --",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}%s%n',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'é'.repeat(64),
  'Ζ̸̛͎a̷l̴g̶o̵',
  '__proto__',
  'constructor',
  'toString',
  '-1',
  '1e309',
];

/** SHORT_HOSTILE_STRINGS and a LONG_STRING-character string. */
export const HOSTILE_STRINGS: readonly string[] = [...SHORT_HOSTILE_STRINGS, 'x'.repeat(LONG_STRING)];

/** Keys that pollute or shadow prototypes when code copies objects carelessly. */
export const HOSTILE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', ''];

/**
 * Numbers at the edges: negative zero, fractions where integers are expected, beyond the safe integers, and
 * NaN and the infinities (JSON carries those three as null).
 */
export const HOSTILE_NUMBERS: readonly number[] = [0, -0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, Number.MIN_VALUE, NaN, Infinity, -Infinity];

/**
 * A copy of `target` with `key` set as an own, enumerable property, even `__proto__` (a plain assignment
 * would set the prototype instead): what `JSON.parse('{"__proto__": ...}')` gives a server.
 */
export function withOwnKey(target: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `depth` levels of arrays (`[[[...]]]`) or objects (`{"a":{"a":...}}`), built without recursion. */
export function deeplyNested(depth: number, shape: 'array' | 'object'): unknown {
  let value: unknown = shape === 'array' ? [] : {};
  for (let level = 1; level < depth; level++) value = shape === 'array' ? [value] : { a: value };
  return value;
}

/** An object whose own keys are HOSTILE_KEYS, each holding something a careless merge would copy onto a prototype. */
function pollutingObject(prng: Prng): Record<string, unknown> {
  return HOSTILE_KEYS.reduce<Record<string, unknown>>((object, key) => withOwnKey(object, key, prng.pick([{ polluted: true }, 'polluted', 1, null])), {});
}

const HOSTILE_MAKERS: readonly ((prng: Prng) => unknown)[] = [
  (prng) => prng.pick(HOSTILE_STRINGS),
  (prng) => prng.pick(HOSTILE_NUMBERS),
  (prng) => prng.pick([true, false, null, undefined]),
  (prng) => prng.pick([[], {}, [null], [[]], { '': '' }]),
  pollutingObject,
  (prng) => deeplyNested(DEEP_NESTING, prng.pick(['array', 'object'] as const)),
  (prng) => Array.from({ length: 5_000 }, () => prng.pick(SHORT_HOSTILE_STRINGS)),
  (prng) => Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, prng.int(10)])),
];

/**
 * One hostile value: a hostile string or number, a boolean, null or undefined, an empty or odd container, a
 * prototype-polluting object, DEEP_NESTING levels of arrays or objects, a 5,000-item array or a 2,000-key object.
 */
export function hostileValue(prng: Prng): unknown {
  return prng.pick(HOSTILE_MAKERS)(prng);
}

type Path = readonly (string | number)[];

/** Every path in a small value (the example a mutation starts from), the root included. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]));
  return [path, ...children];
}

/** A copy of `value` with the node at `path` replaced by `change(node)` (the rest is shared). */
function changeAt(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [key, ...rest] = path;
  const child = changeAt((value as Record<string | number, unknown>)[key], rest, change);
  if (Array.isArray(value)) return value.map((item, i) => (i === key ? child : item));
  return withOwnKey(value as object, String(key), child);
}

/** A value of another type than `node`, still plausible (a number for a string, a string for a number...). */
function flipType(node: unknown): unknown {
  if (typeof node === 'string') return node.length;
  if (typeof node === 'number') return String(node);
  if (typeof node === 'boolean') return node ? 'true' : 0;
  if (Array.isArray(node)) return Object.fromEntries(node.map((item, i) => [String(i), item]));
  if (node !== null && typeof node === 'object') return Object.entries(node);
  return {};
}

/** A copy of `node` without one of its keys or items; a leaf becomes undefined (its key leaves the JSON). */
function dropOne(node: unknown, prng: Prng): unknown {
  if (Array.isArray(node)) {
    const dropped = prng.int(node.length);
    return node.filter((_, i) => i !== dropped);
  }
  if (node === null || typeof node !== 'object') return undefined;
  const keys = Object.keys(node);
  const dropped = prng.pick([...keys, '']);
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== dropped));
}

/** `node` made far too big: a string repeated to LONG_STRING characters, an array of 5,000 copies of an item. */
function stretch(node: unknown, prng: Prng): unknown {
  if (typeof node === 'string') return (node || 'x').repeat(Math.ceil(LONG_STRING / Math.max(node.length, 1))).slice(0, LONG_STRING);
  if (Array.isArray(node)) return Array.from({ length: 5_000 }, () => prng.pick(node.length > 0 ? node : SHORT_HOSTILE_STRINGS));
  return hostileValue(prng);
}

const MUTATIONS: readonly ((node: unknown, prng: Prng) => unknown)[] = [
  (_node, prng) => hostileValue(prng),
  (node) => flipType(node),
  dropOne,
  stretch,
  (node, prng) => (node !== null && typeof node === 'object' && !Array.isArray(node) ? withOwnKey(node, prng.pick(HOSTILE_KEYS), hostileValue(prng)) : [node]),
  (node, prng) => (typeof node === 'string' ? `${node}${prng.pick(SHORT_HOSTILE_STRINGS)}` : { value: node }),
];

/**
 * `count` malformed variants of a valid example: at a random place in it (the whole of it included), a value
 * replaced by a hostile one or one of the wrong type, a key dropped, a hostile key added, a string or array
 * stretched far past any limit, a string given hostile characters. A variant may still happen to be valid
 * (dropping an optional key): check it against the schema before expecting a refusal.
 */
export function malformedVariants(example: unknown, prng: Prng, count: number): unknown[] {
  const paths = pathsOf(example);
  return Array.from({ length: count }, () => {
    const path = prng.pick(paths);
    const mutate = prng.pick(MUTATIONS);
    return changeAt(example, path, (node) => mutate(node, prng));
  });
}

/**
 * JSON text of `value` as JSON.stringify writes it (undefined keys left out; undefined items, NaN and the
 * infinities as null; undefined itself as null, not nothing), without recursion: JSON.stringify overflows the stack on DEEP_NESTING levels, and a
 * fuzz test must still be able to send them (as a raw Socket.IO frame or an HTTP body).
 */
export function toJson(value: unknown): string {
  const out: string[] = [];
  // Work left to do, last first: values to write, or text to copy as is.
  const todo: ({ text: string } | { value: unknown })[] = [{ value }];
  for (let step = todo.pop(); step !== undefined; step = todo.pop()) {
    if ('text' in step) {
      out.push(step.text);
      continue;
    }
    const node = step.value;
    if (node === null || typeof node !== 'object') {
      out.push(JSON.stringify(node) ?? 'null');
      continue;
    }
    const entries = Array.isArray(node)
      ? node.map((item) => ({ prefix: '', value: item }))
      : Object.entries(node)
          .filter(([, item]) => item !== undefined)
          .map(([key, item]) => ({ prefix: `${JSON.stringify(key)}:`, value: item }));
    const [open, close] = Array.isArray(node) ? ['[', ']'] : ['{', '}'];
    todo.push({ text: close });
    entries.reverse().forEach((entry, i) => {
      todo.push({ value: entry.value }, { text: `${i === entries.length - 1 ? '' : ','}${entry.prefix}` });
    });
    todo.push({ text: open });
  }
  return out.join('');
}
