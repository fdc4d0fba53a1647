import { useContext } from 'react';
import type { WorkstationApi } from '../../../shared/ipc/contract';
import { ApiContext } from './ApiContext';

/** The engine's contract (invoke channels, subscribe to events), whatever the transport. */
export function useApi(): WorkstationApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiContext provider (see App.tsx)');
  return api;
}
