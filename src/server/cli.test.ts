import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('npm run hub', () => {
  it('keeps its data folder and every file in it readable by its owner only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
    const data = join(dir, 'data');
    const hub = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--data', data, '--no-seed'], {
      env: { ...process.env, HUB_SECRET: 'cli-test-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        hub.stdout.on('data', (d) => {
          out += String(d);
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        hub.stderr.on('data', (d) => (out += String(d)));
        hub.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
      });
      // A write, so that the WAL and shared-memory files exist.
      await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"x","password":"y"}' });
      expect(mode(data)).toBe('700');
      for (const file of ['hub.sqlite', 'hub.sqlite-wal', 'hub.sqlite-shm', 'hub.json', 'token.key']) expect([file, mode(join(data, file))]).toEqual([file, '600']);
    } finally {
      hub.kill('SIGTERM');
      await new Promise((resolve) => hub.once('exit', resolve));
    }
  });
});
