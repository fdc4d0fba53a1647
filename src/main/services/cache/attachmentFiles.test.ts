import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCache } from '../testing/fixtures';
import { cachedFile, keepFile } from './attachmentFiles';
import type { Db } from './database';

const file = (n: number, size: number) => ({ sha256: String(n).repeat(64).slice(0, 64), type: 'image/png' as const, bytes: Buffer.alloc(size, n) });

describe('files kept in the cache', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempCache()));
  afterEach(() => cleanup());

  it('keeps a file by its hash and gives it back', () => {
    expect(cachedFile(db, file(1, 10).sha256, 1)).toBeNull();
    keepFile(db, file(1, 10), 1);
    expect(cachedFile(db, file(1, 10).sha256, 2)).toEqual(file(1, 10).bytes);
  });

  it('lets the files opened longest ago go past the budget, never the one just kept', () => {
    keepFile(db, file(1, 40), 1, 100);
    keepFile(db, file(2, 40), 2, 100);
    // Opening the first makes it the newest: the second is now the oldest.
    cachedFile(db, file(1, 40).sha256, 3);
    keepFile(db, file(3, 40), 4, 100);
    expect([1, 2, 3].map((n) => cachedFile(db, file(n, 40).sha256, 5) !== null)).toEqual([true, false, true]);
    // A file larger than the whole budget is kept alone.
    keepFile(db, file(4, 150), 6, 100);
    expect([1, 3, 4].map((n) => cachedFile(db, file(n, 1).sha256, 7) !== null)).toEqual([false, false, true]);
  });
});
