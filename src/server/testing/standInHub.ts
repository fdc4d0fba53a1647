import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeliveryStatusReportSchema, InboundMessageSchema, type DeliveryStatusReport, type InboundMessage } from '../../shared/protocol';
import { readBody, sendJson } from '../http/body';
import { verifySignature } from '../http/signature';

/**
 * What stands in for the hub's receiving side in the connectors' tests: `POST /api/v1/delivery-status` and
 * `POST /api/v1/inbound`, checking every signature against the connector's inbound secret as the hub does, and
 * recording what it took and what it refused.
 */
export interface StandInHub {
  url: string;
  receipts: DeliveryStatusReport[];
  inbound: InboundMessage[];
  /** Why each refused request was refused. */
  refused: string[];
  /** Answers the next `times` requests with `status` instead (503: the hub is busy). */
  failNext(status: number, times: number): void;
  /** Resolves once `n` receipts have arrived; rejects after `timeoutMs`. */
  waitForReceipts(n: number, timeoutMs?: number): Promise<DeliveryStatusReport[]>;
  close(): Promise<void>;
}

export async function startStandInHub(inboundSecret: string): Promise<StandInHub> {
  const receipts: DeliveryStatusReport[] = [];
  const inbound: InboundMessage[] = [];
  const refused: string[] = [];
  let failing = { status: 0, left: 0 };
  const server = createServer((req, res) => {
    void readBody(req, 64 * 1024).then((raw) => {
      if (failing.left > 0) {
        failing.left--;
        return sendJson(res, failing.status, { ok: false, error: 'unavailable', message: 'busy' });
      }
      const refuse = (status: number, why: string) => {
        refused.push(why);
        sendJson(res, status, { ok: false, error: 'refused', message: why });
      };
      if (!verifySignature(raw, req.headers['x-signature'] as string | undefined, inboundSecret)) return refuse(401, `${req.url}: signature`);
      const body: unknown = JSON.parse(raw.toString('utf8'));
      if (req.method === 'POST' && req.url === '/api/v1/delivery-status') {
        const report = DeliveryStatusReportSchema.safeParse(body);
        if (!report.success) return refuse(422, `receipt: ${report.error.message}`);
        receipts.push(report.data);
        return sendJson(res, 200, { ok: true });
      }
      if (req.method === 'POST' && req.url === '/api/v1/inbound') {
        const message = InboundMessageSchema.safeParse(body);
        if (!message.success) return refuse(422, `inbound: ${message.error.message}`);
        inbound.push(message.data);
        return sendJson(res, 201, { ok: true });
      }
      refuse(404, `${req.method} ${req.url}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    receipts,
    inbound,
    refused,
    failNext: (status, times) => void (failing = { status, left: times }),
    async waitForReceipts(n, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (receipts.length < n) {
        if (Date.now() > until) throw new Error(`${n} receipt(s) expected, ${receipts.length} arrived: ${JSON.stringify(receipts)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return receipts.slice();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
