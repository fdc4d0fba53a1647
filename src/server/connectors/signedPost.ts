import { signBody } from '../http/signature';

/** What the hub answered: its status and its JSON body (null when it sent none, or not JSON). */
export interface HubAnswer {
  status: number;
  body: unknown;
}

export interface SignedPostOptions {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** The first retry waits up to this long, each next one up to twice as long (full jitter; default 1 s). */
  retryMs?: number;
  /** How long one try may take (default 10 s). */
  timeoutMs?: number;
  /** Ends the waiting and the try under way: the connector is stopping. */
  signal?: AbortSignal;
}

/** Worth trying again: the hub was busy, restarting or unreachable; any other answer will not change. */
const transient = (status: number) => status === 408 || status === 429 || status >= 500;

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const done = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * POSTs `body` as JSON to `url` with `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>` (how connectors
 * sign what they send the hub), trying again after network errors, 408, 429 and 5xx. Resolves with the last
 * answer (a 4xx included: the caller decides what it means); rejects when no try reached the hub.
 */
export async function postSigned(url: string, body: unknown, secret: string, opts: SignedPostOptions = {}): Promise<HubAnswer> {
  const raw = JSON.stringify(body);
  const headers = { 'Content-Type': 'application/json', 'X-Signature': signBody(raw, secret) };
  const attempts = opts.attempts ?? 5;
  for (let attempt = 0; ; attempt++) {
    let answer: HubAnswer | Error;
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(opts.timeoutMs ?? 10_000), ...(opts.signal ? [opts.signal] : [])]);
      const res = await fetch(url, { method: 'POST', headers, body: raw, signal });
      const text = await res.text();
      answer = { status: res.status, body: parseOrNull(text) };
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      answer = err instanceof Error ? err : new Error(String(err));
    }
    const again = answer instanceof Error || transient(answer.status);
    if (!again || attempt + 1 >= attempts) {
      if (answer instanceof Error) throw new Error(`${url} could not be reached after ${attempts} tries: ${answer.message}`);
      return answer;
    }
    await pause(Math.random() * (opts.retryMs ?? 1_000) * 2 ** attempt, opts.signal);
  }
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
