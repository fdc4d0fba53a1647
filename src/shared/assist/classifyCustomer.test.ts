import { describe, expect, it } from 'vitest';
import { classifyCustomer } from './classifyCustomer';

const state = (...messages: string[]) => classifyCustomer(messages);

describe('classifyCustomer: language', () => {
  it.each([
    ['Where is my order?', 'en'],
    ['Gdzie jest moja paczka?', 'pl'],
    ['gdzie jest moje zamowienie', 'pl'],
    ['Πού είναι η παραγγελία μου;', 'el'],
    ['pou einai', 'en'],
  ] as const)('%s -> %s', (text, lang) => {
    expect(state(text).language).toBe(lang);
  });

  it('reads a message without evidence ("ok") in the language of the conversation', () => {
    expect(state('Dzień dobry, czy paczka już wyszła?', 'ok').language).toBe('pl');
    expect(classifyCustomer(['ok'], { fallbackLanguage: 'el' }).language).toBe('el');
  });
});

describe('classifyCustomer: sentiment', () => {
  it.each([
    ['My flight was cancelled and nobody answers.', 'negative'],
    ['Thank you, the replacement works perfectly!', 'positive'],
    ['What time does the store open on Sunday?', 'neutral'],
    ['Niestety paczka nadal nie dotarła.', 'negative'],
    ['Bardzo dziękuję, świetna obsługa, polecam!', 'positive'],
    ['O której otwieracie sklep w niedzielę?', 'neutral'],
    ['Απαράδεκτη εξυπηρέτηση, η παραγγελία καθυστερεί ξανά.', 'negative'],
    ['Ευχαριστώ πολύ, όλα τέλεια!', 'positive'],
    ['Τι ώρα ανοίγει το κατάστημα την Κυριακή;', 'neutral'],
  ] as const)('%s -> %s', (text, sentiment) => {
    expect(state(text).sentiment).toBe(sentiment);
  });

  it('handles negation in all three languages', () => {
    expect(state('The support was good.').sentiment).toBe('positive');
    expect(state('The support was not good.').sentiment).toBe('negative');
    expect(state('Polecam ten sklep.').sentiment).toBe('positive');
    expect(state('Nie polecam tego sklepu.').sentiment).toBe('negative');
    expect(state('Η εξυπηρέτηση ήταν καλή.').sentiment).toBe('positive');
    expect(state('Η εξυπηρέτηση δεν ήταν καλή.').sentiment).toBe('negative');
  });

  it('reads "no problem" as positive, not as a problem', () => {
    expect(state('No problem at all, thanks').sentiment).toBe('positive');
  });

  it('reads Polish typed without diacritics like Polish with them', () => {
    expect(state('Obsluga byla okropna, nie polecam').sentiment).toBe('negative');
    expect(state('Obsługa była okropna, nie polecam').score).toBe(state('Obsluga byla okropna, nie polecam').score);
  });

  it('reads Greek typed without accents like Greek with them', () => {
    expect(state('Απαράδεκτο, καμία απάντηση').score).toBe(state('Απαραδεκτο, καμια απαντηση').score);
    expect(state('απαραδεκτο').sentiment).toBe('negative');
  });

  it('counts capitals, elongation and "!!!" as emphasis', () => {
    expect(state('this is BAD').score).toBeLessThan(state('this is bad').score);
    expect(state('sooo good').score).toBeGreaterThan(state('so good').score);
    expect(state('terrible!!!').score).toBeLessThan(state('terrible').score);
  });

  it('weighs what follows a contrast word more (but / ale / αλλά)', () => {
    expect(state('The staff were nice but the room was dirty').sentiment).toBe('negative');
    expect(state('Pokój był brudny, ale obsługa bardzo miła i pomocna').sentiment).toBe('positive');
    expect(state('Το προσωπικό ήταν ευγενικό αλλά η καθυστέρηση απαράδεκτη').sentiment).toBe('negative');
  });

  it('reads emoji as sentiment', () => {
    expect(state('😡😡').sentiment).toBe('negative');
    expect(state('😍').sentiment).toBe('positive');
  });

  it('weighs the newest message most', () => {
    const recovered = state('This is terrible, nothing works', 'Oh it works now, thank you so much!');
    const relapsed = state('Thank you so much!', 'Actually it is broken again, terrible');
    expect(recovered.sentiment).not.toBe('negative');
    expect(relapsed.sentiment).toBe('negative');
    expect(recovered.score).toBeGreaterThan(relapsed.score);
  });
});

describe('classifyCustomer: emotion and urgency', () => {
  it('tells anger, anxiety and sadness apart', () => {
    expect(state('This is ridiculous, I am furious!').emotion).toBe('angry');
    expect(state("I'm really worried my parcel won't arrive before the trip").emotion).toBe('anxious');
    expect(state('I am so disappointed, the gift was ruined').emotion).toBe('sad');
    expect(state('Mam dość, to jakiś żart!').emotion).toBe('angry');
    expect(state('Martwię się, że nie zdążę').emotion).toBe('anxious');
    expect(state('Είμαι πολύ θυμωμένος, είναι αίσχος').emotion).toBe('angry');
    expect(state('Ευχαριστώ, όλα τέλεια').emotion).toBe('positive');
  });

  it('reads a calm problem report as a problem, not as anger, in English, Polish and Greek', () => {
    for (const report of [
      'My new phone has a dead pixel.',
      "The washing machine doesn't turn on.",
      'The screen is cracked and the charger is broken.',
      'Mój nowy telefon ma martwy piksel.',
      'Pralka się nie włącza.',
      'Το καινούργιο μου κινητό έχει ένα νεκρό pixel.',
      'Η οθόνη δεν ανάβει.',
    ]) {
      expect(state(report).emotion, report).not.toBe('angry');
    }
    // The same problem said with force or hostility is anger.
    expect(state('My new phone has a dead pixel!!').emotion).toBe('angry');
    expect(state('My new phone has a dead pixel, this is a disgrace.').emotion).toBe('angry');
    expect(state('Pralka się nie włącza, skandal!').emotion).toBe('angry');
    expect(state('Η οθόνη δεν ανάβει, είμαι έξαλλος και θυμωμένος!').emotion).toBe('angry');
  });

  it('reads deadlines, "now", repeated contact and threats to leave as high urgency', () => {
    expect(state('I need this fixed right now, my flight is tomorrow').urgency).toBe('high');
    expect(state('Third time I write, I will cancel my subscription').urgency).toBe('high');
    expect(state('Potrzebuję tego natychmiast').urgency).toBe('high');
    expect(state('Χρειάζομαι απάντηση αμέσως').urgency).toBe('high');
    expect(state('Still broken.', 'Still nothing, terrible.', 'Hello?? This is awful').urgency).toBe('high');
  });

  it('reads "no rush" as low urgency, in all three languages', () => {
    expect(state('No rush, whenever you can').urgency).toBe('low');
    expect(state('Nie ma pośpiechu').urgency).toBe('low');
    expect(state('Δεν βιάζομαι').urgency).toBe('low');
    expect(state('Is the blue one in stock?').urgency).toBe('normal');
  });
});

describe('classifyCustomer: formality', () => {
  it.each([
    ['Czy mógłby Pan sprawdzić moje zamówienie?', 'formal'],
    ['Czy moglaby Pani sprawdzic status?', 'formal'],
    ['Szanowni Państwo, proszę o informację.', 'formal'],
    ['hej, możesz sprawdzić moje zamówienie?', 'informal'],
    ['Czy mozesz mi pomoc? jestes tam?', 'informal'],
    ['Θα μπορούσατε να μου πείτε πότε έρχεται; Ευχαριστώ', 'formal'],
    ['Μπορείτε να με ενημερώσετε;', 'formal'],
    ['Μπορείς να μου πεις πότε έρχεται;', 'informal'],
    ['ρε φιλε πού είναι το δέμα', 'informal'],
    ['Dear Sir or Madam, please advise. Kind regards', 'formal'],
    ['hey guys u there? lol', 'informal'],
    ['Where is my order?', 'unknown'],
  ] as const)('%s -> %s', (text, formality) => {
    expect(state(text).formality).toBe(formality);
  });
});

describe('classifyCustomer: negative evidence, sarcasm and Greek negation', () => {
  it('lets the complaint outweigh the praise in a mixed message', () => {
    expect(state('The crew was nice but the flight was 3 hours late and my bag is lost.').sentiment).toBe('negative');
  });

  it('reads sarcasm formulas as complaints', () => {
    expect(state('Oh great, another delay.').sentiment).toBe('negative');
    expect(state('Thanks a lot for losing my luggage').sentiment).toBe('negative');
  });

  it('reads "not just good" as praise, not as negation', () => {
    expect(state("It isn't just good, it's brilliant").sentiment).toBe('positive');
  });

  it('reads bare English and Greek negation as a complaint cue', () => {
    expect(state("I don't have my refund").sentiment).toBe('negative');
    expect(state('Η παραγγελία δεν ήρθε ακόμα').sentiment).toBe('negative');
    expect(state('Δεν απαντάτε στα μηνύματα').sentiment).toBe('negative');
  });

  it('reads Greek negative stems in any form, with or without accents', () => {
    expect(state('Μας εξαπάτησαν').sentiment).toBe('negative');
    expect(state('μας εξαπατησαν').sentiment).toBe('negative');
    expect(state('Άχρηστη εξυπηρέτηση').sentiment).toBe('negative');
    expect(state('αχρηστοι').sentiment).toBe('negative');
  });

  it('does not read "I\'ll" as "ill"', () => {
    expect(state("I'll check it tomorrow").sentiment).toBe('neutral');
  });
});
