import { z } from 'zod';
import { CustomerNoteSchema, MAX_CUSTOMER_NOTES } from './customerNote';
import { IdSchema, LangSchema, TimeSchema } from './enums';
import { EmailSchema, HandleSchema, LoyaltyNumberSchema, PersonNameInputSchema, PersonNameSchema, PhoneSchema } from './identity';

export const ConsentSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  marketing: z.boolean(),
  /** Whether the customer may be asked for a satisfaction survey; absent counts as yes (see acceptsSurveys). */
  surveys: z.boolean().optional(),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** Whether a survey may go to this customer: unless they said no (records from before the question say yes). */
export const acceptsSurveys = (c: { consent: Consent }): boolean => c.consent.surveys !== false;

/** A customer record. Identities (emails, phones, handles, loyalty number) resolve inbound messages to it. */
export const CustomerSchema = z.object({
  id: IdSchema,
  name: PersonNameSchema,
  emails: z.array(EmailSchema).max(20),
  phones: z.array(PhoneSchema).max(20),
  handles: z.array(HandleSchema).max(20),
  loyaltyNumber: LoyaltyNumberSchema.nullable(),
  language: LangSchema,
  storeId: IdSchema.nullable(),
  tags: z.array(z.string().min(1).max(40)).max(50),
  consent: ConsentSchema,
  /** Set when a supervisor merged this record into another; history then lives on the survivor. */
  mergedInto: IdSchema.nullable(),
  /** Notes staff keep on the customer (the `customer.note` change); absent on rows from before notes, read by customerNotes(). */
  notes: z.array(CustomerNoteSchema).max(MAX_CUSTOMER_NOTES).optional(),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
  version: z.number().int().positive(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** Fields a member of staff may edit on a customer (contact edits). */
export const CustomerPatchSchema = CustomerSchema.pick({
  name: true,
  emails: true,
  phones: true,
  handles: true,
  loyaltyNumber: true,
  language: true,
  storeId: true,
  tags: true,
  consent: true,
})
  .extend({ name: PersonNameInputSchema })
  .partial()
  .strict();
export type CustomerPatch = z.infer<typeof CustomerPatchSchema>;
