import { channels, type ChannelName, type InputOf, type OutputOf } from '../../shared/ipc/contract';
import type { Engine } from './createEngine';

/** Test support for engines against a real hub. */

/** Cheap key derivation: the engine tests sign in dozens of times; the vault's own tests cover OWASP parameters. */
export const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };

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
