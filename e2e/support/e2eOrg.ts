import type { OrgData } from '../../src/server/loadOrg';
import { testOrg } from '../../src/server/testing/testOrg';

/**
 * The organisation of the journeys: the hub tests' small org (every password is `<id>-password-1`) with a2
 * offline, so new chat work on q-chat is routed to a1 and nobody else. People:
 * - a1, a2: agents on q-chat (chat, email, sms, social; en, pl); a1 also on q-phone (phone, video, store)
 * - a3: agent alone on q-el (Greek chat and email)
 * - sup1: supervisor; store1: store staff of store-w (Warsaw)
 */
export function e2eOrg(): OrgData {
  const org = testOrg();
  return { ...org, staff: org.staff.map((s) => (s.staff.id === 'a2' ? { ...s, staff: { ...s.staff, status: 'offline' as const } } : s)) };
}

export const passwordOf = (username: string) => `${username}-password-1`;
