import { ZodError } from 'zod';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/contract';

/** A failure the renderer is told about with a stable code (see IPC_ERROR_CODES), a message for people, and the field at fault. */
export class EngineError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The error answer for input that does not match a schema: its first issue names the field. */
export function invalidInput(error: ZodError): IpcResult<never> {
  const path = error.issues[0]?.path ?? [];
  const field = path.length > 0 ? path.join('.') : undefined;
  return { ok: false, error: { code: 'invalid-input', message: describeZodError(error), ...(field ? { field } : {}) } };
}

/** A short, readable account of what is wrong with an input, e.g. `text: Too small`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
    .join('; ');
}

/**
 * Turns anything thrown by a handler into an error answer. Unknown errors are logged in full here and
 * reported as `internal` without their text: it may hold paths, SQL or customer data.
 */
export function toIpcError(error: unknown, log: (message: string, detail?: unknown) => void): IpcResult<never> {
  if (error instanceof EngineError) return { ok: false, error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
  if (error instanceof ZodError) return invalidInput(error);
  log('engine: handler failed', error);
  return internalFailure();
}

/**
 * The answer to a failure nobody foresaw (hosts give it too, when the engine itself fails): a stable code,
 * and nothing of the cause, which may hold paths, SQL or customer data.
 */
export function internalFailure(): IpcResult<never> {
  return { ok: false, error: { code: 'internal', message: 'the workstation could not do this; nothing was changed' } };
}
