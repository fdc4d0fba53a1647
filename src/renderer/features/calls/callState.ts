import type { EventPayload } from '../../../shared/ipc/contract';

export type Offer = EventPayload<'call.offer'>;
export type CallUpdate = EventPayload<'call.update'>;

/** The call on the line: ringing for me, or answered by me since `since`. */
export type LiveCall = { phase: 'ringing'; offer: Offer } | { phase: 'answered'; offer: Offer; since: number };

/** A call that ended after I answered it, waiting for my outcome and notes; `caseId` once the call has a case. */
export interface WrapUp {
  offer: Offer;
  caseId: string | null;
  durationMs: number;
}

/**
 * What the call banner shows. A call and a wrap-up can be there together: with the phone free again after a
 * hang-up, the next call may ring while the last one is still being written up.
 */
export interface CallsState {
  call: LiveCall | null;
  wrapUp: WrapUp | null;
}

export type CallsAction =
  | { type: 'offered'; offer: Offer }
  | { type: 'update'; update: CallUpdate; at: number }
  | { type: 'answered'; callId: string; at: number }
  | { type: 'declined'; callId: string }
  | { type: 'hung-up'; callId: string; at: number }
  | { type: 'wrapped-up' };

export const NO_CALLS: CallsState = { call: null, wrapUp: null };

function ended(state: CallsState, at: number, caseId: string | null): CallsState {
  const { call } = state;
  if (call?.phase !== 'answered') return { ...state, call: null };
  return { call: null, wrapUp: { offer: call.offer, caseId: caseId ?? call.offer.caseId, durationMs: Math.max(0, at - call.since) } };
}

/**
 * How the banner follows a call: an offer rings (unless I am on a call already: the hub hands it on when it
 * rings out); the hub's updates hand it on (gone), answer it, or end it; my Answer, Decline and Hang up take
 * effect once the hub has recorded them. A call I answered goes to wrap-up when it ends.
 */
export function callsReducer(state: CallsState, action: CallsAction): CallsState {
  const { call } = state;
  switch (action.type) {
    case 'offered':
      return call?.phase === 'answered' ? state : { ...state, call: { phase: 'ringing', offer: action.offer } };
    case 'answered':
      return call?.phase === 'ringing' && call.offer.callId === action.callId ? { ...state, call: { phase: 'answered', offer: call.offer, since: action.at } } : state;
    case 'declined':
      return call?.offer.callId === action.callId ? { ...state, call: null } : state;
    case 'hung-up':
      return call?.offer.callId === action.callId ? ended(state, action.at, null) : state;
    case 'update': {
      const { update } = action;
      // The case a call was recorded on arrives with its end, possibly after I hung up.
      if (update.state === 'ended' && state.wrapUp?.offer.callId === update.callId && state.wrapUp.caseId === null && update.caseId) {
        return { ...state, wrapUp: { ...state.wrapUp, caseId: update.caseId } };
      }
      if (call?.offer.callId !== update.callId) return state;
      if (update.state === 'ended') return ended(state, action.at, update.caseId ?? null);
      if (update.state === 'answered') return call.phase === 'ringing' ? { ...state, call: { phase: 'answered', offer: call.offer, since: action.at } } : state;
      // Ringing again means handed on to someone else (I declined, or it rang out).
      return call.phase === 'ringing' ? { ...state, call: null } : state;
    }
    case 'wrapped-up':
      return { ...state, wrapUp: null };
  }
}

/** A call's length as a clock: 0:07, 12:30, 1:02:03. */
export function callClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
