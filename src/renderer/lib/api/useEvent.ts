import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { useApi } from './useApi';

/** Calls `listener` for each `event` from the engine while mounted (the latest listener, without resubscribing). */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}
