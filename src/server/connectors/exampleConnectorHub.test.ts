import { afterAll, describe, expect, it } from 'vitest';
import { InboundResultSchema } from '../../shared/protocol';
import { adminTestHub } from '../testing/adminHub';
import { startExampleConnector, type ExampleConnector } from './exampleConnector';

const SECRET = 'example-outbound-secret-0123456789';
const INBOUND = 'example-inbound-secret-0123456789';

/** The example connector registered on a real hub, as an admin registers one. */
describe('the example connector on a real hub', () => {
  const hub = adminTestHub();
  const started: ExampleConnector[] = [];
  afterAll(() => Promise.all(started.map((c) => c.stop())));
  const start = async (inboundSecret: string) => {
    const c = await startExampleConnector({ channel: 'sms', hubUrl: hub.t.hub.url, secret: SECRET, inboundSecret });
    started.push(c);
    return c;
  };

  it("registers with its URL and secrets, and the hub takes the customers' messages it forwards", async () => {
    const connector = await start(INBOUND);
    const put = await hub.call('PUT', '/api/v1/admin/connectors/sms', { url: connector.url, secret: SECRET, inboundSecret: INBOUND, graceMinutes: 0 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const answer = await connector.forwardInbound({ from: { phone: '+48 600 700 800', name: 'Ola' }, text: 'Can I change the delivery address?', externalId: 'example-sms-1' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(InboundResultSchema.parse(answer.body).interactionId).not.toBeNull();
  });

  it('is refused by the hub when it signs with another inbound secret', async () => {
    const stranger = await start('another-inbound-secret-0123456789');
    const answer = await stranger.forwardInbound({ from: { phone: '+48 600 700 800' }, text: 'Hello?', externalId: 'example-sms-2' });
    expect(answer.status).toBe(401);
  });
});
