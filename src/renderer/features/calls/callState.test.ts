import { describe, expect, it } from 'vitest';
import { callClock, callsReducer, NO_CALLS, type Offer } from './callState';

const offer = (callId: string, caseId: string | null = null): Offer => ({ callId, phone: '+48601000001', customer: null, openCases: [], caseId, at: 0 });

describe('callsReducer', () => {
  it('keeps the call I am on when another is offered; the hub hands that one on when it rings out', () => {
    const onCall = callsReducer(callsReducer(NO_CALLS, { type: 'offered', offer: offer('k1') }), { type: 'answered', callId: 'k1', at: 1_000 });
    expect(callsReducer(onCall, { type: 'offered', offer: offer('k2') })).toBe(onCall);
  });

  it('writes up a call I answered once it ends, with the case its end names; a call that ends ringing leaves nothing', () => {
    const onCall = callsReducer(callsReducer(NO_CALLS, { type: 'offered', offer: offer('k1') }), { type: 'answered', callId: 'k1', at: 1_000 });
    const hungUp = callsReducer(onCall, { type: 'hung-up', callId: 'k1', at: 31_000 });
    expect(hungUp).toEqual({ call: null, wrapUp: { offer: offer('k1'), caseId: null, durationMs: 30_000 } });
    const recorded = callsReducer(hungUp, { type: 'update', update: { callId: 'k1', state: 'ended', staffId: 'a1', caseId: 'c1' }, at: 32_000 });
    expect(recorded.wrapUp?.caseId).toBe('c1');
    // The next call may ring while the last one is written up.
    expect(callsReducer(recorded, { type: 'offered', offer: offer('k2') })).toMatchObject({ call: { phase: 'ringing' }, wrapUp: { caseId: 'c1' } });

    const ringing = callsReducer(NO_CALLS, { type: 'offered', offer: offer('k3', 'c3') });
    expect(callsReducer(ringing, { type: 'update', update: { callId: 'k3', state: 'ended', staffId: null, caseId: 'c3' }, at: 5 })).toEqual(NO_CALLS);
  });

  it('ignores updates of other calls', () => {
    const ringing = callsReducer(NO_CALLS, { type: 'offered', offer: offer('k1') });
    expect(callsReducer(ringing, { type: 'update', update: { callId: 'k9', state: 'ringing', staffId: 'a2' }, at: 5 })).toBe(ringing);
  });
});

describe('callClock', () => {
  it('shows minutes and seconds, and hours once the call passes one', () => {
    expect([callClock(0), callClock(7_900), callClock(750_000), callClock(3_723_000), callClock(-5)]).toEqual(['0:00', '0:07', '12:30', '1:02:03', '0:00']);
  });
});
