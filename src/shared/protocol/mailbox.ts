import { z } from 'zod';
import { EmailSchema, PersonNameInputSchema } from '../domain';

/**
 * Mailboxes the hub speaks email through itself: for each address, how mail goes out (an SMTP server) and how
 * it comes in (the hub's own SMTP listener, or an IMAP mailbox it polls). `PUT|DELETE
 * /api/v1/admin/mailboxes/{address}`, `GET /api/v1/admin/mailboxes`. Passwords are never shown back: a password
 * left out of a change stays as it is.
 */

const HostSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host is a name or an address (letters, digits, dots, dashes, colons)');
const PortSchema = z.number().int().min(1).max(65_535);
/** A user name or password for a mail server: visible text, no line breaks (they go into protocol commands). */
const CredentialSchema = z.string().min(1).max(256).regex(/^[^\p{Cc}]+$/u, 'no control characters or line breaks');
/** An IMAP folder name, e.g. INBOX or "Support/Incoming". */
const FolderSchema = z.string().min(1).max(200).regex(/^[^\p{Cc}]+$/u, 'no control characters');

/** The SMTP server replies go out through; `secure`: TLS from the start (port 465), else STARTTLS when offered. */
export const OutboundSmtpSchema = z
  .object({ host: HostSchema, port: PortSchema, secure: z.boolean(), user: CredentialSchema.optional(), password: CredentialSchema.optional() })
  .strict();

/** How mail for the address comes in: to the hub's own SMTP listener, or from an IMAP mailbox it polls. */
export const InboundMailSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('smtp'), host: HostSchema, port: z.number().int().min(0).max(65_535) }).strict(),
  z
    .object({
      kind: z.literal('imap'),
      host: HostSchema,
      port: PortSchema,
      secure: z.boolean(),
      user: CredentialSchema,
      password: CredentialSchema.optional(),
      folder: FolderSchema.default('INBOX'),
      pollSeconds: z.number().int().min(10).max(3_600).default(60),
    })
    .strict(),
]);

/** `PUT /api/v1/admin/mailboxes/{address}` */
export const PutMailboxSchema = z
  .object({
    /** The name replies are signed with when the agent's own name is not used (a team's name). */
    name: PersonNameInputSchema,
    smtp: OutboundSmtpSchema,
    inbound: InboundMailSchema,
  })
  .strict();
export type PutMailbox = z.infer<typeof PutMailboxSchema>;

/** A mailbox as the hub keeps it (passwords included: never sent to anyone). */
export const MailboxSchema = PutMailboxSchema.extend({ address: EmailSchema, updatedAt: z.number().int() });
export type Mailbox = z.infer<typeof MailboxSchema>;

/** A mailbox as the admin API shows it: whether a password is set, never the password. */
export const AdminMailboxSchema = z.object({
  address: z.string(),
  name: z.string(),
  smtp: z.object({ host: z.string(), port: z.number(), secure: z.boolean(), user: z.string().nullable(), passwordSet: z.boolean() }),
  inbound: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('smtp'), host: z.string(), port: z.number() }),
    z.object({
      kind: z.literal('imap'),
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string(),
      passwordSet: z.boolean(),
      folder: z.string(),
      pollSeconds: z.number(),
    }),
  ]),
  updatedAt: z.number().int(),
});
export type AdminMailbox = z.infer<typeof AdminMailboxSchema>;
