/**
 * What a launcher started, to be stopped in the reverse order: the balancer before the hub nodes, the nodes
 * before Redis and PostgreSQL, so that nothing still running loses what it depends on. A start that fails
 * half-way stops what it had started the same way.
 */
export interface StartedInOrder {
  /** Records something started, with how to stop it. */
  add(what: string, stop: () => Promise<void>): void;
  /** Stops everything recorded, last started first, once (later calls get the same promise). */
  stopAll(): Promise<void>;
}

export function startedInOrder(warn: (line: string) => void = console.warn): StartedInOrder {
  const started: Array<{ what: string; stop: () => Promise<void> }> = [];
  let stopping: Promise<void> | undefined;
  return {
    add: (what, stop) => void started.push({ what, stop }),
    stopAll: () =>
      (stopping ??= (async () => {
        for (const { what, stop } of started.reverse()) {
          // One thing that will not stop must not keep the rest running.
          await stop().catch((err: Error) => warn(`could not stop ${what}: ${err.message}`));
        }
      })()),
  };
}
