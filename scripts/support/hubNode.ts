import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { waitForHealth } from './hubHealth';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'src/server/cli.ts';

/** One hub node: the real CLI (`npm run hub`) in a child process of its own. */
export interface HubNode {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Settles when the process has exited, with how it ended ("exit code 1", "SIGKILL"). */
  readonly exited: Promise<string>;
  running(): boolean;
  /** Resolves once the node answers its health check; fails when it exits first. */
  ready(): Promise<void>;
  /** SIGTERM (the CLI closes its connections, Redis and store), SIGKILL after `graceMs`. Safe to call again. */
  stop(graceMs?: number): Promise<void>;
}

export interface HubNodeOptions {
  name: string;
  port: number;
  /** CLI flags besides `--port` and `--host`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Told each line the node writes; returning false holds it back. Lines shown are prefixed with the name. */
  filter?(line: string): boolean;
}

/**
 * Starts a hub node on 127.0.0.1. Node runs the CLI itself with tsx as a loader, not through the tsx command,
 * so the pid is the hub's own: a signal reaches it, not a wrapper.
 */
export function spawnHubNode(o: HubNodeOptions): HubNode {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--host', '127.0.0.1', '--port', String(o.port), ...o.args], {
    cwd: ROOT,
    env: o.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const relay = (stream: NodeJS.ReadableStream, print: (line: string) => void) =>
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (o.filter?.(line) ?? true) print(`${o.name} | ${line}`);
    });
  relay(child.stdout, console.log);
  relay(child.stderr, console.error);
  let alive = true;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (err) => {
      alive = false;
      resolve(err.message);
    });
    child.once('exit', (code, signal) => {
      alive = false;
      resolve(signal ?? `exit code ${code}`);
    });
  });
  const url = `http://127.0.0.1:${o.port}`;
  return {
    name: o.name,
    url,
    pid: child.pid ?? -1,
    exited,
    running: () => alive,
    ready: () => waitForHealth(url, o.name, () => !alive),
    async stop(graceMs = 15_000) {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => alive && child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
