/**
 * Customers writing in while people work: `post(n)` sends the n-th message (say, a connector posting to the hub)
 * every `everyMs`, one at a time. A journey checks `sent()` to know the traffic really ran alongside it, and
 * `failures` (each a message the hub did not take) after `stop()`.
 */
export function liveTraffic(post: (n: number) => Promise<unknown>, everyMs = 300) {
  let sent = 0;
  const failures: string[] = [];
  let inFlight: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = post(sent + failures.length)
      .then(
        () => void sent++,
        (e: unknown) => void failures.push(String(e)),
      )
      .finally(() => (inFlight = null));
  }, everyMs);
  return {
    sent: () => sent,
    failures,
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
