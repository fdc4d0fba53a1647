import type { TFunction } from 'i18next';
import { IPC_ERROR_CODES } from '../../shared/ipc/contract';

/** Codes with a translation: the contract's, and the transport's own when the engine does not answer. */
const KNOWN: readonly string[] = [...IPC_ERROR_CODES, 'engine-unreachable'];

/** A people-readable, translated explanation of an engine error (its stable code), never a stack trace. */
export function errorText(t: TFunction, error: { code: string; message: string }): string {
  return KNOWN.includes(error.code) ? t(`common:errors.${error.code}`) : t('common:errors.internal');
}
