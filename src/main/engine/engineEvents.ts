import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { createEmitter } from '../services/sync/emitter';

/** One event for the renderer, as hosts forward it. */
export type EngineEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

/** Sends an event of the contract to whoever listens (the host forwards it to the renderer). */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** The engine's event hub: typed emit for the engine, one listener per host. */
export function createEngineEvents() {
  const emitter = createEmitter<{ event: EngineEvent }>();
  const emit: EmitEvent = (name, payload) => emitter.emit('event', { name, payload } as EngineEvent);
  return { emit, subscribe: (listener: (event: EngineEvent) => void) => emitter.on('event', listener) };
}
