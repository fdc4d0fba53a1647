import { describe, expect, it } from 'vitest';
import { ENTITY_SCHEMAS, type EntityName, type EntityRow } from '../protocol';
import { alert, canned, csat, customer, delivery, held, interaction, kase, kb, queue, staff, storeLocation } from './rows';

const BUILDERS: { [E in EntityName]: () => EntityRow<E> } = { queue, staff, storeLocation, kb, canned, customer, case: kase, interaction, csat, alert, held, delivery };

describe('test rows', () => {
  it.each(Object.keys(BUILDERS) as EntityName[])('a %s with its defaults passes its schema, and an override replaces only its field', (entity) => {
    const row = BUILDERS[entity]();
    expect(ENTITY_SCHEMAS[entity].parse(row)).toEqual(row);
    const build = BUILDERS[entity] as (over: { id: string }) => { id: string };
    expect(build({ id: 'other' })).toEqual({ ...row, id: 'other' });
  });
});
