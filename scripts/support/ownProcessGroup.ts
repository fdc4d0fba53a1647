import { spawn } from 'node:child_process';

const WORKER = 'HUB_SCRIPT_IN_OWN_GROUP';

/**
 * Ctrl+C in a terminal signals every process of the foreground process group at once, and the engine
 * launchers (src/server/cluster) start PostgreSQL, Redis and HAProxy in the caller's group: PostgreSQL would
 * stop while hub nodes still use it. So the script runs again as a detached child (a session of its own, which
 * the terminal does not signal); this process relays SIGINT and SIGTERM to it as SIGTERM, so it stops things
 * in its own order, and exits with its exit code. The child stops in the same way when this process is killed
 * outright (its IPC channel closes).
 *
 * Returns 'worker' in the child, which carries on, and 'launcher' here, which must do nothing else.
 */
export function inOwnProcessGroup(): 'launcher' | 'worker' {
  if (process.env[WORKER] === '1') {
    delete process.env[WORKER];
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    return 'worker';
  }
  const worker = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [WORKER]: '1' },
  });
  const relay = () => void worker.kill('SIGTERM');
  process.on('SIGINT', relay);
  process.on('SIGTERM', relay);
  worker.once('error', (err) => {
    console.error(`could not start ${process.argv[1]}: ${err.message}`);
    process.exit(1);
  });
  worker.once('exit', (code) => process.exit(code ?? 1));
  return 'launcher';
}
