import type { ChannelName, OutputOf, ParsedInputOf } from '../../../shared/ipc/contract';
import type { Vault } from '../../services/vault/vault';
import type { EmitEvent } from '../engineEvents';
import type { HubAdmin } from '../hubAdmin';
import type { SessionManager } from '../sessionManager';

/** Answers one channel: gets the parsed input, returns the output or throws an EngineError. */
export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;

/** One handler per channel of the contract: a channel without a handler does not compile. */
export type Handlers = { [C in ChannelName]: Handler<C> };

/** What handlers work with. */
export interface HandlerContext {
  sessions: SessionManager;
  vault: Vault;
  hubUrl: string;
  /** The hub's admin API (administration channels). */
  hubAdmin: HubAdmin;
  clock: () => number;
  emit: EmitEvent;
  /** The person did something: restart the idle-lock timer. */
  noteActivity(): void;
}
