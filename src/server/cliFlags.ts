import { parseArgs, type ParseArgsConfig } from 'node:util';

/** How a command refuses: one line with the reason, followed by its usage when `usage` (a flag it cannot take). */
export type Fail = (message: string, usage?: boolean) => never;

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's flags and positionals (`--help` and `-h` added); null after printing `usage` when asked for it.
 * An unknown or malformed flag is refused through `fail` with its reason and the usage.
 */
export function parseFlags<O extends Options>(args: string[], options: O, usage: string, fail: Fail) {
  type Config = { args: string[]; options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true; strict: true };
  let parsed;
  try {
    parsed = parseArgs<Config>({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    fail((err as Error).message, true);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return null;
  }
  return parsed;
}

/** A number flag of at least `min` (`whole`: an integer, at most `max`), or `fallback` when not given. */
export function numberFlag(fail: Fail, value: string | undefined, name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER, whole = false } = {}): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  if (!Number.isFinite(n) || (whole && !Number.isInteger(n)) || n < min || n > max) fail(`--${name} needs a ${whole ? 'whole ' : ''}number ${range}, got "${value}"`, true);
  return n;
}

/** What demo organisation new, empty data gets, and the simulated traffic: `npm run hub` and `npm run cluster` take them alike. */
export const DEMO_FLAGS = {
  seed: { type: 'string' },
  'no-seed': { type: 'boolean' },
  customers: { type: 'string' },
  interactions: { type: 'string' },
  simulate: { type: 'string' },
} as const satisfies Options;

export const DEMO_FLAGS_USAGE = `  --seed N            seed of the demo organisation created in new, empty data (default 1)
  --no-seed           start empty instead of seeding the demo organisation
  --customers N       demo customers (default 3000)
  --interactions N    demo interactions (default 30000)
  --simulate RATE     simulated inbound messages per second (default 0: none); given at all (0 too), a
                      simulated connector takes the replies of every channel the hub does not speak itself`;

type DemoFlags = { [K in keyof typeof DEMO_FLAGS]?: (typeof DEMO_FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

/** The demo flags checked; a bad number is refused through `fail`. `seed` is null for `--no-seed`. */
export function demoOptions(f: DemoFlags, fail: Fail) {
  const count = (name: 'customers' | 'interactions', fallback: number) => numberFlag(fail, f[name], name, fallback, { min: 1, whole: true });
  return {
    seed: f['no-seed'] ? null : numberFlag(fail, f.seed, 'seed', 1, { whole: true }),
    customers: count('customers', 3000),
    interactions: count('interactions', 30000),
    simulate: numberFlag(fail, f.simulate, 'simulate', 0),
  };
}
