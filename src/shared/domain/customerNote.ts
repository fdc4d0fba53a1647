import { z } from 'zod';
import { IdSchema, TimeSchema } from './enums';

/** Longest note on a customer, and most notes one customer keeps (the hub refuses more). */
export const MAX_CUSTOMER_NOTE = 2_000;
export const MAX_CUSTOMER_NOTES = 200;

/** A note staff keep on a customer (shown in the 360 to everyone who sees the customer), oldest first. */
export const CustomerNoteSchema = z.object({
  id: IdSchema,
  authorId: IdSchema,
  text: z.string().min(1).max(MAX_CUSTOMER_NOTE),
  createdAt: TimeSchema,
});
export type CustomerNote = z.infer<typeof CustomerNoteSchema>;

/** A customer's notes; rows written before notes existed have none. */
export const customerNotes = (c: { notes?: readonly CustomerNote[] | undefined }): readonly CustomerNote[] => c.notes ?? [];
