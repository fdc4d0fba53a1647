import { z } from 'zod';
import { IdSchema, LangSchema, TimeSchema } from './enums';
import { MacroSetsSchema } from './macro';

/** A knowledge-base article, written in one language, optionally for one queue. */
export const KbArticleSchema = z.object({
  id: IdSchema,
  queueId: IdSchema.nullable(),
  language: LangSchema,
  title: z.string().min(1).max(200),
  body: z.string().max(20_000),
  tags: z.array(z.string().min(1).max(40)),
  /** Drafts are seen by supervisors and admins only; rows written before drafts existed are published. */
  status: z.enum(['draft', 'published']).default('published'),
  updatedAt: TimeSchema,
});
export type KbArticle = z.infer<typeof KbArticleSchema>;

/** A reusable reply; agents find it by typing `/` and its shortcut in the composer. */
export const CannedResponseSchema = z.object({
  id: IdSchema,
  queueId: IdSchema.nullable(),
  language: LangSchema,
  shortcut: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  body: z.string().max(5_000),
  /** A macro: what picking it also does to the case (absent for a plain canned response). */
  sets: MacroSetsSchema.optional(),
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;
