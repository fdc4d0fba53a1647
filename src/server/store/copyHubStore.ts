/**
 * Moving a hub from one store engine to another (SQLite to PostgreSQL when it outgrows one process): everything
 * the source holds goes over as records (see HubRecord) with every seq kept, so workstations keep their cursors,
 * caches and sessions and only have to be pointed at the new hub.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubExport, HubRecord } from './hubStore';
import type { PgStore } from './pg/pgStore';
import { openSqliteStore } from './sqlite/sqliteStore';

/**
 * Records per import transaction: thousands per statement, so a million rows are a few hundred round trips, while
 * one batch's statements stay a few MiB.
 */
const BATCH = 5_000;
/** Attachment bytes per import transaction: files are up to MAX_ATTACHMENT_BYTES each, so they also end a batch. */
const BATCH_BYTES = 64 * 1024 * 1024;

/** What a copy wrote: how many records, and the change-log head they end at (the source's). */
export interface CopyResult {
  records: number;
  head: number;
}

/**
 * Copies every record of `source` into `target` in batches of BATCH records (or BATCH_BYTES of files), each in one write transaction of the target,
 * telling `onProgress` after each. The first batch goes in only if the target holds nothing yet (checked inside its
 * transaction); otherwise nothing is written and the answer is null. A copy cut off midway leaves the batches that
 * committed, so the target is no longer empty and a copy into it is refused until it is emptied.
 */
export async function copyHubStore(
  source: HubExport,
  target: Pick<PgStore, 'importRecords' | 'head'>,
  onProgress?: (done: number, total: number) => void,
): Promise<CopyResult | null> {
  let batch: HubRecord[] = [];
  let batchBytes = 0;
  let records = 0;
  let head = 0;
  const flush = async () => {
    if (!(await target.importRecords(batch, { intoEmpty: records === 0 }))) return false;
    records += batch.length;
    batch = [];
    batchBytes = 0;
    onProgress?.(records, source.total);
    return true;
  };
  for await (const record of source) {
    if (record.kind === 'change') head = record.change.seq;
    batch.push(record);
    if (record.kind === 'attachment') batchBytes += record.bytes.length;
    if ((batch.length === BATCH || batchBytes >= BATCH_BYTES) && !(await flush())) return null;
  }
  if ((records === 0 || batch.length > 0) && !(await flush())) return null;
  const copied = await target.head();
  if (copied !== head) throw new Error(`the copy ends at change ${copied}, the source at ${head}`);
  return { records, head };
}

/** The files of a SQLite hub's data folder (see hubData.ts). */
const FOLDER_FILES = ['hub.sqlite', 'hub.json', 'token.key'];

/**
 * Copies the SQLite hub in `dataDir` (its store, `hub.json` and `token.key`) into `target`, which must be empty.
 * What the folder keeps beside the store goes in as the values a hub on a shared database keeps instead (read as
 * hubData.ts reads them): the seed info (`seed`) and the session key (`token-key`) in the first batch, so a hub
 * node started on the database meanwhile waits instead of seeding it or making a key of its own, and `seeded`
 * in the last, when the copy is whole. Throws with a one-line reason when the folder holds no hub or the target
 * is not empty.
 */
export async function copyHubFolder(dataDir: string, target: Pick<PgStore, 'importRecords' | 'head'>, onProgress?: (done: number, total: number) => void): Promise<CopyResult> {
  const missing = FOLDER_FILES.filter((f) => !existsSync(join(dataDir, f)));
  if (missing.length > 0) throw new Error(`no hub in ${dataDir}: ${missing.join(', ')} missing`);
  const value = (key: string, v: string): HubRecord => ({ kind: 'meta', key, value: v });
  const first = [
    value('seed', JSON.stringify(JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8')))),
    value('token-key', readFileSync(join(dataDir, 'token.key'), 'utf8').trim()),
  ];
  const source = openSqliteStore(join(dataDir, 'hub.sqlite'));
  try {
    const exported = source.exportRecords();
    const records: HubExport = {
      total: first.length + exported.total + 1,
      async *[Symbol.asyncIterator]() {
        yield* first;
        yield* exported;
        yield value('seeded', String(Date.now()));
      },
    };
    const copied = await copyHubStore(records, target, onProgress);
    if (!copied) {
      throw new Error(
        'the target database is not empty (it holds a hub, or what an interrupted copy left): empty it (drop the database and create it again) and copy again',
      );
    }
    return copied;
  } finally {
    await source.close();
  }
}
