import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';

/**
 * Started as root, the private PostgreSQL runs as the unprivileged `postgres` account (src/server/cluster/
 * postgres.ts), which must pass through every folder above its data. The hub creates `.data/hub` owner-only
 * with `mkdir -p`, which gives `.data` itself mode 0700 too, so after a plain `npm start` PostgreSQL could not
 * reach `.data/cluster/pg` (initdb: "Permission denied"). The folders from `root` down to the data folder get
 * the bit that lets others pass through, never list (`.data/hub` stays 0700); each change is said in one line.
 */
export function letPostgresThrough(root: string, dataDir: string, say: (line: string) => void): void {
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(dataDir); dir === root || dir.startsWith(root + sep); dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o777;
    if ((mode & 0o001) !== 0) continue;
    chmodSync(dir, mode | 0o001);
    say(`${relative(process.cwd(), dir) || dir} was ${mode.toString(8)}: others may now pass through it (not list it), so that PostgreSQL, running as postgres, reaches its data`);
  }
}
