import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** An unprivileged account to run an engine as (PostgreSQL refuses to run as root). */
export interface RunAs {
  uid: number;
  gid: number;
}

/** A database, cache or proxy process this one started and owns. */
export interface EngineProcess {
  readonly pid: number;
  /** Settles when the process has exited: its exit code, or null when a signal ended it (or it never started). */
  readonly exited: Promise<number | null>;
  running(): boolean;
  /** The last lines it wrote to stdout and stderr, for error messages. */
  output(): string;
  /** Sends `signal`, waits for the exit, and kills it outright after `graceMs`. Safe to call again. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const KEEP_OUTPUT = 16 * 1024;
// Engines outlive a test process that ends without stopping them (a crash, a forgotten afterAll) and would keep
// their ports and memory on a shared machine: whatever is still running when this process exits is killed.
const live = new Set<EngineProcess>();
process.once('exit', () => {
  for (const p of live) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
});

/** Fails with one line naming the Debian package when an engine's binary is missing. */
export function requireBinary(path: string, debianPackage: string): string {
  if (!existsSync(path)) throw new Error(`${path} not found: install ${debianPackage} from Debian (apt-get install ${debianPackage})`);
  return path;
}

/** Starts `command` as a child that stays in the foreground, keeping the tail of its output. */
export function startEngineProcess(command: string, args: string[], opts: { runAs?: RunAs; cwd?: string } = {}): EngineProcess {
  const child = spawn(command, args, { cwd: opts.cwd, uid: opts.runAs?.uid, gid: opts.runAs?.gid, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-KEEP_OUTPUT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let alive = true;
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (err) => {
      keep(Buffer.from(`${err.message}\n`));
      alive = false;
      resolve(null);
    });
    child.once('exit', (code) => {
      alive = false;
      resolve(code);
    });
  }).finally(() => live.delete(proc));
  const proc: EngineProcess = {
    pid: child.pid ?? -1,
    exited,
    running: () => alive,
    output: () => tail,
    async stop(signal = 'SIGTERM', graceMs = 15_000) {
      if (alive) child.kill(signal);
      const timer = setTimeout(() => alive && child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  if (child.pid !== undefined) live.add(proc);
  return proc;
}

/** The last few lines of an engine's output, on one line. */
function lastLines(output: string, n = 4): string {
  return output.trim().split('\n').slice(-n).map((l) => l.trim()).join(' | ');
}

/** Runs a command to its end; fails with one line (its exit code and last output) unless it exits 0. */
export async function runToEnd(command: string, args: string[], opts: { runAs?: RunAs; cwd?: string } = {}): Promise<string> {
  const proc = startEngineProcess(command, args, opts);
  if ((await proc.exited) !== 0) throw new Error(`${basename(command)} failed: ${lastLines(proc.output())}`);
  return proc.output();
}

/**
 * Waits until `ready()` answers true, polling; fails with the engine's last output when it exits first or
 * `timeoutMs` passes.
 */
export async function waitUntilReady(what: string, proc: EngineProcess, ready: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!proc.running()) throw new Error(`${what} exited before it was ready: ${lastLines(proc.output())}`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s: ${lastLines(proc.output())}`);
    await sleep(50);
  }
}

/** An engine's working folder: `dir` when given (created if absent, kept), else a new temporary one (removed). */
export async function ownedFolder(prefix: string, dir?: string): Promise<{ path: string; remove(): Promise<void> }> {
  if (dir) {
    await mkdir(dir, { recursive: true });
    return { path: resolve(dir), remove: async () => {} };
  }
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** `fn` run at most once: a launcher's `stop`, which tests call from afterAll whatever state the start left. */
export function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
