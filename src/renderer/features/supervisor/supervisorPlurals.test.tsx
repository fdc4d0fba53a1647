// @vitest-environment jsdom
import '../../test/setup';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/domain';
import el from '../../../shared/i18n/locales/el/supervisor.json';
import en from '../../../shared/i18n/locales/en/supervisor.json';
import pl from '../../../shared/i18n/locales/pl/supervisor.json';
import { NOW } from '../../test/builders';
import { anOrgStaff, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';

freezeClock();

type Tree = { [key: string]: string | Tree };
const texts = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : texts(v, `${prefix}${k}.`)));

/** The CSAT cell of the chat queue's row, with `answers` answers of 8 today. */
async function csatCell(lng: Lang, answers: number) {
  const state = consoleState();
  state.csat = Array.from({ length: answers }, (_, i) => ({ id: `cs${i}`, caseId: `c${i}`, customerId: `cu${i}`, queueId: 'q-chat', score: 8, comment: null, createdAt: NOW - 60_000 }));
  renderConsole({ state, lng });
  const cell = () => screen.getByTestId('queue-figures').querySelector('tr[data-queue="q-chat"]')?.children[6]?.textContent;
  await waitFor(() => expect(cell()).toMatch(/^8 \(/));
  const text = cell();
  cleanup();
  return text;
}

const AGENTS_TAB = { en: en.tabs.agents, pl: pl.tabs.agents, el: el.tabs.agents };

/** The agents board's "shown" line with `agents` agents on it. */
async function boardCount(lng: Lang, agents: number) {
  const state = consoleState();
  state.staff = Array.from({ length: agents }, (_, i) => anOrgStaff({ id: `x${i}`, username: `x${i}`, name: `Agent ${i}` }));
  renderConsole({ state, lng });
  await openTab(AGENTS_TAB[lng]);
  const text = (await screen.findByTestId('board-count')).textContent;
  cleanup();
  return text;
}

describe('supervisor console plurals', () => {
  it('gives every count a noun agrees with its plural forms (the text never reads "1 (1 answers)")', () => {
    // "the first 200 of 250": a count that stands alone, with no noun to agree.
    const alone = new Set(['reassign.shown']);
    const counted = texts(en as Tree).filter(([key, text]) => text.includes('{{count}}') && !alone.has(key));
    expect(counted.length).toBeGreaterThan(10);
    for (const [key] of counted) expect(key, `${key} counts without plural forms`).toMatch(/_(one|other)$/);
  });

  const cases: [Lang, string[]][] = [
    ['en', ['8 (1 answer)', '8 (2 answers)', '8 (5 answers)']],
    ['pl', ['8 (1 odpowiedź)', '8 (2 odpowiedzi)', '8 (5 odpowiedzi)']],
    ['el', ['8 (1 απάντηση)', '8 (2 απαντήσεις)', '8 (5 απαντήσεις)']],
  ];
  for (const [lng, expected] of cases) {
    it(`counts today's survey answers in ${lng} for 1, 2 and 5`, async () => {
      const seen: (string | undefined)[] = [];
      for (const n of [1, 2, 5]) {
        seen.push(await csatCell(lng, n));
      }
      expect(seen).toEqual(expected);
    });
  }

  const shown: [Lang, string[]][] = [
    ['en', ['1 agent shown of 1', '2 agents shown of 2', '5 agents shown of 5']],
    ['pl', ['Pokazano 1 konsultanta z 1', 'Pokazano 2 konsultantów z 2', 'Pokazano 5 konsultantów z 5']],
    ['el', ['Εμφανίζεται 1 εκπρόσωπος από 1', 'Εμφανίζονται 2 εκπρόσωποι από 2', 'Εμφανίζονται 5 εκπρόσωποι από 5']],
  ];
  for (const [lng, expected] of shown) {
    it(`counts the agents the board shows in ${lng} for 1, 2 and 5`, async () => {
      const seen: (string | null)[] = [];
      for (const n of [1, 2, 5]) seen.push(await boardCount(lng, n));
      expect(seen).toEqual(expected);
    });
  }
});
