import { ConnectorChannelSchema, ConnectorSecretSchema, CONNECTOR_CHANNELS } from '../../shared/protocol';
import { numberFlag, parseFlags } from '../cliFlags';
import { startExampleConnector, type Attempt } from './exampleConnector';
import { createSimulatedChannel } from './simulatedChannel';

const USAGE = `Usage: npm run connector -- --channel CHANNEL --hub URL --secret S --inbound-secret S2 [--port N] [--seed N]

Runs the example connector for one channel on 127.0.0.1, in front of the demo's simulated channel: it checks the
hub's signatures, takes each delivery once (a repeated X-Delivery-Id gets the first answer), answers after a
provider's usual delay, fails about 5% for now (503) and 1% for good (400), and reports delivered and read to
the hub, signed. It prints every delivery it is sent.

  --channel CHANNEL       ${CONNECTOR_CHANNELS.join(', ')}
  --hub URL               the hub, e.g. http://127.0.0.1:4410
  --secret S              the connector's secret as registered on the hub (checks what the hub sends)
  --inbound-secret S2     the connector's inbound secret as registered (signs receipts)
                          (or CONNECTOR_SECRET and CONNECTOR_INBOUND_SECRET: other users see flags in ps)
  --port N                port to listen on (default 0: a free one)
  --seed N                seed of the simulated channel's delays and failures (default 1)

Register it: PUT /api/v1/admin/connectors/CHANNEL {"url": <the URL it prints>, "secret": S, "inboundSecret": S2}`;

function fail(message: string, usage = true): never {
  console.error(`connector: ${message}${usage ? `\n\n${USAGE}` : ''}`);
  process.exit(2);
}

/** One line per request: what was sent to whom, and the answer. */
function describe(a: Attempt): string {
  const d = a.delivery;
  const text = d.text.length > 60 ? `${d.text.slice(0, 59)}…` : d.text;
  const files = d.attachments?.length ? ` +${d.attachments.length} file(s)` : '';
  const answer =
    a.answer.outcome === 'taken' ? `${a.duplicate ? 'repeat, answered again' : 'taken'} as ${a.answer.providerMessageId}` : `${a.status} ${a.answer.reason}`;
  return `connector: ${d.deliveryId} to ${d.to.kind} ${d.to.value}: ${JSON.stringify(text)}${files}: ${answer}`;
}

/** A secret from its flag or variable, checked as the hub checks it when it is registered. */
function secretFlag(value: string | undefined, name: string): string {
  if (value === undefined) fail(`--${name} is required (or ${name === 'secret' ? 'CONNECTOR_SECRET' : 'CONNECTOR_INBOUND_SECRET'})`);
  const parsed = ConnectorSecretSchema.safeParse(value);
  if (!parsed.success) fail(`--${name}: ${parsed.error.issues[0].message}`, false);
  return parsed.data;
}

async function main(): Promise<void> {
  const parsed = parseFlags(
    process.argv.slice(2),
    {
      channel: { type: 'string' },
      hub: { type: 'string' },
      secret: { type: 'string' },
      'inbound-secret': { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
    },
    USAGE,
    fail,
  );
  if (!parsed) return;
  if (parsed.positionals.length > 0) fail(`unexpected argument: ${parsed.positionals[0]}`);
  const f = parsed.values;
  const channel = ConnectorChannelSchema.safeParse(f.channel);
  if (!channel.success) fail(`--channel is one of ${CONNECTOR_CHANNELS.join(', ')}${f.channel === undefined ? '' : `, not "${f.channel}"`}`);
  if (!f.hub || !URL.canParse(f.hub) || !['http:', 'https:'].includes(new URL(f.hub).protocol)) fail('--hub needs the hub\'s http or https address, e.g. http://127.0.0.1:4410');
  const secret = secretFlag(f.secret ?? process.env.CONNECTOR_SECRET, 'secret');
  const inboundSecret = secretFlag(f['inbound-secret'] ?? process.env.CONNECTOR_INBOUND_SECRET, 'inbound-secret');
  const port = numberFlag(fail, f.port, 'port', 0, { max: 65_535, whole: true });
  const seed = numberFlag(fail, f.seed, 'seed', 1, { whole: true });

  const connector = await startExampleConnector({
    channel: channel.data,
    hubUrl: f.hub,
    secret,
    inboundSecret,
    port,
    deliveryChannel: createSimulatedChannel({ channel: channel.data, seed }),
    onAttempt: (a) => console.log(describe(a)),
    onError: (err) => console.warn(`connector: ${err.message}`),
  }).catch((err: NodeJS.ErrnoException) => fail(err.code === 'EADDRINUSE' ? `port ${port} is in use: pass --port with another one (or 0)` : err.message, false));
  console.log(`connector: ${channel.data} deliveries go to ${connector.url}; receipts to ${f.hub}`);

  const stop = async () => {
    const { received, unique, duplicates } = connector.counts();
    await connector.stop();
    console.log(`connector: stopped after ${received} request(s): ${unique} delivery(ies) taken, ${duplicates} repeat(s) dropped`);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`connector: failed: ${err.message}`);
  process.exit(1);
});
