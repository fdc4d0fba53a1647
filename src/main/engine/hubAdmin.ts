import type { z } from 'zod';
import type { IpcErrorCode } from '../../shared/ipc/contract';
import { AdminErrorSchema } from '../../shared/protocol';
import { describeZodError, EngineError } from './engineError';

/** The hub's admin API (src/server/admin/adminHttp.ts), called with the signed-in person's access token. */
export interface HubAdmin {
  /** Sends one call; answers the parsed body, or throws an EngineError with the hub's code and field. */
  call<T>(accessToken: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body: unknown, answer: z.ZodType<T>, timeoutMs?: number): Promise<T>;
}

export interface HubAdminOptions {
  hubUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The hub's refusal codes as the contract's: the same word where the contract has it, `invalid-input` for the
 * hub's `invalid`; `unavailable` (its database, for a moment) reads as an unreachable hub. Anything else is
 * `internal`, with the hub's message.
 */
const HUB_CODES: Readonly<Record<string, IpcErrorCode>> = {
  invalid: 'invalid-input',
  'not-found': 'not-found',
  conflict: 'conflict',
  'identity-taken': 'conflict',
  stale: 'conflict',
  forbidden: 'forbidden',
  unauthorized: 'forbidden',
  'rate-limited': 'rate-limited',
  unavailable: 'hub-unreachable',
};

export function createHubAdmin(options: HubAdminOptions): HubAdmin {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async call(accessToken, method, path, body, answer, callTimeoutMs = timeoutMs) {
      const bodyless = method === 'GET' || method === 'DELETE';
      let res: Response;
      try {
        res = await doFetch(new URL(`/api/v1/admin/${path}`, options.hubUrl), {
          method,
          headers: { Authorization: `Bearer ${accessToken}`, ...(bodyless ? {} : { 'Content-Type': 'application/json' }) },
          body: bodyless ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(callTimeoutMs),
        });
      } catch (error) {
        throw new EngineError('hub-unreachable', `the hub at ${options.hubUrl} cannot be reached (${(error as Error).message})`);
      }
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const refusal = AdminErrorSchema.safeParse(json);
        if (!refusal.success) throw new EngineError('internal', `the hub answered ${res.status}`);
        const { code, message, field } = refusal.data.error;
        throw new EngineError(HUB_CODES[code] ?? 'internal', message, field);
      }
      const parsed = answer.safeParse(json);
      if (!parsed.success) throw new EngineError('internal', `the hub sent a malformed answer: ${describeZodError(parsed.error)}`);
      return parsed.data;
    },
  };
}
