import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../shared/ipc/contract';
import { adminRefusal, errorAt, type FieldRefusal } from './refusal';

/**
 * What every admin form does with the engine: sends one change, remembers the refusal (shown at its field, or
 * above the buttons when it names none of the form's fields), and hands the answer on when it succeeds.
 */
export function useAdminSubmit(fields: readonly string[]) {
  const { t } = useTranslation('admin');
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);
  const [busy, setBusy] = useState(false);

  async function send<T>(call: () => Promise<IpcResult<T>>): Promise<T | null> {
    setBusy(true);
    const result = await call();
    setBusy(false);
    setRefusal(result.ok ? null : adminRefusal(t, result.error));
    return result.ok ? result.value : null;
  }

  const at = (field: string) => errorAt(refusal, field);
  const unplaced = refusal !== null && !fields.some((f) => at(f)) ? refusal.text : null;
  return { send, at, unplaced, busy };
}
