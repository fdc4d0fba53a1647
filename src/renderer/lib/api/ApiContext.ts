import { createContext } from 'react';
import type { WorkstationApi } from '../../../shared/ipc/contract';

/** The engine as the renderer sees it; provided once by App with the transport picked at start. */
export const ApiContext = createContext<WorkstationApi | null>(null);
