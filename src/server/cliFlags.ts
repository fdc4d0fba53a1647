import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EmailSchema } from '../shared/domain';
import { PutMailboxSchema, type Mailbox } from '../shared/protocol';

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

/**
 * `--public-url`: where customers reach the hub from outside (survey links, the web chat, the help site), an
 * http or https address without credentials, query or fragment; given without its trailing slash. Undefined when
 * not given (the hub's listening address then).
 */
export function publicUrlFlag(fail: Fail, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol)) fail(`--public-url needs an http:// or https:// URL, got "${value}"`);
  if (url.username || url.password || url.search || url.hash) fail(`--public-url is where customers reach the hub, without a user, password, query or fragment; got "${value}"`);
  return url.href.replace(/\/+$/, '');
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

/** One mailbox for scripting (`npm run hub`): the admin console adds others, which these override by address. */
export const MAIL_FLAGS = {
  'mail-address': { type: 'string' },
  'mail-name': { type: 'string' },
  'smtp-url': { type: 'string' },
  'smtp-listen': { type: 'string' },
  'imap-url': { type: 'string' },
} as const satisfies Options;

export const MAIL_FLAGS_USAGE = `  --mail-address A    a mailbox the hub speaks email through (with --smtp-url, and --smtp-listen or --imap-url)
  --mail-name NAME    the name replies are signed with when no agent's is used (default: Customer service)
  --smtp-url URL      where replies go out: smtp://USER:PASSWORD@HOST:PORT (smtps:// for TLS from the start)
  --smtp-listen H:P   take mail for the address on the hub's own SMTP listener at HOST:PORT
  --imap-url URL      or poll a mailbox: imaps://USER:PASSWORD@HOST:PORT/FOLDER?poll=SECONDS (imap:// without TLS)`;

type MailFlags = { [K in keyof typeof MAIL_FLAGS]?: string };

/** A URL flag with one of `schemes`, refused through `fail` otherwise. */
function mailUrl(fail: Fail, value: string, name: string, schemes: string[]): URL {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !schemes.includes(url.protocol)) fail(`--${name} needs a ${schemes.map((s) => `${s}//`).join(' or ')} URL, got "${value}"`);
  return url;
}

const defaultPort = (url: URL, secure: number, plain: number, secureScheme: string) => (url.port ? Number(url.port) : url.protocol === secureScheme ? secure : plain);

/** The mailbox the mail flags describe, checked like one an admin adds; null when none is given. */
export function mailboxFromFlags(f: MailFlags, fail: Fail, now: number): Mailbox | null {
  const given = Object.keys(MAIL_FLAGS).filter((k) => f[k as keyof MailFlags] !== undefined);
  if (given.length === 0) return null;
  if (!f['mail-address']) fail(`--${given[0]} needs --mail-address`);
  if (!f['smtp-url']) fail('--mail-address needs --smtp-url (where replies go out)');
  if ((f['smtp-listen'] === undefined) === (f['imap-url'] === undefined)) fail('--mail-address needs one of --smtp-listen and --imap-url (how mail comes in)');
  const smtp = mailUrl(fail, f['smtp-url'], 'smtp-url', ['smtp:', 'smtps:']);
  const inbound = f['imap-url'] !== undefined ? imapFrom(mailUrl(fail, f['imap-url'], 'imap-url', ['imap:', 'imaps:'])) : listenFrom(fail, f['smtp-listen']!);
  const parsed = PutMailboxSchema.safeParse({
    name: f['mail-name'] ?? 'Customer service',
    smtp: {
      host: smtp.hostname,
      port: defaultPort(smtp, 465, 587, 'smtps:'),
      secure: smtp.protocol === 'smtps:',
      ...(smtp.username ? { user: decodeURIComponent(smtp.username), password: decodeURIComponent(smtp.password) || undefined } : {}),
    },
    inbound,
  });
  const address = EmailSchema.safeParse(f['mail-address']);
  if (!address.success) fail(`--mail-address: "${f['mail-address']}" is not an email address`);
  if (!parsed.success) fail(`mail flags: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  return { ...parsed.data, address: address.data, updatedAt: now };
}

function listenFrom(fail: Fail, value: string) {
  const match = /^(.+):(\d{1,5})$/.exec(value);
  if (!match) fail(`--smtp-listen needs HOST:PORT, got "${value}"`);
  return { kind: 'smtp', host: match[1].replace(/^\[(.*)\]$/, '$1'), port: Number(match[2]) };
}

function imapFrom(url: URL) {
  const poll = url.searchParams.get('poll');
  return {
    kind: 'imap',
    host: url.hostname,
    port: defaultPort(url, 993, 143, 'imaps:'),
    secure: url.protocol === 'imaps:',
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password) || undefined,
    folder: decodeURIComponent(url.pathname.slice(1)) || 'INBOX',
    pollSeconds: poll === null ? 60 : Number(poll),
  };
}
