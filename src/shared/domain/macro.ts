import { z } from 'zod';
import { TagSchema } from './caseTags';
import { CaseStatusSchema, PrioritySchema } from './enums';

/** Most tags one macro adds. */
export const MAX_MACRO_TAGS = 10;

/**
 * What a canned response also does to the case when an agent picks it (a macro): set the status, the priority,
 * add tags. Each is applied through the same case changes the case controls make, so it works offline too.
 */
export const MacroSetsSchema = z
  .object({
    status: CaseStatusSchema.optional(),
    priority: PrioritySchema.optional(),
    tags: z.array(TagSchema).max(MAX_MACRO_TAGS).optional(),
  })
  .strict();
export type MacroSets = z.infer<typeof MacroSetsSchema>;

/** The macro part of a canned response, or undefined when it sets nothing (a plain canned response). */
export function macroOrNone(sets: MacroSets | null | undefined): MacroSets | undefined {
  if (!sets) return undefined;
  const kept: MacroSets = {
    ...(sets.status ? { status: sets.status } : {}),
    ...(sets.priority ? { priority: sets.priority } : {}),
    ...(sets.tags?.length ? { tags: sets.tags } : {}),
  };
  return Object.keys(kept).length > 0 ? kept : undefined;
}
