import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build, type Rolldown, type UserConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../electron.vite.config';

/**
 * The renderer as electron.vite.config.ts builds it (its renderer section, through Vite), read as a chunk graph:
 * what the page must load before it paints (the entry and its static imports) and what arrives later. The
 * sign-in screen must not wait for the workspace, the supervisor console or administration.
 */
const ROOT = resolve(import.meta.dirname, '..');
/** What the first paint may weigh, minified (it was about 800 kB when this test was written; 3.5 MB before). */
const MAX_FIRST_PAINT_BYTES = 1024 * 1024;
const outDir = mkdtempSync(join(tmpdir(), 'renderer-chunks-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function buildRenderer(): Promise<Rolldown.OutputChunk[]> {
  const renderer = (config as { renderer: UserConfig }).renderer;
  const output = await build({
    ...renderer,
    // What ships: Vitest sets NODE_ENV to test, which would otherwise build React's development files.
    mode: 'production',
    define: { ...renderer.define, 'process.env.NODE_ENV': JSON.stringify('production') },
    configFile: false,
    logLevel: 'silent',
    build: { ...renderer.build, outDir, write: false, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output.filter((file): file is Rolldown.OutputChunk => file.type === 'chunk'));
}

/** A chunk and every chunk it imports statically: what the browser fetches before the chunk runs. */
function staticClosure(chunks: Rolldown.OutputChunk[], from: Rolldown.OutputChunk): Rolldown.OutputChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Map<string, Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(byName.get(name)!);
  };
  visit(from);
  return [...seen.values()];
}

const modulesOf = (chunks: Rolldown.OutputChunk[]) => chunks.flatMap((c) => Object.keys(c.modules)).map((id) => relative(ROOT, id));

describe('the renderer\'s chunks', () => {
  it('paint the sign-in screen without the workspace, and the workspace without the console or administration', async () => {
    const chunks = await buildRenderer();
    const entries = chunks.filter((c) => c.isEntry);
    expect(entries).toHaveLength(1);
    const firstPaint = staticClosure(chunks, entries[0]!);
    const firstModules = modulesOf(firstPaint);

    expect(firstModules).toContain('src/renderer/features/auth/SignInScreen.tsx');
    for (const later of ['src/renderer/features/shell/Workstation.tsx', 'src/renderer/features/supervisor/SupervisorConsole.tsx', 'src/renderer/features/admin/AdminConsole.tsx', 'src/renderer/features/case/CaseView.tsx']) {
      expect(firstModules, later).not.toContain(later);
      expect(modulesOf(chunks), later).toContain(later);
    }
    // The charts belong to the console, the word lists to the case view's assist.
    expect(firstModules.filter((id) => /node_modules\/(recharts|@mantine\/charts)\/|src\/shared\/assist\/lexicons\//.test(id))).toEqual([]);
    const bytes = firstPaint.reduce((sum, c) => sum + Buffer.byteLength(c.code), 0);
    expect(bytes).toBeLessThan(MAX_FIRST_PAINT_BYTES);

    // An agent's workspace does not wait for what only supervising roles open.
    const workstation = chunks.find((c) => c.facadeModuleId && relative(ROOT, c.facadeModuleId) === 'src/renderer/features/shell/Workstation.tsx');
    expect(workstation?.isDynamicEntry).toBe(true);
    const workspaceModules = modulesOf(staticClosure(chunks, workstation!));
    expect(workspaceModules).toContain('src/renderer/features/case/CaseView.tsx');
    for (const later of ['src/renderer/features/supervisor/SupervisorConsole.tsx', 'src/renderer/features/admin/AdminConsole.tsx']) {
      expect(workspaceModules, later).not.toContain(later);
    }
    expect(workspaceModules.filter((id) => /node_modules\/(recharts|@mantine\/charts)\//.test(id))).toEqual([]);
  }, 120_000);
});
