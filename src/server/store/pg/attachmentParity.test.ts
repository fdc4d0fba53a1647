import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../../shared/testing/sampleFiles';
import { sha256Hex } from '../../attachments/attachmentFiles';
import { startPostgres, type PostgresServer } from '../../cluster/postgres';
import { copyHubStore } from '../copyHubStore';
import type { AttachmentHolder, HubStore, StoreTx } from '../hubStore';
import { openSqliteStore } from '../sqlite/sqliteStore';
import { openPgStore } from './pgStore';

let server: PostgresServer;
let dir: string;
beforeAll(async () => {
  server = await startPostgres({ name: 'attachment_parity' });
  dir = mkdtempSync(join(tmpdir(), 'attachment-parity-'));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const FILES = Object.values(SAMPLE_FILES).map((bytes) => Buffer.from(bytes));
// A file near the largest size, so the bytes go through each engine's large-value path.
FILES.push(Buffer.concat([Buffer.from(SAMPLE_FILES.pdf), Buffer.alloc(3 * 1024 * 1024, 0x25)]));
const TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv', 'text/plain', 'text/plain', 'application/pdf'] as const;
const file = (i: number) => ({ sha256: sha256Hex(FILES[i]), type: TYPES[i], size: FILES[i].length, at: 1_000 + i });

/** Files stored, stored again (under another type: the first one holds), and held by cases and uploaders. */
const HISTORY: Array<(tx: StoreTx) => Promise<void>> = [
  async (tx) => {
    for (let i = 0; i < FILES.length; i++) await tx.putAttachment(file(i), FILES[i]);
  },
  async (tx) => {
    await tx.putAttachment({ ...file(5), type: 'text/csv', at: 9_999 }, FILES[5]);
    const holders: Array<[number, AttachmentHolder]> = [[0, 'case:k-2'], [0, 'staff:a1'], [0, 'case:k-1'], [0, 'case:k-2'], [3, 'staff:a2'], [9, 'case:k-9']];
    for (const [i, holder] of holders) await tx.holdAttachment(file(i).sha256, holder);
  },
];

/** Every read of attachments, for every file and one the store never saw. */
async function answers(store: HubStore) {
  const out = [];
  for (const sha256 of [...FILES.map((f) => sha256Hex(f)), '0'.repeat(64)]) {
    out.push({ sha256, file: await store.attachment(sha256), bytes: (await store.attachmentBytes(sha256))?.toString('base64') ?? null, holders: await store.attachmentHolders(sha256) });
  }
  return out;
}

describe('attachments: the PostgreSQL store answers as the SQLite store does, and a copy carries them', () => {
  it('after the same writes, and after a copy from SQLite', async () => {
    const sqlite = openSqliteStore(join(dir, 'hub.sqlite'));
    const postgres = await openPgStore(await server.createDatabase());
    const copied = await openPgStore(await server.createDatabase());
    try {
      for (const store of [sqlite, postgres]) for (const step of HISTORY) await store.write(step);
      const reference = await answers(sqlite);
      expect(reference[5].file).toEqual(file(5));
      expect(reference[0].holders).toEqual(['case:k-1', 'case:k-2', 'staff:a1']);
      expect(reference.at(-1)).toEqual({ sha256: '0'.repeat(64), file: null, bytes: null, holders: [] });
      const answer = await answers(postgres);
      expect(JSON.stringify(answer)).toBe(JSON.stringify(reference));

      // One record per file and per holder, beside the (empty) log.
      const result = await copyHubStore(sqlite.exportRecords(), copied);
      expect(result?.records).toBe(FILES.length + 5);
      expect(JSON.stringify(await answers(copied))).toBe(JSON.stringify(reference));
    } finally {
      await Promise.all([sqlite.close(), postgres.close(), copied.close()]);
    }
  }, 120_000);
});
