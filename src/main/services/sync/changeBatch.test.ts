import { describe, expect, it } from 'vitest';
import { createChangeBatch } from './changeBatch';

describe('createChangeBatch', () => {
  it('gathers pages into one announcement with unique ids, due once the interval passed', () => {
    let now = 0;
    const batch = createChangeBatch(1000, () => now);
    expect(batch.take()).toBeNull();
    batch.add({ byEntity: { interaction: ['i1', 'i2'], case: ['c1'] }, cases: ['c1'] });
    now = 400;
    expect(batch.due()).toBe(false);
    batch.add({ byEntity: { interaction: ['i2', 'i3'], customer: ['u1'] }, cases: ['c1', 'c2'] });
    now = 1000;
    expect(batch.due()).toBe(true);
    expect(batch.take()).toEqual({ byEntity: { interaction: ['i1', 'i2', 'i3'], case: ['c1'], customer: ['u1'] }, cases: ['c1', 'c2'] });
    expect(batch.due()).toBe(false);
    expect(batch.take()).toBeNull();
  });
});
