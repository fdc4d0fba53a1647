import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change, EntityName, EntityRow } from '../../../shared/protocol';
import { openCacheDatabase, type Db } from '../cache/database';

/** Test support: rows that pass the domain schemas (from src/shared/testing/rows), and throw-away cache files. */

export { alert, customer, delivery, held, interaction, kase, queue, staff } from '../../../shared/testing/rows';

/** An upsert change of a row. */
export const upsert = <E extends EntityName>(entity: E, seq: number, data: EntityRow<E>): Change =>
  ({ seq, entity, op: 'upsert', id: data.id, data }) as Change;

/** A delete change. */
export const remove = (entity: EntityName, seq: number, id: string): Change => ({ seq, entity, op: 'delete', id, data: null }) as Change;

/** A temporary directory removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ws-services-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated, unencrypted cache in a temporary file. */
export function tempCache(): { db: Db; dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const db = openCacheDatabase(join(dir, 'cache.db'));
  return {
    db,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}
