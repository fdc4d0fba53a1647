import {
  ChangePasswordResultSchema,
  HttpErrorSchema,
  PASSWORD_PROBLEMS,
  SessionSchema,
  type ChangePasswordResult,
  type PasswordProblemCode,
  type Session,
} from '../../shared/protocol';
import { describeZodError } from './engineError';

/** Why the hub's auth API did not give a session. */
export type HubAuthFailure = 'bad-credentials' | 'rate-limited' | 'revoked' | 'expired' | 'hub-unreachable' | 'hub-error' | PasswordProblemCode;

/** A refusal (or silence) of the hub's auth API. */
export class HubAuthError extends Error {
  constructor(
    readonly code: HubAuthFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The hub's HTTP sign-in API (src/server/http/httpApi.ts). */
export interface HubAuth {
  login(username: string, password: string): Promise<Session>;
  /** Trades a refresh token for a new session; the old refresh token stops working. */
  refresh(refreshToken: string): Promise<Session>;
  /** Ends the hub session of this refresh token (its live connections are closed). */
  logout(refreshToken: string): Promise<void>;
  /** Changes the person's password (this session goes on, their others end); `accessToken` says who. */
  changePassword(accessToken: string, currentPassword: string, newPassword: string): Promise<ChangePasswordResult>;
}

export interface HubAuthOptions {
  hubUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const KNOWN_REFUSALS: readonly HubAuthFailure[] = ['bad-credentials', 'rate-limited', 'revoked', 'expired', ...PASSWORD_PROBLEMS];

/** Talks to the hub's auth endpoints; every answer is parsed, every failure becomes a HubAuthError. */
export function createHubAuth(options: HubAuthOptions): HubAuth {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    let res: Response;
    try {
      res = await doFetch(new URL(path, options.hubUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new HubAuthError('hub-unreachable', `the hub at ${options.hubUrl} cannot be reached (${(error as Error).message})`);
    }
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return json;
    const refusal = HttpErrorSchema.safeParse(json);
    const code = refusal.success ? (refusal.data.error as HubAuthFailure) : 'hub-error';
    const message = refusal.success ? refusal.data.message : `the hub answered ${res.status}`;
    throw new HubAuthError(KNOWN_REFUSALS.includes(code) ? code : 'hub-error', message);
  }

  const session = (raw: unknown): Session => {
    const parsed = SessionSchema.safeParse(raw);
    if (!parsed.success) throw new HubAuthError('hub-error', `the hub sent a malformed session: ${describeZodError(parsed.error)}`);
    return parsed.data;
  };

  return {
    login: async (username, password) => session(await post('/api/v1/auth/login', { username, password })),
    refresh: async (refreshToken) => session(await post('/api/v1/auth/refresh', { refreshToken })),
    logout: async (refreshToken) => void (await post('/api/v1/auth/logout', { refreshToken })),
    async changePassword(accessToken, currentPassword, newPassword) {
      const answer = ChangePasswordResultSchema.safeParse(
        await post('/api/v1/auth/password', { currentPassword, newPassword }, { Authorization: `Bearer ${accessToken}` }),
      );
      if (!answer.success) throw new HubAuthError('hub-error', `the hub sent a malformed answer: ${describeZodError(answer.error)}`);
      return answer.data;
    },
  };
}
