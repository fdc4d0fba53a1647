import type { Engine } from '../../src/main/engine/createEngine';

/** Resolves once an engine has reported its first sync done. */
export function synced(engine: Engine): Promise<void> {
  return new Promise((resolve) => {
    const off = engine.subscribe((e) => {
      if (e.name === 'connection.changed' && e.payload.state === 'online' && e.payload.lastSyncAt !== null) {
        off();
        resolve();
      }
    });
  });
}
