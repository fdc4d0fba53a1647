import { dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordProblemCode } from '../../shared/protocol';

/** Why a new password is refused: a code the workstation translates, and an English message for logs and scripts. */
export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** About 49,000 passwords seen most often in breaches (zxcvbn-ts's list), lower case. */
const COMMON = new Set<string>(dictionary['passwords-common'] as string[]);

/**
 * The one rule for every new password (first admin, people created or reset by an admin, one's own change): at
 * least 12 characters, not one of the common breached passwords, also not with digits or symbols merely added
 * around one ("password2024!"), and not the username. Null when it is acceptable.
 */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) return { code: 'too-short', message: `a password needs at least ${PASSWORD_MIN_LENGTH} characters` };
  if (length > PASSWORD_MAX_LENGTH) return { code: 'too-long', message: `a password may have at most ${PASSWORD_MAX_LENGTH} characters` };
  const folded = password.normalize('NFC').toLowerCase();
  const core = folded.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (COMMON.has(folded) || (core.length >= 4 && COMMON.has(core))) {
    return { code: 'common', message: 'this password is among the most common ones in breaches: choose another' };
  }
  if (username && folded.includes(username.toLowerCase())) return { code: 'same-as-username', message: 'a password may not contain the username' };
  return null;
}
