import { describe, expect, it } from 'vitest';
import { describeFailure, guard } from './guard';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('guard', () => {
  const run = async (step: (value: string) => unknown, refuse: (value: string) => void = () => {}) => {
    const lines: string[] = [];
    const refused: string[] = [];
    guard('test step', (line) => lines.push(line), step, (value) => {
      refused.push(value);
      refuse(value);
    })('input');
    await settle();
    return { lines, refused };
  };

  it('lets a step that succeeds run without refusing or logging', async () => {
    const seen: string[] = [];
    expect(await run((value) => void seen.push(value))).toEqual({ lines: [], refused: [] });
    expect(await run(async (value) => void seen.push(value))).toEqual({ lines: [], refused: [] });
    expect(seen).toEqual(['input', 'input']);
  });

  it('turns a throw or a rejection into a refusal with the same arguments and one line without a stack', async () => {
    const thrown = await run(() => {
      throw new RangeError('Input buffers must have the same byte length');
    });
    expect(thrown).toEqual({ lines: ['browser host: test step failed: RangeError: Input buffers must have the same byte length'], refused: ['input'] });
    const rejected = await run(() => Promise.reject(new Error('no\n    at engine (file.ts:1:1)')));
    expect(rejected).toEqual({ lines: ['browser host: test step failed: Error: no at engine (file.ts:1:1)'], refused: ['input'] });
  });

  it('survives a refusal that throws', async () => {
    const { lines } = await run(
      () => Promise.reject(new Error('first')),
      () => {
        throw new Error('second');
      },
    );
    expect(lines).toEqual(['browser host: test step failed: Error: first', 'browser host: test step could not refuse: Error: second']);
  });
});

describe('describeFailure', () => {
  it('says what was thrown in one short line, whatever it was', () => {
    expect(describeFailure(new TypeError('bad\n  at x'))).toBe('TypeError: bad at x');
    expect(describeFailure('plain')).toBe('plain');
    expect(describeFailure({ toString: 1 })).toBe('a thrown object');
    expect(describeFailure(new Error('x'.repeat(1_000)))).toHaveLength(300);
  });
});
