import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { signTimestamped } from '../http/signature';
import { startStandInHub, type StandInHub } from '../testing/standInHub';
import { fateOf } from './simulatedChannel';

const SECRET = 'cli-connector-secret-0123456789ab';
const INBOUND = 'cli-connector-inbound-0123456789ab';

let hub: StandInHub | null = null;
afterEach(async () => {
  await hub?.close();
  hub = null;
});

/** Runs `npm run connector` with `args`, the secrets in its environment; what it prints, as it prints it. */
function connectorCommand(args: string[], env: Record<string, string> = { CONNECTOR_SECRET: SECRET, CONNECTOR_INBOUND_SECRET: INBOUND }) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/connectors/connectorCli.ts', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += String(d)));
  proc.stderr.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  return {
    proc,
    exited,
    output: () => out,
    printed: async (line: RegExp) => {
      await expect.poll(() => line.test(out), { timeout: 20_000 }).toBe(true);
      return line.exec(out)!;
    },
  };
}

describe('npm run connector', () => {
  it('takes deliveries for its channel, prints each, reports receipts and says what it did when stopped', async () => {
    hub = await startStandInHub(INBOUND);
    const seed = 4;
    // The first delivery id the simulated channel takes at once, with a delivered receipt.
    const id = Array.from({ length: 50 }, (_, i) => `dlv-${i}`).find((d) => fateOf(seed, 'chat', d, 0).outcome === 'taken')!;
    const run = connectorCommand(['--channel', 'chat', '--hub', hub.url, '--seed', String(seed)]);
    try {
      const [, url] = await run.printed(/chat deliveries go to (http:\/\/127\.0\.0\.1:\d+\/deliveries)/);
      const body = JSON.stringify({ deliveryId: id, caseId: 'case-1', interactionId: 'int-1', channel: 'chat', to: { kind: 'email', value: 'ola@example.com' }, text: 'We have sent a new charger.' });
      const ts = Math.floor(Date.now() / 1000);
      const post = () =>
        fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Delivery-Id': id, 'X-Timestamp': String(ts), 'X-Signature': signTimestamped(body, SECRET, ts) }, body });
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(200);
      await run.printed(new RegExp(`${id} to email ola@example.com: "We have sent a new charger.": taken as chat-[0-9a-f]{16}`));
      await run.printed(/repeat, answered again/);
      // Chat reports delivered within seconds.
      expect((await hub.waitForReceipts(1, 10_000))[0]).toEqual({ deliveryId: id, status: 'delivered', channel: 'chat' });
    } finally {
      run.proc.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('connector: stopped after 2 request(s): 1 delivery(ies) taken, 1 repeat(s) dropped');
  }, 60_000);

  it('refuses with its reason a channel it cannot serve, a bad hub address and a bad secret', async () => {
    const refused = async (args: string[], env: Record<string, string>, says: RegExp) => {
      const run = connectorCommand(args, env);
      expect(await run.exited).toBe(2);
      expect(run.output().split('\n')[0]).toMatch(says);
    };
    const env = { CONNECTOR_SECRET: SECRET, CONNECTOR_INBOUND_SECRET: INBOUND };
    await refused(['--channel', 'email', '--hub', 'http://127.0.0.1:1'], env, /^connector: --channel is one of chat, phone, video, social, sms, not "email"$/);
    await refused(['--channel', 'sms', '--hub', 'ftp://127.0.0.1:1'], env, /^connector: --hub needs the hub's http or https address/);
    await refused(['--channel', 'sms', '--hub', 'http://127.0.0.1:1'], { CONNECTOR_SECRET: '', CONNECTOR_INBOUND_SECRET: INBOUND }, /^connector: --secret: a secret is 24 to 256/);
    await refused(['--channel', 'sms', '--hub', 'http://127.0.0.1:1', '--secret', SECRET], { CONNECTOR_SECRET: '', CONNECTOR_INBOUND_SECRET: '' }, /^connector: --inbound-secret: /);
  }, 60_000);
});
