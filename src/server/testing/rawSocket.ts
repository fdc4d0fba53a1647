import type { Socket } from 'socket.io-client';
import { toJson } from '../../shared/testing/hostilePayloads';

/** A Socket.IO event frame as it goes on the wire (`2`, the ack id if any, the JSON array), for raw sending and sizing. */
export const eventFrame = (id: number | null, event: string, ...args: unknown[]): string => `2${id ?? ''}${toJson([event, ...args])}`;

/**
 * A connected socket.io-client socket that sends raw Socket.IO frames: socket.io-client cannot encode
 * DEEP_NESTING levels (its binary check recurses), and malformed packets are the point of a fuzz test.
 * Acknowledgements are read off the engine.
 */
export interface RawSocket {
  socket: Socket;
  /** The ack id the next `ask` uses (to size its frame before sending it). */
  nextId(): number;
  /** Sends `event` with `payload` and resolves with the acknowledgement (rejects after `ms`). */
  ask(event: string, payload: unknown, ms?: number): Promise<unknown>;
  send(frame: string): void;
  /** Resolves with the reason when the other side closes the connection, or 'open' after `ms`. */
  closedWithin(ms: number): Promise<string>;
}

export function rawSocket(socket: Socket): RawSocket {
  let next = 1;
  const waiting = new Map<string, (answer: unknown) => void>();
  socket.io.engine.on('message', (data) => {
    const ack = typeof data === 'string' ? /^3(\d+)(\[.*)$/s.exec(data) : null;
    if (ack) waiting.get(ack[1])?.((JSON.parse(ack[2]) as unknown[])[0]);
  });
  return {
    socket,
    nextId: () => next,
    send: (frame) => void socket.io.engine.send(frame),
    ask: (event, payload, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => reject(new Error(`${event}: no answer in ${ms} ms`)), ms);
        waiting.set(String(id), (answer) => {
          clearTimeout(timer);
          waiting.delete(String(id));
          resolve(answer);
        });
        socket.io.engine.send(eventFrame(id, event, payload));
      }),
    closedWithin: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve('open'), ms);
        socket.once('disconnect', (reason) => {
          clearTimeout(timer);
          resolve(reason);
        });
      }),
  };
}
