import type { Namespace } from 'socket.io';
import type { VisitorServerEvents } from '../../shared/protocol';

/** The `/visitor` namespace, typed with what the hub pushes to visitors. */
export type VisitorNamespace = Namespace<Record<string, never>, VisitorServerEvents>;

/**
 * Socket.IO rooms of the `/visitor` namespace: every connection (tab) of a visitor, and every visitor of a queue.
 * Emitting to a room through the namespace reaches the visitor on whichever hub node they are connected to (the
 * adapter carries it); the store stays the truth for what they missed.
 */
export const rooms = {
  visitor: (visitorId: string) => `v:${visitorId}`,
  queue: (queueId: string) => `vq:${queueId}`,
};
