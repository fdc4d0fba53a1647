import { describe, expect, it } from 'vitest';
import { splitQuotedReply } from './quotedReply';

describe('splitQuotedReply', () => {
  it('folds the history under an English attribution line', () => {
    const text = 'Thanks, the new one works.\n\nOn Mon, 1 Dec 2026 at 10:02, Support <help@shop.example> wrote:\n> Did the replacement arrive?\n> Anna';
    expect(splitQuotedReply(text)).toEqual({
      reply: 'Thanks, the new one works.',
      folded: 'On Mon, 1 Dec 2026 at 10:02, Support <help@shop.example> wrote:\n> Did the replacement arrive?\n> Anna',
    });
  });

  it('knows the Polish and Greek attribution lines', () => {
    const pl = 'Dziękuję!\n\nW dniu 1.12.2026 o 10:02 Obsługa <pomoc@sklep.example> napisał(a):\n> Czy paczka dotarła?';
    expect(splitQuotedReply(pl).reply).toBe('Dziękuję!');
    const el = 'Ευχαριστώ!\n\nΣτις Δευ 1 Δεκ 2026 στις 10:02, ο/η Υποστήριξη <help@shop.example> έγραψε:\n> Έφτασε το δέμα;';
    expect(splitQuotedReply(el).reply).toBe('Ευχαριστώ!');
  });

  it('folds an attribution wrapped onto two lines', () => {
    const text = 'Yes, please.\n\nOn Mon, 1 Dec 2026 at 10:02, Support Team <help@shop.example>\nwrote:\n> Shall we send a courier?';
    expect(splitQuotedReply(text).reply).toBe('Yes, please.');
  });

  it('folds a trailing block of quotes without an attribution, and the signature', () => {
    expect(splitQuotedReply('Still broken.\n> old text\n>\n> more old text\n')).toEqual({ reply: 'Still broken.', folded: '> old text\n>\n> more old text\n' });
    expect(splitQuotedReply('See photo.\n\n-- \nAnna Kowalska\n+48 601 234 567')).toEqual({ reply: 'See photo.', folded: '-- \nAnna Kowalska\n+48 601 234 567' });
    expect(splitQuotedReply('Ok.\n-----Original Message-----\nFrom: help@shop.example').reply).toBe('Ok.');
  });

  it('keeps answers written between quotes (an inline reply) in the reply', () => {
    const text = '> Which model is it?\nThe X200.\n> When did you buy it?\nIn March.';
    expect(splitQuotedReply(text)).toEqual({ reply: text, folded: '' });
  });

  it('does not take an ordinary sentence ending in "wrote:" for an attribution', () => {
    const text = 'Here is what my husband wrote:\nthe screen flickers.';
    expect(splitQuotedReply(text)).toEqual({ reply: text, folded: '' });
  });

  it('never folds a message away entirely', () => {
    const text = '> only a quote\n> nothing new';
    expect(splitQuotedReply(text)).toEqual({ reply: text, folded: '' });
    expect(splitQuotedReply('')).toEqual({ reply: '', folded: '' });
  });
});
