import type { z } from 'zod';
import { ENTITY_SCHEMAS, type Change, type EntityName } from '../../../shared/protocol';

/**
 * The cheap check of a change-feed row, for a hub that announced the same row schema version as this
 * workstation (`hello.rowSchema`): such a hub stores only rows its own copy of the schemas accepted, so a full
 * zod parse of each of a million snapshot rows re-proves what is already known. What still matters to the
 * cache is checked: the change's envelope (entity, op, id, seq: the keys of every write), and each top-level
 * field of the row by type, enum value and string length (the columns the cache indexes and sorts by are among
 * them, and no field the UI reads can be of the wrong kind). Formats and nested objects are not re-checked.
 *
 * Derived from the zod schemas themselves, so there is one definition of a row. A row failing it is handed
 * to the full parse, which names the problem (or, for a shape this check does not follow, accepts the row).
 */

/** A field's check: true when `value` may be kept as it is. */
type FieldCheck = (value: unknown) => boolean;

interface Compiled {
  fields: [name: string, check: FieldCheck][];
  /** Fields a missing value of which the full parse fills in: filled here the same way. */
  defaults: [name: string, value: () => unknown][];
}

const PRIMITIVE_ELEMENTS = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

/** The check of one zod schema, as far as it is cheap; anything beyond is accepted (left to the hub). */
function compile(schema: z.core.$ZodType): FieldCheck {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  switch (def.type) {
    case 'string': {
      const { minLength, maxLength } = schema as unknown as { minLength: number | null; maxLength: number | null };
      return (v) => typeof v === 'string' && (minLength === null || v.length >= minLength) && (maxLength === null || v.length <= maxLength);
    }
    case 'number': {
      const { isInt } = schema as unknown as { isInt: boolean };
      return (v) => typeof v === 'number' && Number.isFinite(v) && (!isInt || Number.isInteger(v));
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => values.has(v);
    }
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return (v) => values.has(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType as z.core.$ZodType);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      const inner = compile(def.innerType as z.core.$ZodType);
      return (v) => v === undefined || inner(v);
    }
    case 'default':
      return compile(def.innerType as z.core.$ZodType);
    case 'array': {
      const element = def.element as z.core.$ZodType;
      if (!PRIMITIVE_ELEMENTS.has(element._zod.def.type)) return Array.isArray;
      const each = compile(element);
      return (v) => Array.isArray(v) && v.every(each);
    }
    case 'object':
    case 'record':
      return (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return () => true;
  }
}

const compiled = Object.fromEntries(
  Object.entries(ENTITY_SCHEMAS).map(([entity, schema]) => {
    const shape = schema.shape as Record<string, z.core.$ZodType>;
    const fields = Object.entries(shape).map(([name, field]): [string, FieldCheck] => [name, compile(field)]);
    const defaults = Object.entries(shape).flatMap(([name, field]): [string, () => unknown][] => {
      const def = field._zod.def as z.core.$ZodTypeDef & { defaultValue?: unknown };
      return def.type === 'default' ? [[name, () => def.defaultValue]] : [];
    });
    return [entity, { fields, defaults }];
  }),
) as Record<EntityName, Compiled>;

const isEntity = (name: unknown): name is EntityName => typeof name === 'string' && Object.hasOwn(compiled, name);
const ID_MAX = 200;

/**
 * The change if it passes the cheap check (a missing field with a default gets it), else null: the caller then
 * runs the full parse.
 */
export function checkRowCheaply(raw: unknown): Change | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { seq, entity, op, id, data } = raw as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0) return null;
  if (!isEntity(entity) || typeof id !== 'string' || id.length === 0 || id.length > ID_MAX) return null;
  if (op === 'delete') return { seq, entity, op, id, data: null } as Change;
  if (op !== 'upsert' || typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const row = data as Record<string, unknown>;
  if (row.id !== id) return null;
  const { fields, defaults } = compiled[entity];
  let filled = row;
  for (const [name, value] of defaults) if (row[name] === undefined) filled = { ...filled, [name]: value() };
  for (const [name, check] of fields) if (!check(filled[name])) return null;
  return { seq, entity, op, id, data: filled } as Change;
}
