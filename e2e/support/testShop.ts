import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A shop's website on 127.0.0.1 (another port than the hub's, so another origin) whose every page carries the
 * web chat's one tag. `/` and `/delivery` are two pages, to follow the visitor from one to the other; `?queue=`
 * names another queue (a shop with a chat per department).
 */
export async function startTestShop(hubUrl: string, queue: string): Promise<{ origin: string; url(path?: string): string; stop(): Promise<void> }> {
  const pages: Record<string, string> = { '/': 'Kettles and toasters', '/delivery': 'Delivery and returns' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop');
    const title = pages[url.pathname];
    const chatQueue = (url.searchParams.get('queue') ?? queue).replace(/[^\w-]/g, '');
    if (!title) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Kettle Shop: ${title}</title></head>
<body>
<main><h1>${title}</h1><p>Everything for the kitchen, delivered in two days.</p><nav aria-label="Shop"><a href="/">Home</a> <a href="/delivery">Delivery</a></nav></main>
<script src="${hubUrl}/widget.js" data-queue="${chatQueue}" async></script>
</body>
</html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '/') => `${origin}${path}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
