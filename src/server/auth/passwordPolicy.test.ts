import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordPolicy';

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('violet tram at dawn 7', 'anna')).toBeNull();
    expect(passwordProblem('Ζεστός καφές το πρωί')).toBeNull();
  });

  it('counts characters, not bytes: 11 Greek letters are too short, 12 are enough', () => {
    expect(passwordProblem('αβγδεζηθικλ')?.code).toBe('too-short');
    expect(passwordProblem('αβγδεζηθικλμ')).toBeNull();
  });

  it('refuses short, overlong, common and username-bearing passwords, with a code and a message', () => {
    expect(passwordProblem('short')).toMatchObject({ code: 'too-short', message: expect.stringContaining('12') });
    expect(passwordProblem('x'.repeat(257))?.code).toBe('too-long');
    expect(passwordProblem('qwerty123456')?.code).toBe('common');
    expect(passwordProblem('1q2w3e4r5t6y')?.code).toBe('common');
    expect(passwordProblem('Password2024!')?.code).toBe('common');
    expect(passwordProblem('!!sunshine!!2024')?.code).toBe('common');
    expect(passwordProblem('my name is anna.k ok', 'Anna.K')?.code).toBe('same-as-username');
  });
});
