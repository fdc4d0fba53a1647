import { describe, expect, it } from 'vitest';
import { parseChange } from '../../../shared/protocol';
import { customer, interaction, kase, queue, remove, upsert } from '../testing/fixtures';
import { checkRowCheaply } from './rowCheck';

describe('checkRowCheaply', () => {
  it('passes valid rows as the full parse would', () => {
    for (const row of [upsert('case', 3, kase()), upsert('customer', 4, customer()), upsert('interaction', 5, interaction()), remove('customer', 6, 'cu9')]) {
      expect(checkRowCheaply(row)).toEqual(parseChange(row));
    }
  });

  it('fills a missing field that has a default, like the full parse', () => {
    const { archived: _, ...row } = queue();
    expect(checkRowCheaply({ ...upsert('queue', 2, queue()), data: row })).toEqual(parseChange({ ...upsert('queue', 2, queue()), data: row }));
  });

  it('refuses what matters to the cache: envelope, id, types, enum values, lengths', () => {
    const ok = upsert('case', 3, kase());
    const bad: unknown[] = [
      null,
      { ...ok, seq: 0 },
      { ...ok, seq: 1.5 },
      { ...ok, entity: 'rocket' },
      { ...ok, op: 'merge' },
      { ...ok, id: '' },
      { ...ok, data: { ...kase(), id: 'another' } },
      { ...ok, data: [] },
      { ...ok, data: { ...kase(), status: 'lost' } },
      { ...ok, data: { ...kase(), updatedAt: '2024-01-01' } },
      { ...ok, data: { ...kase(), lastInboundAt: Number.NaN } },
      { ...ok, data: { ...kase(), subject: 'x'.repeat(301) } },
      { ...ok, data: { ...kase(), channels: ['chat', 'pigeon'] } },
      { ...ok, data: { ...kase(), customerId: undefined } },
    ];
    for (const row of bad) expect(checkRowCheaply(row)).toBeNull();
  });

  it('leaves formats and nested objects to the hub of the same schema version', () => {
    const row = { ...upsert('customer', 4, customer()), data: { ...customer(), emails: ['a@b.c'] } };
    expect(() => parseChange(row)).toThrow();
    expect(checkRowCheaply(row)).not.toBeNull();
  });
});
