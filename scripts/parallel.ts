import { spawn } from 'node:child_process';

/**
 * `tsx scripts/parallel.ts lint typecheck`: runs npm scripts side by side (each on its own core), every output
 * line prefixed with its script's name, and fails if any of them fails. For steps of `npm test` that do not
 * depend on each other.
 */
const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: tsx scripts/parallel.ts <npm script> [<npm script> ...]');
  process.exit(2);
}

/** Splits a stream into lines and writes each with the script's name; `end` writes an unfinished last line. */
function prefixed(name: string, write: (line: string) => void): { data(chunk: Buffer): void; end(): void } {
  let rest = '';
  return {
    data(chunk) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) write(`[${name}] ${line}\n`);
    },
    end() {
      if (rest !== '') write(`[${name}] ${rest}\n`);
    },
  };
}

function run(name: string): Promise<{ name: string; code: number; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = prefixed(name, (line) => process.stdout.write(line));
    const err = prefixed(name, (line) => process.stderr.write(line));
    child.stdout.on('data', out.data);
    child.stderr.on('data', err.data);
    child.on('close', (code) => {
      out.end();
      err.end();
      resolve({ name, code: code ?? 1, ms: Date.now() - started });
    });
  });
}

const results = await Promise.all(names.map(run));
for (const r of results) console.log(`${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`}: ${r.name} in ${(r.ms / 1000).toFixed(0)} s`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
