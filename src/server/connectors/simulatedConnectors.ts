import { randomBytes } from 'node:crypto';
import { CONNECTOR_CHANNELS, PutConnectorSchema, type ConnectorChannel } from '../../shared/protocol';
import { putConnectorAs } from '../admin/connectors';
import type { HubContext } from '../context';
import { COMMAND_LINE_ACTOR } from '../setup/staffAccounts';
import { startExampleConnector, type ExampleConnector } from './exampleConnector';
import { createSimulatedChannel } from './simulatedChannel';

/** The demo's connectors, one per connector channel, registered on the hub. */
export interface SimulatedConnectors {
  connectors: ExampleConnector[];
  /** What each channel's connector signs with: the simulator signs that channel's customer messages with it too. */
  inboundSecrets: Record<ConnectorChannel, string>;
  stop(): Promise<void>;
}

/** A fresh secret: 48 hex digits (192 bits). */
const newSecret = () => randomBytes(24).toString('hex');

/**
 * Starts an example connector in front of a simulated channel for every connector channel, on free loopback
 * ports, and registers each on the hub with new secrets, as an admin would (audited as the command line). The
 * secrets they replace stop counting at once: the connectors that held them are gone with the last run.
 */
export async function startSimulatedConnectors(
  ctx: HubContext,
  hubUrl: string,
  opts: { seed: number; timeScale?: number; onError?: (err: Error) => void },
): Promise<SimulatedConnectors> {
  const connectors: ExampleConnector[] = [];
  const stop = async () => void (await Promise.all(connectors.map((c) => c.stop())));
  const inboundSecrets = {} as Record<ConnectorChannel, string>;
  try {
    for (const channel of CONNECTOR_CHANNELS) {
      const secret = newSecret();
      const inboundSecret = newSecret();
      const connector = await startExampleConnector({
        channel,
        hubUrl,
        secret,
        inboundSecret,
        deliveryChannel: createSimulatedChannel({ channel, seed: opts.seed, timeScale: opts.timeScale }),
        onError: opts.onError,
      });
      connectors.push(connector);
      await putConnectorAs(ctx, COMMAND_LINE_ACTOR, channel, PutConnectorSchema.parse({ url: connector.url, secret, inboundSecret, graceMinutes: 0 }));
      inboundSecrets[channel] = inboundSecret;
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { connectors, inboundSecrets, stop };
}
