/**
 * Waits until a hub (or the balancer in front of hub nodes) answers `GET /api/v1/health`. The first start of a
 * hub seeds the demo organisation, which takes a while: hence the long default.
 */
export async function waitForHealth(url: string, what: string, gone: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`${what} stopped while starting (see its output above)`);
    const up = await fetch(`${url}/api/v1/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not answer on ${url} within ${timeoutMs / 1000} s`);
}
