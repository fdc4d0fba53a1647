import { describe, expect, it } from 'vitest';
import type { BasisChange, Mutation } from '../../../shared/protocol';
import { chainOnto } from './rebase';

const id = '01900000-0000-7000-8000-000000000000';
const change: BasisChange = { entity: 'case', id: 'ca1', before: { version: 3, lastMessageId: 'in1' }, after: { version: 4, lastMessageId: 'out1' } };
const update = (caseId: string, version: number): Mutation => ({ mutationId: id, type: 'case.update', caseId, basedOn: { version }, patch: { priority: 'high' } });
const reply = (lastMessageId: string | null): Mutation => ({ mutationId: id, type: 'reply', caseId: 'ca1', channel: 'chat', text: 'hi', basedOn: { lastMessageId } });

describe('chainOnto', () => {
  it('bases a change queued on the row before the acknowledged one on what that one produced', () => {
    expect(chainOnto(update('ca1', 3), change)).toEqual(update('ca1', 4));
    expect(chainOnto(reply('in1'), change)).toEqual(reply('out1'));
  });

  it('leaves alone changes of other rows, changes based on another version, and changes based on nothing', () => {
    expect(chainOnto(update('ca2', 3), change)).toBeNull();
    // Based on a version seen later (someone else's change came in meanwhile): it stays as it is.
    expect(chainOnto(update('ca1', 5), change)).toBeNull();
    expect(chainOnto(reply('in0'), change)).toBeNull();
    expect(chainOnto({ mutationId: id, type: 'note', caseId: 'ca1', text: 'n' }, change)).toBeNull();
    expect(chainOnto(update('ca1', 3), { ...change, entity: 'customer' })).toBeNull();
  });

  it('does not move a reply when the acknowledged row has no message to base it on', () => {
    const staffChange: BasisChange = { entity: 'case', id: 'ca1', before: { version: 3 }, after: { version: 4 } };
    expect(chainOnto(reply('in1'), staffChange)).toBeNull();
  });
});
