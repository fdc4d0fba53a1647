import { rmSync } from 'node:fs';
import { channels, type ChannelName, type InputOf, type OutputOf } from '../../shared/ipc/contract';
import { FAST_SCRYPT } from '../../shared/testing/fastScrypt';
import type { Engine, EngineOptions } from './createEngine';

/** Test support for engines against a real hub. */

/** Cheap key derivation: the engine tests sign in dozens of times; the vault's own tests cover OWASP parameters. */
export const FAST_KDF = FAST_SCRYPT;

/** The password `testOrg()` gives a person. */
export const password = (id: string) => `${id}-password-1`;

/** Calls a channel, expects success, and checks the answer against the contract's output schema. */
export async function call<C extends ChannelName>(engine: Engine, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await engine.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return channels[channel].output.parse(result.value) as OutputOf<C>;
}

/** Calls a channel and expects a refusal: its code and the field it names. */
export async function refusal<C extends ChannelName>(engine: Engine, channel: C, input: InputOf<C>): Promise<{ code: string; field?: string }> {
  const result = await engine.call(channel, input);
  if (result.ok) throw new Error(`${channel} succeeded`);
  return { code: result.error.code, field: result.error.field };
}

/** What engine tests start an engine with: cheap key derivation, no idle timer, quick retries, no log. */
export function testEngineOptions(dataDir: string, hubUrl: string, over: Partial<EngineOptions> = {}): EngineOptions {
  return {
    dataDir,
    hubUrl,
    kdf: FAST_KDF,
    idleCheckMs: 0,
    sync: { reconnect: { baseMs: 20, maxMs: 200 }, outboxBackoff: { baseMs: 20, maxMs: 200 }, requestTimeoutMs: 5_000 },
    log: () => {},
    ...over,
  };
}

/** After an engine test: closes the engines it started, stops its hub and removes its data folder. */
export async function closeEngineTest(engines: Engine[], hub: { stop(): Promise<void> }, dataDir: string): Promise<void> {
  for (const e of engines.splice(0)) await e.close();
  await hub.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Signs a person in online and waits until their cache has caught up with the hub. */
export async function signInOnline(engine: Engine, username: string, pw = password(username)): Promise<void> {
  const online = new Promise<void>((resolve) =>
    engine.subscribe((e) => e.name === 'connection.changed' && e.payload.state === 'online' && e.payload.lastSyncAt !== null && resolve()),
  );
  await call(engine, 'auth.signIn', { username, password: pw, mode: 'online' });
  await online;
}
