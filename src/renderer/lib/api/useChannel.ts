import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelName, EventPayload, InputOf, OutputOf } from '../../../shared/ipc/contract';
import { runCoalesced } from './coalescedRead';
import { useApi } from './useApi';
import { useEvent } from './useEvent';

export type DataChanged = EventPayload<'data.changed'>;
export interface ChannelError {
  code: string;
  message: string;
}

export interface ChannelState<T> {
  /** The last answer; kept while a refresh runs so lists do not flash empty. */
  data?: T;
  error?: ChannelError;
  loading: boolean;
  refresh(): void;
}

export interface ChannelOptions {
  /** Which `data.changed` events make this read stale (default: any). */
  refreshOn?: (changed: DataChanged) => boolean;
}

/**
 * Reads a channel and keeps the answer fresh: it asks again when the input changes and on every `data.changed`
 * that `refreshOn` accepts. Refreshes never overlap: changes arriving during one (a bootstrap sends many) are
 * folded into a single follow-up read. `input: null` skips the read.
 */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: InputOf<C> | null,
  options: ChannelOptions = {},
): ChannelState<OutputOf<C>> {
  const api = useApi();
  const [state, setState] = useState<{ data?: OutputOf<C>; error?: ChannelError; loading: boolean }>({ loading: input !== null });
  // Callers pass object literals: the serialised input is the identity that matters.
  const key = input === null ? null : JSON.stringify(input);
  const flight = useRef({ running: false, again: false, key });
  const refreshOn = useRef(options.refreshOn);
  useEffect(() => {
    refreshOn.current = options.refreshOn;
  });

  const run = useCallback(async () => {
    if (key === null) return;
    await runCoalesced(flight.current, async () => {
      setState((s) => ({ ...s, loading: true }));
      const result = await api.invoke(channel, JSON.parse(key) as InputOf<C>);
      // The input changed while this read ran: its answer belongs to nobody.
      if (flight.current.key !== key) return 'stale';
      setState(result.ok ? { data: result.value, loading: false } : (s) => ({ data: s.data, error: result.error, loading: false }));
    });
  }, [api, channel, key]);

  useEffect(() => {
    flight.current = { running: false, again: false, key };
    if (key === null) setState({ loading: false });
    else void run();
  }, [key, run]);

  useEvent('data.changed', (changed) => {
    if (!refreshOn.current || refreshOn.current(changed)) void run();
  });

  return { ...state, refresh: () => void run() };
}
