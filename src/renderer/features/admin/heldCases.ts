import { useState } from 'react';
import type { InputOf } from '../../../shared/ipc/contract';
import { useChannel } from '../../lib/api/useChannel';

/**
 * Whether a person or queue holds open cases, as this workstation knows them or as the hub says (its `conflict`
 * naming no field), so the dialog asks where they go before the person or queue leaves.
 */
export function useHeldCases(of: InputOf<'admin.openCases'>) {
  const open = useChannel('admin.openCases', of);
  const [hubSays, setHubSays] = useState(false);
  const count = open.data?.count ?? 0;
  return {
    count,
    holding: count > 0 || hubSays,
    noteRefusal(error: { code: string; field?: string }) {
      if (error.code === 'conflict' && error.field === undefined) setHubSays(true);
    },
  };
}
