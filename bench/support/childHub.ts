import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts a bench script (a hub, or load) in a child process and waits for its first IPC message. */
export function startChildHub<T>(script: string, env: Record<string, string>, extraArgs: string[] = []): Promise<{ child: ChildProcess; ready: T }> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), {
    execArgv: ['--import', 'tsx', '--expose-gc', ...extraArgs],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, ready: m as T }));
    child.once('exit', (code) => reject(new Error(`bench hub exited with ${code}`)));
  });
}

/** Asks a child hub to stop and waits until it has. */
export async function stopChildHub(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ type: 'stop' });
  await exited;
}

/** Sends a request to a bench child and resolves with its next message (the answer). */
export function askChild<T>(child: ChildProcess, request: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(request as object);
  });
}
