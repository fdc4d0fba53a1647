import { z } from 'zod';
import { REQUESTS, type Change, type RequestName, type ResponseOf } from '../../../shared/protocol';

/** The field of each answer that carries change-feed rows. */
const ROW_FIELDS = { 'sync:pull': 'changes', 'sync:snapshot': 'rows', 'case:fetch': 'rows', 'customer:lookup': 'rows' } as const;

/** Those answers, each with its schema leaving the rows unchecked, for `accept` to check one by one. */
const ROW_ANSWERS = Object.fromEntries(
  Object.entries(ROW_FIELDS).map(([name, field]) => [
    name,
    { field, schema: (REQUESTS[name as keyof typeof ROW_FIELDS][1] as z.ZodObject).extend({ [field]: z.array(z.unknown()) }) },
  ]),
) as { readonly [N in RequestName]?: { field: string; schema: z.ZodObject } };

/**
 * Parses a hub answer. Its change-feed rows go through `accept` one by one instead of being parsed with the
 * answer, so that one row that does not parse does not fail the page it came in (see `acceptRows`).
 * Throws a ZodError when the rest of the answer is malformed.
 */
export function parseAnswer<N extends RequestName>(name: N, value: unknown, accept: (rows: readonly unknown[]) => Change[]): ResponseOf<N> {
  const rowAnswer = ROW_ANSWERS[name];
  if (rowAnswer === undefined) return REQUESTS[name][1].parse(value) as ResponseOf<N>;
  const answer = rowAnswer.schema.parse(value) as Record<string, unknown>;
  return { ...answer, [rowAnswer.field]: accept(answer[rowAnswer.field] as unknown[]) } as ResponseOf<N>;
}
