import { describe, expect, it } from 'vitest';
import type { NextStep } from '../../../shared/assist';
import { aMessage } from '../../test/builders';
import { caseBrief } from './caseBrief';

const at = (minute: number) => Date.UTC(2026, 0, 1, 9, minute);

describe('caseBrief', () => {
  it('quotes the first customer message, whatever order the timeline comes in', () => {
    const brief = caseBrief([
      aMessage({ id: 'b', text: 'Any news?', createdAt: at(5) }),
      aMessage({ id: 'a', text: 'My blender arrived broken.', createdAt: at(1) }),
    ]);
    expect(brief.asked?.id).toBe('a');
  });

  it('finds promises in replies, notes, call notes and video summaries, in English, Polish and Greek', () => {
    const brief = caseBrief([
      aMessage({ id: 'in', text: 'Hello', createdAt: at(0) }),
      aMessage({ id: 'r', direction: 'outbound', authorId: 's1', text: 'Thanks for waiting. We will send a courier tomorrow.', createdAt: at(1) }),
      aMessage({ id: 'n', kind: 'note', direction: 'internal', authorId: 's1', text: 'Oddzwonimy jutro rano.', createdAt: at(2) }),
      aMessage({ id: 'v', kind: 'video', direction: 'inbound', text: '', meta: { summary: 'Θα σας στείλουμε νέα συσκευή.' }, createdAt: at(3) }),
      aMessage({ id: 'p', kind: 'phone', direction: 'inbound', text: '', meta: { notes: 'Customer was calm. Nothing agreed.' }, createdAt: at(4) }),
    ]);
    expect(brief.promised.map((p) => [p.interactionId, p.text])).toEqual([
      ['r', 'We will send a courier tomorrow.'],
      ['n', 'Oddzwonimy jutro rano.'],
      ['v', 'Θα σας στείλουμε νέα συσκευή.'],
    ]);
  });

  it('does not count what the customer wrote as our promise', () => {
    expect(caseBrief([aMessage({ text: 'I will call again tomorrow.' })]).promised).toEqual([]);
  });

  it('lists the customer questions asked since the last reply (Greek ";" included) as open', () => {
    const brief = caseBrief([
      aMessage({ id: 'q1', text: 'Where is my parcel?', createdAt: at(0) }),
      aMessage({ id: 'r', direction: 'outbound', authorId: 's1', text: 'It left the warehouse.', createdAt: at(1) }),
      aMessage({ id: 'q2', text: 'OK. When will it arrive? Can I pick it up myself?', createdAt: at(2) }),
      aMessage({ id: 'q3', text: 'Πότε θα έρθει;', createdAt: at(3) }),
    ]);
    expect(brief.open.map((o) => o.text)).toEqual(['When will it arrive?', 'Can I pick it up myself?', 'Πότε θα έρθει;']);
  });

  it('lists requests made as statements, and not the chasers around them, in English, Polish and Greek', () => {
    const brief = caseBrief([
      aMessage({ id: 'a', text: 'The blender stopped working after a week. I want my money back.', createdAt: at(0) }),
      aMessage({ id: 'b', text: 'Hello???', createdAt: at(20) }),
      aMessage({ id: 'c', text: 'Is anybody there?', createdAt: at(40) }),
    ]);
    expect(brief.open.map((o) => [o.interactionId, o.text])).toEqual([['a', 'I want my money back.']]);
    const pl = caseBrief([aMessage({ text: 'Halo? Jest tam ktoś? Proszę o wymianę telefonu na nowy.' })]);
    expect(pl.open.map((o) => o.text)).toEqual(['Proszę o wymianę telefonu na nowy.']);
    const el = caseBrief([aMessage({ text: 'Είναι κανείς εκεί; Θέλω να ακυρώσω την παραγγελία.' })]);
    expect(el.open.map((o) => o.text)).toEqual(['Θέλω να ακυρώσω την παραγγελία.']);
    expect(caseBrief([aMessage({ text: 'Hello? Anyone?' }), aMessage({ id: 'i2', text: 'Thanks, that was all.' })]).open).toEqual([]);
  });

  it("files an advisor's agreement as a promise, in English, Polish and Greek", () => {
    const brief = caseBrief([
      aMessage({ id: 'v1', kind: 'video', direction: 'outbound', authorId: 's1', text: '', meta: { summary: 'Exchange agreed at the Warsaw store; replacement reserved.' }, createdAt: at(0) }),
      aMessage({ id: 'v2', kind: 'video', direction: 'outbound', authorId: 's1', text: '', meta: { summary: 'Uzgodniono naprawę; kurier zarezerwowany na piątek.' }, createdAt: at(1) }),
      aMessage({ id: 'v3', kind: 'video', direction: 'outbound', authorId: 's1', text: '', meta: { summary: 'Κανονίσαμε αντικατάσταση στο κατάστημα.' }, createdAt: at(2) }),
      aMessage({ id: 'p', kind: 'phone', direction: 'outbound', authorId: 's1', text: '', meta: { notes: 'No exchange was agreed.' }, createdAt: at(3) }),
    ]);
    // At most four lines, newest last: each summary is there, the notes of no agreement are not.
    expect(brief.promised.map((p) => [p.interactionId, p.text])).toEqual([
      ['v1', 'replacement reserved.'],
      ['v2', 'Uzgodniono naprawę;'],
      ['v2', 'kurier zarezerwowany na piątek.'],
      ['v3', 'Κανονίσαμε αντικατάσταση στο κατάστημα.'],
    ]);
  });

  it('takes the recap of the previous channel from the assist engine', () => {
    const steps: NextStep[] = [
      {
        kind: 'recap-previous-channel',
        score: 0.75,
        reasonKey: 'reason.recap-previous-channel',
        params: { channel: 'video' },
        action: { type: 'open-recap', channel: 'video', interactionIds: ['v'], said: ['Screen cracked.'], promised: ['Promised an exchange.'] },
      },
    ];
    expect(caseBrief([], steps).recap).toEqual({ channel: 'video', said: ['Screen cracked.'], promised: ['Promised an exchange.'] });
    expect(caseBrief([]).recap).toBeNull();
  });
});
