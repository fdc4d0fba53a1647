import { describe, expect, it, vi } from 'vitest';
import { DEMO_FLAGS, demoOptions, parseFlags, type Fail } from './cliFlags';

const fail: Fail = (message, usage) => {
  throw new Error(`${message}${usage ? ' (usage)' : ''}`);
};

describe('command-line flags shared by npm run hub and npm run cluster', () => {
  it('reads the demo flags with their defaults, and --no-seed as no seed', () => {
    expect(demoOptions({}, fail)).toEqual({ seed: 1, customers: 3000, interactions: 30000, simulate: 0 });
    const parsed = parseFlags(['--no-seed', '--customers', '10', '--simulate', '0.5'], DEMO_FLAGS, 'usage', fail);
    expect(demoOptions(parsed!.values, fail)).toEqual({ seed: null, customers: 10, interactions: 30000, simulate: 0.5 });
  });

  it('refuses a count that is not a whole number, one below its least, a negative rate, and an unknown flag, each with the usage', () => {
    expect(() => demoOptions({ customers: '2.5' }, fail)).toThrow('--customers needs a whole number of at least 1, got "2.5" (usage)');
    expect(() => demoOptions({ interactions: '0' }, fail)).toThrow('--interactions needs a whole number of at least 1');
    expect(() => demoOptions({ seed: 'x' }, fail)).toThrow('--seed needs a whole number of at least 0');
    expect(() => demoOptions({ simulate: '-1' }, fail)).toThrow('--simulate needs a number of at least 0');
    expect(() => parseFlags(['--sead', '2'], DEMO_FLAGS, 'usage', fail)).toThrow(/--sead.*\(usage\)$/);
  });

  it('prints the usage for --help and -h and answers null', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(parseFlags(['-h'], DEMO_FLAGS, 'the usage', fail)).toBeNull();
    expect(log).toHaveBeenCalledWith('the usage');
    log.mockRestore();
  });
});
