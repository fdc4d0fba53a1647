import { vi } from 'vitest';
import type { ChannelName, EventName, EventPayload, InputOf, IpcResult, OutputOf, WorkstationApi } from '../../shared/ipc/contract';

type Handler<C extends ChannelName> = (input: InputOf<C>) => OutputOf<C> | IpcResult<OutputOf<C>> | Promise<OutputOf<C> | IpcResult<OutputOf<C>>>;
export type FakeHandlers = { [C in ChannelName]?: Handler<C> };

const isResult = (v: unknown): v is IpcResult<unknown> => typeof v === 'object' && v !== null && 'ok' in v && (v.ok === true || v.ok === false);

/**
 * A WorkstationApi for component tests: channels answer from `handlers` (a plain value is wrapped as ok, an
 * IpcResult is passed through, a missing handler answers `unknown-channel`); `emit` fires engine events.
 * `invoke` is a vitest mock, so tests can assert what the view asked for.
 */
export function fakeApi(handlers: FakeHandlers = {}) {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const invoke = vi.fn(async (channel: ChannelName, input: unknown): Promise<IpcResult<unknown>> => {
    const handler = handlers[channel] as ((i: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'unknown-channel', message: channel } };
    const answer = await handler(input);
    return isResult(answer) ? answer : { ok: true, value: answer };
  });
  const api: WorkstationApi = {
    invoke: invoke as WorkstationApi['invoke'],
    on(event, listener) {
      const set = listeners.get(event) ?? listeners.set(event, new Set()).get(event)!;
      set.add(listener as (p: unknown) => void);
      return () => void set.delete(listener as (p: unknown) => void);
    },
  };
  return {
    api,
    invoke,
    handlers,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      listeners.get(event)?.forEach((l) => l(payload));
    },
    /** The inputs the view sent to a channel, in order. */
    calls<C extends ChannelName>(channel: C): InputOf<C>[] {
      return invoke.mock.calls.filter(([c]) => c === channel).map(([, input]) => input as InputOf<C>);
    },
  };
}
export type FakeApi = ReturnType<typeof fakeApi>;
