/**
 * Browser host CLI: serves the workstation to a browser on 127.0.0.1, for machines where Electron cannot run.
 *   tsx src/main/browser-host/main.ts --hub http://127.0.0.1:4410 [--data .data/workstation] [--port 4411] [--renderer out/renderer]
 */
import { parseArgs } from 'node:util';
import { runBrowserHost } from './runBrowserHost';

const { values } = parseArgs({
  options: {
    hub: { type: 'string', default: 'http://127.0.0.1:4410' },
    data: { type: 'string', default: '.data/workstation' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

try {
  const host = await runBrowserHost({ hubUrl: values.hub, dataDir: values.data, rendererDir: values.renderer, port });
  console.log(`Workstation (browser host): open ${host.url}`);
  const stop = () => void host.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
