import type { TFunction } from 'i18next';
import { IPC_ERROR_CODES } from '../../shared/ipc/contract';

/** A people-readable, translated explanation of an engine error (its stable code), never a stack trace. */
export function errorText(t: TFunction, error: { code: string; message: string }): string {
  return (IPC_ERROR_CODES as readonly string[]).includes(error.code) ? t(`common:errors.${error.code}`) : t('common:errors.internal');
}
