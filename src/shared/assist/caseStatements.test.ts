import { describe, expect, it } from 'vitest';
import { isOpenRequest, isPing, isPromise } from './caseStatements';

describe('isPing: chasers without content', () => {
  it.each(['Hello???', 'Anyone there?', 'Is anybody there?', 'Are you still there?', 'Any news?', '???', 'Halo?', 'Halo, jest tam ktoś?', 'Dzień dobry?', 'Είναι κανείς εκεί;', 'Γεια σας;'])(
    '%s is a ping',
    (sentence) => expect(isPing(sentence)).toBe(true),
  );

  it.each(['Any news on my refund?', 'Is the store open on Sunday?', 'Halo, gdzie jest moja paczka?', 'Είναι ανοιχτό το κατάστημα;'])(
    '%s has content',
    (sentence) => expect(isPing(sentence)).toBe(false),
  );
});

describe('isOpenRequest: what the customer asks of us', () => {
  it.each([
    'I want my money back.',
    'Please cancel my subscription.',
    'I would like to exchange it for the larger size.',
    'Where is my order',
    'When will the technician come?',
    'Chcę zwrotu pieniędzy.',
    'Proszę o wymianę na nowy egzemplarz.',
    'Gdzie jest moja paczka',
    'Θέλω επιστροφή χρημάτων.',
    'Ακυρώστε την παραγγελία μου παρακαλώ.',
    'Πότε θα έρθει ο τεχνικός;',
  ])('%s is a request', (sentence) => expect(isOpenRequest(sentence)).toBe(true));

  it.each(['Hello???', 'Is anybody there?', 'Halo?', 'Είναι κανείς εκεί;', 'Thanks, that is all.', 'Dziękuję, wszystko jasne.', 'Ευχαριστώ πολύ.', "I don't want a refund.", 'It was a long day at work;'])(
    '%s is not',
    (sentence) => expect(isOpenRequest(sentence)).toBe(false),
  );
});

describe('isPromise: commitments and agreements made by staff', () => {
  it.each([
    'Exchange agreed at the Warsaw store',
    'replacement reserved',
    'We will call you tomorrow morning.',
    "I've arranged a courier for Friday.",
    'Repair booked for Monday.',
    'Wymiana uzgodniona w sklepie w Krakowie.',
    'Zarezerwowałem dla Pana nowy egzemplarz.',
    'Oddzwonimy jutro.',
    'Συμφωνήθηκε αντικατάσταση στο κατάστημα.',
    'Κανονίσαμε παραλαβή από κούριερ.',
    'Θα σας καλέσουμε αύριο.',
  ])('%s is a promise', (sentence) => expect(isPromise(sentence)).toBe(true));

  it.each([
    'Customer was calm. Nothing agreed.',
    'No exchange was agreed.',
    'The customer asked about opening hours.',
    'Nic nie uzgodniono.',
    'Klient pytał o godziny otwarcia.',
    'Δεν συμφωνήθηκε τίποτα.',
    'Ο πελάτης ρώτησε για το ωράριο.',
  ])('%s is not', (sentence) => expect(isPromise(sentence)).toBe(false));
});
