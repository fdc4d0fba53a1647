import { describe, expect, it } from 'vitest';
import { checkDraft, fittingTone } from './checkDraft';
import { classifyCustomer } from './classifyCustomer';
import type { HintCode } from './types';

const ANGRY_EN = "Third time I'm writing! My refund still hasn't arrived and nobody answers. Unacceptable!";
const ANGRY_PL = 'Piszę już trzeci raz! Paczka nadal nie dotarła, a nikt nie odpowiada. To jakiś żart.';
const ANGRY_EL = 'Τρίτη φορά σας γράφω! Η παραγγελία ακόμα δεν ήρθε και κανείς δεν απαντά. Απαράδεκτο!';
const FORMAL_PL = 'Dzień dobry, czy mógłby Pan sprawdzić, kiedy wyślecie zamówienie? Z poważaniem';
const FORMAL_EL = 'Καλησπέρα σας, θα μπορούσατε να μου πείτε πότε θα σταλεί η παραγγελία; Ευχαριστώ';
const HAPPY_EN = 'Thanks so much, the new router works perfectly! You guys are great 😊';

function codes(customer: string, draft: string): HintCode[] {
  return checkDraft(classifyCustomer([customer]), draft).hints.map((h) => h.code);
}

describe('fittingTone', () => {
  it('is serious for an angry customer, warm for a worried one, light only for a relaxed, happy one', () => {
    expect(fittingTone(classifyCustomer([ANGRY_EN]))).toBe('serious');
    expect(fittingTone(classifyCustomer(["I'm worried my parcel won't come in time"]))).toBe('warm');
    expect(fittingTone(classifyCustomer([HAPPY_EN]))).toBe('light');
    expect(fittingTone(classifyCustomer(['What time do you open?']))).toBe('warm');
  });
});

describe('checkDraft: fitting drafts get no hints', () => {
  it.each([
    [ANGRY_EN, "I'm really sorry you had to chase this three times. Your refund was approved today and arrives within 3 days."],
    [ANGRY_PL, 'Bardzo przepraszam, że musiał Pan pisać kilka razy. Przesyłka dotrze jutro do południa.'],
    [ANGRY_EL, 'Ζητούμε συγγνώμη που χρειάστηκε να μας γράψετε ξανά. Η παραγγελία σας θα παραδοθεί αύριο.'],
    [FORMAL_PL, 'Dzień dobry, zamówienie wyślemy jutro rano, a numer przesyłki prześlemy e-mailem.'],
    [FORMAL_EL, 'Καλησπέρα σας, η παραγγελία σας θα σταλεί αύριο το πρωί.'],
    [HAPPY_EN, 'So glad to hear it! Enjoy the fast internet 😄'],
  ])('%s', (customer, draft) => {
    expect(codes(customer, draft)).toEqual([]);
  });
});

describe('checkDraft: every hint fires on an unfitting draft', () => {
  it.each([
    ['humour-when-upset', ANGRY_EN, 'Haha, refunds can be slow! Sorry about that.'],
    ['humour-when-upset', ANGRY_PL, 'Przepraszam, hehe, kurierzy czasem się gubią.'],
    ['humour-when-upset', ANGRY_EL, 'Συγγνώμη, χαχα, οι κούριερ έχουν τρελαθεί.'],
    ['too-casual', ANGRY_EN, 'Hey mate, no worries, sorry, I will sort it today.'],
    ['too-casual', FORMAL_PL, 'Siema, zamówienie pójdzie jutro, spoko.'],
    ['too-casual', FORMAL_EL, 'Ρε φίλε, αύριο φεύγει, τα λέμε.'],
    ['no-acknowledgement', ANGRY_EN, 'Your refund was approved today and arrives within 3 days.'],
    ['no-acknowledgement', ANGRY_PL, 'Przesyłka jest w oddziale i dotrze jutro.'],
    ['no-acknowledgement', ANGRY_EL, 'Η παραγγελία σας θα παραδοθεί αύριο το πρωί.'],
    ['blaming', ANGRY_EN, 'Sorry for the wait. You should have used the refund form.'],
    ['blaming', ANGRY_PL, 'Przepraszam. Jak już pisałem, trzeba było podać kod pocztowy.'],
    ['blaming', ANGRY_EL, 'Λυπούμαστε, αλλά έπρεπε να είχατε δώσει σωστή διεύθυνση.'],
    ['shouting', ANGRY_EN, 'Sorry. YOUR REFUND HAS BEEN APPROVED!!!'],
    ['shouting', ANGRY_PL, 'Przepraszam. PACZKA DOTRZE JUTRO.'],
    ['shouting', ANGRY_EL, 'Λυπούμαστε. Η ΠΑΡΑΓΓΕΛΙΑ ΕΡΧΕΤΑΙ ΑΥΡΙΟ.'],
    ['jargon', ANGRY_EN, 'Sorry about this. It is in the L2 backend queue.'],
    ['jargon', ANGRY_PL, 'Przepraszam. Zgłoszenie wewnętrzne trafiło do backoffice.'],
    ['jargon', ANGRY_EL, 'Λυπούμαστε. Το εσωτερικό αίτημα πήγε για κλιμάκωση.'],
    ['formality-mismatch', FORMAL_PL, 'Dzień dobry, twoje zamówienie wyślemy jutro, numer dostaniesz mailem.'],
    ['formality-mismatch', FORMAL_EL, 'Καλησπέρα, η παραγγελία σου φεύγει αύριο, θα σου στείλουμε email.'],
    // English has no ty / Pan distinction: chat register to a formal writer is reported as too casual.
    ['too-casual', 'Dear Sir or Madam, please advise on the delivery. Kind regards', 'Dear Ms Smith, u will get it on Monday.'],
  ] as const)('%s: %s', (code, customer, draft) => {
    expect(codes(customer, draft)).toContain(code);
  });

  it('flags a draft longer than the channel takes', () => {
    const state = classifyCustomer(['How do I change my password?']);
    const long = 'You can change it in your account settings under Security. '.repeat(12);
    expect(checkDraft(state, long, { channel: 'chat' }).hints.map((h) => h.code)).toEqual(['too-long']);
    expect(checkDraft(state, long, { channel: 'email' }).hints).toEqual([]);
    expect(checkDraft(state, long, { maxWords: 500 }).hints).toEqual([]);
  });

  it('gives the span of the text concerned, the params the message needs, and a key in the assist namespace', () => {
    const draft = 'Sorry for the wait. You should have used the form.';
    const [blaming] = checkDraft(classifyCustomer([ANGRY_EN]), draft).hints;
    expect(blaming).toMatchObject({ code: 'blaming', severity: 'critical', messageKey: 'hint.blaming' });
    expect(draft.slice(blaming?.span?.start, blaming?.span?.end)).toBe('You should have');
    expect(blaming?.params).toEqual({ text: 'You should have' });
  });

  it('lets a relaxed customer have a light, casual reply, but not an upset one', () => {
    expect(codes(HAPPY_EN, 'Hey, awesome, cheers! 😄')).toEqual([]);
    expect(codes(ANGRY_EN, 'Sorry! Cheers 😄')).toEqual(expect.arrayContaining(['smiley-when-upset', 'too-casual']));
  });
});

describe('checkDraft: dismissive phrases and smileys to an upset customer', () => {
  const hintsFor = (customer: string, draft: string) => checkDraft(classifyCustomer([customer]), draft).hints;

  it.each([
    [ANGRY_EN, 'Sorry, chill out, the refund is on its way.', 'chill out'],
    [ANGRY_EN, 'Please calm down, I am sorry for the wait.', 'calm down'],
    [ANGRY_EN, "Relax, I'm sorry, it will be there tomorrow.", 'Relax'],
    [ANGRY_EN, 'Sorry for that. Whatever. It arrives tomorrow.', 'Whatever'],
    [ANGRY_PL, 'Przepraszam, wyluzuj, paczka dotrze jutro.', 'wyluzuj'],
    [ANGRY_PL, 'Proszę się uspokoić, przepraszam za kłopot.', 'Proszę się uspokoić'],
    [ANGRY_EL, 'Συγγνώμη, χαλάρωσε, θα έρθει αύριο.', 'χαλάρωσε'],
    [ANGRY_EL, 'Ηρεμήστε, λυπούμαστε για την καθυστέρηση.', 'Ηρεμήστε'],
  ])('flags "%s" draft "%s" at "%s"', (customer, draft, text) => {
    const hint = hintsFor(customer, draft).find((h) => h.code === 'dismissive');
    expect(hint).toMatchObject({ severity: 'critical', messageKey: 'hint.dismissive', params: { text } });
    expect(draft.slice(hint?.span?.start, hint?.span?.end)).toBe(text);
  });

  it.each([
    [ANGRY_EN, 'Sorry, the refund is on its way :)', '🙂'],
    [ANGRY_EN, 'Sorry about this ;) it arrives tomorrow.', '😉'],
    [ANGRY_PL, 'Przepraszam, paczka dotrze jutro 😊', '😊'],
    [ANGRY_EL, 'Συγγνώμη, η παραγγελία θα έρθει αύριο :-)', '🙂'],
  ])('flags a smiley to an upset customer: "%s" / "%s"', (customer, draft) => {
    expect(hintsFor(customer, draft).map((h) => h.code)).toContain('smiley-when-upset');
  });

  it('flags "lol" to an angry customer as humour', () => {
    expect(codes(ANGRY_EN, 'Sorry lol, the courier got lost.')).toContain('humour-when-upset');
  });

  it('leaves the same words alone where they are not dismissive, and smileys to a relaxed customer', () => {
    expect(codes(ANGRY_EN, 'I am sorry. We will do whatever it takes to fix this today.')).toEqual([]);
    expect(codes(ANGRY_EN, "I'm sorry. Choose whatever date suits you and we'll deliver then.")).toEqual([]);
    expect(codes(HAPPY_EN, 'Glad it works! Relax and enjoy the fast internet :)')).toEqual([]);
    expect(codes('Zamówiłem nowy telefon, kiedy przyjdzie?', 'Telefon przyjdzie jutro :)')).toEqual([]);
  });
});
