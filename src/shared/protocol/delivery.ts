import { z } from 'zod';
import { AttachmentNameSchema, AttachmentTypeSchema, ChannelSchema, DeliveryAddressSchema, IdSchema, MAX_ATTACHMENT_BYTES } from '../domain';

/**
 * The connector contract (these names are a contract, checked from outside):
 *
 * The hub POSTs a delivery to the connector's URL as JSON with the headers `X-Delivery-Id` (the same on every
 * attempt of one delivery), `X-Timestamp` (epoch seconds) and `X-Signature: sha256=<hex HMAC-SHA256 of
 * "<X-Timestamp>.<raw body>" with the connector's secret>`. Any 2xx means the connector took it (status
 * `sent`); 408, 429 and 5xx are retried with backoff; other 4xx fail the delivery at once. A 2xx body may name
 * the provider's id of the message (`{"providerMessageId"}`) so later receipts can use it.
 */
export const ConnectorAttachmentSchema = z
  .object({
    name: AttachmentNameSchema,
    type: AttachmentTypeSchema,
    size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The file's bytes, base64. */
    data: z.string(),
  })
  .strict();
export type ConnectorAttachment = z.infer<typeof ConnectorAttachmentSchema>;

export const ConnectorDeliverySchema = z
  .object({
    deliveryId: IdSchema,
    caseId: IdSchema,
    interactionId: IdSchema,
    channel: ChannelSchema,
    to: DeliveryAddressSchema,
    text: z.string(),
    subject: z.string().optional(),
    attachments: z.array(ConnectorAttachmentSchema).optional(),
    survey: z.object({ url: z.string() }).strict().optional(),
  })
  .strict();
export type ConnectorDelivery = z.infer<typeof ConnectorDeliverySchema>;

/** What a connector may answer with a 2xx (any other body, or none, is fine too). */
export const ConnectorAnswerSchema = z.object({ providerMessageId: z.string().min(1).max(998).optional() });

/** What a connector answers when it does not take a delivery (`{"ok": false, "error", "message"}`): `message` says why. */
export const ConnectorRefusalSchema = z.object({ message: z.string() });

/**
 * `POST /api/v1/delivery-status`, signed like inbound messages (`X-Signature` over the raw body with the
 * channel's inbound secret): a later state of a delivery, named by the hub's id or the provider's. A status
 * never goes backwards (an older report is accepted and changes nothing); an unknown delivery gets 404.
 */
export const DeliveryStatusReportSchema = z
  .object({
    deliveryId: IdSchema.optional(),
    providerMessageId: z.string().min(1).max(998).optional(),
    /** The connector's channel: which inbound secret signs the report (absent: the hub's own secret). */
    channel: ChannelSchema.optional(),
    status: z.enum(['delivered', 'read', 'failed']),
    error: z.string().max(1_000).optional(),
  })
  .strict()
  .refine((r) => (r.deliveryId === undefined) !== (r.providerMessageId === undefined), {
    message: 'name the delivery by deliveryId or by providerMessageId (one of them)',
  });
export type DeliveryStatusReport = z.infer<typeof DeliveryStatusReportSchema>;

/** `delivery:failed` live event: a delivery gave up (to its author and the case's owner). */
export const DeliveryFailedSchema = z.object({
  deliveryId: IdSchema,
  caseId: IdSchema,
  interactionId: IdSchema,
  channel: ChannelSchema,
  error: z.string(),
});
export type DeliveryFailed = z.infer<typeof DeliveryFailedSchema>;
