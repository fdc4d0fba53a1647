import type { Lang } from '../../shared/domain';
import type { Random } from './random';

/** A generated person's name, with the language it comes from (Polish, Greek or English). */
export interface PersonName {
  first: string;
  last: string;
  /** "First Last", as shown to staff. */
  full: string;
  origin: Lang;
}

interface NameList {
  male: readonly string[];
  female: readonly string[];
  /** Surnames as [masculine, feminine]: Polish and Greek surnames agree with the person's gender. */
  surnames: readonly (readonly [string, string])[];
}

const same = (s: string): readonly [string, string] => [s, s];

const NAMES: Readonly<Record<Lang, NameList>> = {
  pl: {
    male: ['Łukasz', 'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Jakub', 'Grzegorz',
      'Wojciech', 'Mateusz', 'Kamil', 'Bartłomiej', 'Jędrzej', 'Szymon'],
    female: ['Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Joanna', 'Magdalena', 'Ewa', 'Zofia', 'Aleksandra',
      'Natalia', 'Monika', 'Dorota', 'Żaneta', 'Beata', 'Weronika', 'Jadwiga'],
    surnames: [same('Nowak'), ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], same('Wójcik'),
      same('Kowalczyk'), ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'],
      ['Szymański', 'Szymańska'], same('Woźniak'), ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska'],
      ['Jankowski', 'Jankowska'], same('Mazur'), same('Krawczyk'), ['Piotrowski', 'Piotrowska'],
      ['Grabowski', 'Grabowska'], ['Pawłowski', 'Pawłowska'], ['Michalski', 'Michalska'], same('Król'),
      same('Wieczorek'), ['Jabłoński', 'Jabłońska'], ['Górski', 'Górska'], same('Sikora'), same('Żak')],
  },
  el: {
    male: ['Γιώργος', 'Νίκος', 'Κώστας', 'Δημήτρης', 'Γιάννης', 'Παναγιώτης', 'Αλέξανδρος', 'Χρήστος', 'Βασίλης',
      'Σπύρος', 'Θανάσης', 'Μιχάλης', 'Στέλιος', 'Άγγελος'],
    female: ['Μαρία', 'Ελένη', 'Κατερίνα', 'Βασιλική', 'Σοφία', 'Αγγελική', 'Δέσποινα', 'Γεωργία', 'Χριστίνα',
      'Ιωάννα', 'Δήμητρα', 'Αναστασία', 'Ευαγγελία', 'Φωτεινή'],
    surnames: [['Παπαδόπουλος', 'Παπαδοπούλου'], same('Γεωργίου'), same('Οικονόμου'), ['Παπαδάκης', 'Παπαδάκη'],
      same('Νικολάου'), same('Κωνσταντίνου'), same('Ιωάννου'), same('Βασιλείου'), same('Δημητρίου'),
      same('Αλεξίου'), ['Μακρής', 'Μακρή'], same('Αντωνίου'), ['Καραγιάννης', 'Καραγιάννη'], same('Παπανικολάου'),
      ['Σταυρόπουλος', 'Σταυροπούλου'], same('Χατζηγεωργίου'), ['Λαμπρόπουλος', 'Λαμπροπούλου'],
      same('Αθανασίου'), ['Μιχαηλίδης', 'Μιχαηλίδου'], ['Πετρόπουλος', 'Πετροπούλου']],
  },
  en: {
    male: ['James', 'Oliver', 'Harry', 'George', 'Jack', 'Thomas', 'William', 'Daniel', 'Samuel', 'Benjamin',
      'Liam', 'Noah'],
    female: ['Emily', 'Olivia', 'Amelia', 'Sophie', 'Charlotte', 'Jessica', 'Grace', 'Hannah', 'Lucy', 'Chloe',
      'Emma', 'Ella'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Evans', 'Thomas',
      'Roberts', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris',
      'Clarke', 'Patel', 'Murphy', "O'Brien"].map(same),
  },
};

/** A random name of the given origin; first name and surname agree in gender. */
export function randomPersonName(rng: Random, origin: Lang): PersonName {
  const list = NAMES[origin];
  const female = rng.chance(0.5);
  const first = rng.pick(female ? list.female : list.male);
  const last = rng.pick(list.surnames)[female ? 1 : 0];
  return { first, last, full: `${first} ${last}`, origin };
}

/** Greek digraphs that read as one sound, transliterated before single letters. */
const GREEK_DIGRAPHS: readonly (readonly [string, string])[] = [
  ['ου', 'ou'], ['αι', 'ai'], ['ει', 'ei'], ['οι', 'oi'], ['αυ', 'av'], ['ευ', 'ev'], ['ντ', 'nt'], ['γγ', 'ng'],
  ['γκ', 'gk'], ['μπ', 'mp'],
];
const LETTERS: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ł: 'l',
};

/** ASCII form of a Polish, Greek or English name, for e-mail addresses and handles ("Łukasz" -> "lukasz"). */
export function transliterate(text: string): string {
  // NFD splits accents (ó, ά) from their letters; ł has no decomposition, so LETTERS maps it.
  let s = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const [from, to] of GREEK_DIGRAPHS) s = s.replaceAll(from, to);
  let out = '';
  for (const ch of s) out += LETTERS[ch] ?? ch;
  return out.replace(/[^a-z0-9]/g, '');
}
