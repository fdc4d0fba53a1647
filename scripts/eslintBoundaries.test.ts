import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * eslint.config.js says which process may import what. Linted here through ESLint itself, with the repository's
 * configuration, as files at the paths the rules name (nothing is written: lintText takes the path).
 */
const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '..') });

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('the renderer\'s import boundary', () => {
  const deep = 'src/renderer/features/case/components/Deep.tsx';
  it.each([
    ['../main/x', 'src/renderer/Top.tsx'],
    ['../../main/engine/createEngine', 'src/renderer/features/Thing.tsx'],
    ['../../../main/services/outbox', 'src/renderer/features/case/Thing.tsx'],
    ['../../../../main/engine/createEngine', deep],
    ['../../../../server/hub', deep],
    ['../../../server/store/sqlite', 'src/renderer/features/case/Thing.tsx'],
    ['../../../../preload/index', deep],
    ['node:fs', deep],
    ['electron', deep],
  ])('refuses %s', async (from, filePath) => {
    expect(await refusals(filePath, `import { x } from '${from}';`)).toEqual([expect.stringContaining('only through the IPC contract')]);
  });

  it('lets the shared code, the renderer\'s own files and its libraries through', async () => {
    for (const from of ['../../../shared/domain', '../../../shared/ipc/contract', '../../lib/api/ApiContext', './main', '@mantine/core']) {
      expect(await refusals(deep, `import { x } from '${from}';`), from).toEqual([]);
    }
  });
});

describe('the preload\'s import boundary', () => {
  it('takes the contract and zod by type only', async () => {
    expect(await refusals('src/preload/index.ts', `import { isChannelName as x } from '../shared/ipc/contract';`)).toHaveLength(1);
    expect(await refusals('src/preload/index.ts', `import { z as x } from 'zod';`)).toHaveLength(1);
    expect(await refusals('src/preload/index.ts', `import type { WorkstationApi as x } from '../shared/ipc/contract';`)).toEqual([]);
    expect(await refusals('src/preload/index.ts', `import { isChannelName as x } from '../shared/ipc/names';`)).toEqual([]);
  });
});
