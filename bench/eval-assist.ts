/**
 * Evaluation of the assist engine: sentiment macro-F1 per set and language against the `sentiment` package
 * (AFINN-165) run on the same texts, per-class F1, negative recall, latency of classify + check, bundle size,
 * and precision of the tone hints on our own labelled drafts.
 *
 * The labelled sets are not part of the repository (several are non-commercial): EVAL_DIR names their folder.
 * They are for measuring only: nothing read here is written anywhere or used to set any weight.
 *
 * Run: npm run eval:assist
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import type { Channel } from '../src/shared/domain';
import { checkDraft, classifyCustomer, type HintCode, type Sentiment as Polarity } from '../src/shared/assist';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
if (!process.env.EVAL_DIR) {
  console.error('eval:assist: set EVAL_DIR to the folder of labelled tone sets (one folder per set, JSON lines of {text, label})');
  process.exit(2);
}
const evalDir = resolve(process.env.EVAL_DIR);

type Lang = 'en' | 'pl' | 'el';
interface Example {
  text: string;
  label: Polarity;
}
interface EvalSet {
  name: string;
  lang: Lang;
  /** Classes the macro-F1 averages over (the others are still predicted, and count as errors). */
  classes: readonly Polarity[];
  note: string;
  load: () => Example[];
}

const THREE: readonly Polarity[] = ['negative', 'neutral', 'positive'];
const TWO: readonly Polarity[] = ['negative', 'positive'];

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

const read = (path: string): string => readFileSync(join(evalDir, path), 'utf8');
const lines = (path: string): string[] => read(path).split('\n').filter((l, k, all) => l !== '' || k < all.length - 1);

const byNumber = (n: string): Polarity => (Number(n) < 0 ? 'negative' : Number(n) > 0 ? 'positive' : 'neutral');

const SETS: EvalSet[] = [
  {
    name: 'twitter_us_airline',
    lang: 'en',
    classes: THREE,
    note: 'all 14,640 tweets',
    load: () =>
      parseCsv(read('twitter_us_airline/Tweets.csv')).map((r) => ({ text: r.text ?? '', label: r.airline_sentiment as Polarity })),
  },
  {
    name: 'tweeteval sentiment test',
    lang: 'en',
    classes: THREE,
    note: 'mapping.txt: 0 negative, 1 neutral, 2 positive',
    load: () => {
      const texts = lines('tweeteval/sentiment/test_text.txt');
      const labels = lines('tweeteval/sentiment/test_labels.txt');
      const map: Polarity[] = ['negative', 'neutral', 'positive'];
      return labels.map((l, k) => ({ text: texts[k] ?? '', label: map[Number(l)] as Polarity }));
    },
  },
  {
    name: 'sentimp21 uk',
    lang: 'en',
    classes: THREE,
    note: '-1 / 0 / 1',
    load: () => parseCsv(read('sentimp21/uk_simple.csv')).map((r) => ({ text: r.full_text ?? '', label: byNumber(r.final_label ?? '') })),
  },
  {
    name: 'sentimp21 gr',
    lang: 'el',
    classes: THREE,
    note: '-1 / 0 / 1',
    load: () => parseCsv(read('sentimp21/gr_simple.csv')).map((r) => ({ text: r.full_text ?? '', label: byNumber(r.final_label ?? '') })),
  },
  {
    name: 'polemo2 in dev',
    lang: 'pl',
    classes: THREE,
    note: "minus / zero / plus; 116 'amb' excluded",
    load: () => loadPolemo('polemo2_klej/polemo2.0-in.dev.tsv'),
  },
  {
    name: 'polemo2 out dev',
    lang: 'pl',
    classes: TWO,
    note: "minus / plus (F1 over 2 classes; 'amb' and the single 'zero' excluded)",
    load: () => loadPolemo('polemo2_klej/polemo2.0-out.dev.tsv').filter((e) => e.label !== 'neutral'),
  },
  ...(['amazon', 'imdb', 'yelp'] as const).map((name) => ({
    name: `uci ${name}`,
    lang: 'en' as const,
    classes: TWO,
    note: '0 / 1 (no neutral class; F1 over 2 classes)',
    load: () =>
      (JSON.parse(read(`uci_sentiment_labelled_sentences/${name}.json`)) as Array<{ text: string; class: 0 | 1 | null }>)
        .filter((r) => r.class !== null)
        .map((r) => ({ text: r.text, label: (r.class === 1 ? 'positive' : 'negative') as Polarity })),
  })),
  {
    name: 'sst2 dev',
    lang: 'en',
    classes: TWO,
    note: '0 / 1 (F1 over 2 classes)',
    load: () =>
      lines('sst2/dev.tsv')
        .slice(1)
        .map((l) => l.split('\t'))
        .map(([text, label]) => ({ text: text ?? '', label: (label === '1' ? 'positive' : 'negative') as Polarity })),
  },
];

function loadPolemo(path: string): Example[] {
  const map: Record<string, Polarity> = {
    __label__meta_minus_m: 'negative',
    __label__meta_plus_m: 'positive',
    __label__meta_zero: 'neutral',
  };
  return lines(path)
    .slice(1)
    .map((l) => l.split('\t'))
    .filter(([, label]) => label !== undefined && label in map)
    .map(([text, label]) => ({ text: text ?? '', label: map[label as string] as Polarity }));
}

interface Scores {
  macro: number;
  perClass: Record<Polarity, number>;
  negRecall: number;
}

function score(gold: readonly Polarity[], pred: readonly Polarity[], classes: readonly Polarity[]): Scores {
  const perClass = { negative: 0, neutral: 0, positive: 0 };
  for (const c of THREE) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, k) => {
      const p = pred[k];
      if (p === c && g === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    });
    perClass[c] = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  const negatives = gold.filter((g) => g === 'negative').length;
  const caught = gold.filter((g, k) => g === 'negative' && pred[k] === 'negative').length;
  return {
    macro: classes.reduce((s, c) => s + perClass[c], 0) / classes.length,
    perClass,
    negRecall: negatives === 0 ? 0 : caught / negatives,
  };
}

/** The baseline, loaded untyped: the package ships no type declarations. */
const Afinn = createRequire(import.meta.url)('sentiment') as new () => { analyze(text: string): { score: number } };
const afinn = new Afinn();
/** The baseline's usual reading: a positive AFINN score is positive, negative is negative, zero neutral. */
function baseline(text: string, classes: readonly Polarity[]): Polarity {
  const s = afinn.analyze(text).score;
  if (classes.length === 2) return s < 0 ? 'negative' : 'positive';
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
}
/** Two-class sets: our neutral band is read by the sign of the score, as the baseline's zero is. */
function ours(text: string, classes: readonly Polarity[]): Polarity {
  const state = classifyCustomer([text]);
  if (classes.length === 2 && state.sentiment === 'neutral') return state.score < 0 ? 'negative' : 'positive';
  return state.sentiment;
}

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const f3 = (x: number): string => x.toFixed(3);

function evaluateSets(): void {
  console.log(`\nSentiment (eval data: ${evalDir})\n`);
  console.log(
    `${pad('set', 26)}${pad('lang', 5)}${pad('n', 7)}${pad('ours', 7)}${pad('AFINN', 7)}${pad('ratio', 7)}` +
      `${pad('F1 neg/neu/pos (ours)', 24)}${pad('F1 neg/neu/pos (AFINN)', 24)}${pad('neg recall ours/AFINN', 22)}`,
  );
  const perLang: Record<Lang, { gold: Polarity[]; ours: Polarity[]; base: Polarity[] }> = {
    en: { gold: [], ours: [], base: [] },
    pl: { gold: [], ours: [], base: [] },
    el: { gold: [], ours: [], base: [] },
  };
  for (const set of SETS) {
    const examples = set.load();
    const gold = examples.map((e) => e.label);
    const predOurs = examples.map((e) => ours(e.text, set.classes));
    const predBase = examples.map((e) => baseline(e.text, set.classes));
    const a = score(gold, predOurs, set.classes);
    const b = score(gold, predBase, set.classes);
    const classesF1 = (s: Scores): string =>
      THREE.map((c) => (set.classes.includes(c) ? f3(s.perClass[c]) : '  -  ')).join(' ');
    console.log(
      `${pad(set.name, 26)}${pad(set.lang, 5)}${pad(examples.length, 7)}${pad(f3(a.macro), 7)}${pad(f3(b.macro), 7)}` +
        `${pad(f3(a.macro / b.macro), 7)}${pad(classesF1(a), 24)}${pad(classesF1(b), 24)}${pad(`${f3(a.negRecall)} / ${f3(b.negRecall)}`, 22)}`,
    );
    if (set.classes.length === 3) {
      perLang[set.lang].gold.push(...gold);
      perLang[set.lang].ours.push(...predOurs);
      perLang[set.lang].base.push(...predBase);
    }
  }
  console.log(`\nPer language (3-class sets pooled)\n`);
  console.log(`${pad('lang', 6)}${pad('n', 8)}${pad('macro-F1 ours', 15)}${pad('macro-F1 AFINN', 16)}${pad('neg recall ours', 17)}neg recall AFINN`);
  for (const lang of ['en', 'pl', 'el'] as const) {
    const p = perLang[lang];
    const a = score(p.gold, p.ours, THREE);
    const b = score(p.gold, p.base, THREE);
    console.log(`${pad(lang, 6)}${pad(p.gold.length, 8)}${pad(f3(a.macro), 15)}${pad(f3(b.macro), 16)}${pad(f3(a.negRecall), 17)}${f3(b.negRecall)}`);
  }
}

/** Texts of about `length` characters, cut from the evaluation tweets (measuring only). */
function textsOfLength(source: readonly string[], length: number, count: number): string[] {
  const out: string[] = [];
  let k = 0;
  for (let n = 0; n < count; n++) {
    let text = '';
    while (text.length < length) text += `${source[k++ % source.length]} `;
    out.push(text.slice(0, length));
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/** Timing rounds per length: the best round is reported (and the worst p95 beside it), since the machine may be shared. */
const ROUNDS = 3;

function evaluateLatency(): void {
  const tweets = SETS[0]?.load().map((e) => e.text) ?? [];
  const drafts = readHintSet().map((h) => h.draft);
  console.log(`\nLatency of classifyCustomer([message]) + checkDraft(state, draft), same length each; best of ${ROUNDS} rounds\n`);
  console.log(
    `${pad('length', 10)}${pad('runs', 7)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('worst-round p95', 17)}${pad('AFINN p50 ms', 14)}AFINN p95 ms (analyze only)`,
  );
  for (const [length, runs] of [
    [300, 3000],
    [3000, 600],
  ] as const) {
    const messages = textsOfLength(tweets, length, runs);
    const replies = textsOfLength(drafts, length, runs);
    const time = (fn: (k: number) => void): number[] => {
      for (let k = 0; k < Math.min(200, runs); k++) fn(k); // warm-up: JIT, lazy Maps
      const samples: number[] = [];
      for (let k = 0; k < runs; k++) {
        const t0 = performance.now();
        fn(k);
        samples.push(performance.now() - t0);
      }
      return samples.sort((a, b) => a - b);
    };
    const rounds = Array.from({ length: ROUNDS }, () =>
      time((k) => checkDraft(classifyCustomer([messages[k] as string]), replies[k] as string)),
    ).sort((a, b) => percentile(a, 0.95) - percentile(b, 0.95));
    const best = rounds[0] as number[];
    const worst = rounds[rounds.length - 1] as number[];
    const base = time((k) => afinn.analyze(messages[k] as string));
    console.log(
      `${pad(length, 10)}${pad(runs, 7)}${pad(percentile(best, 0.5).toFixed(4), 10)}${pad(percentile(best, 0.95).toFixed(4), 10)}` +
        `${pad(percentile(worst, 0.95).toFixed(4), 17)}${pad(percentile(base, 0.5).toFixed(4), 14)}${percentile(base, 0.95).toFixed(4)}`,
    );
  }
}

async function evaluateBundle(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'assist-bundle-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: repo,
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        lib: { entry: join(repo, 'src/shared/assist/index.ts'), formats: ['es'], fileName: 'assist' },
      },
    });
    const files = readdirSync(outDir).map((f) => join(outDir, f));
    const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
    const gzipped = files.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
    console.log(`\nEngine bundle (vite lib build, minified, ES module): ${bytes.toLocaleString('en')} bytes, ${gzipped.toLocaleString('en')} gzipped (limit 2 MB)`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface HintCase {
  lang: Lang;
  customer: string[];
  draft: string;
  channel?: Channel;
  expected: HintCode[];
}

function readHintSet(): HintCase[] {
  return readFileSync(join(here, 'bench-assist-data/hints.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as HintCase);
}

function evaluateHints(): void {
  const cases = readHintSet();
  console.log(`\nTone hints on our own labelled drafts (bench/bench-assist-data/hints.jsonl, ${cases.length} drafts)\n`);
  console.log(`${pad('lang', 6)}${pad('drafts', 8)}${pad('fitting', 9)}${pad('precision', 11)}${pad('recall', 8)}fitting drafts with any hint`);
  const misses: string[] = [];
  const totals = { tp: 0, fp: 0, fn: 0, fitting: 0, flagged: 0 };
  for (const lang of ['en', 'pl', 'el', 'all'] as const) {
    const subset = cases.filter((c) => lang === 'all' || c.lang === lang);
    const t = { tp: 0, fp: 0, fn: 0, fitting: 0, flagged: 0 };
    for (const c of subset) {
      const found = new Set(checkDraft(classifyCustomer(c.customer), c.draft, { channel: c.channel }).hints.map((h) => h.code));
      const expected = new Set(c.expected);
      for (const code of found) {
        if (expected.has(code)) t.tp++;
        else t.fp++;
      }
      for (const code of expected) if (!found.has(code)) t.fn++;
      if (expected.size === 0) {
        t.fitting++;
        if (found.size > 0) t.flagged++;
      }
      const wrong = [...found].filter((x) => !expected.has(x)).map((x) => `+${x}`);
      const missed = [...expected].filter((x) => !found.has(x)).map((x) => `-${x}`);
      if (lang !== 'all' && wrong.length + missed.length > 0) misses.push(`  [${c.lang}] ${[...wrong, ...missed].join(' ')}: ${c.draft.slice(0, 70)}`);
    }
    if (lang === 'all') Object.assign(totals, t);
    console.log(
      `${pad(lang, 6)}${pad(subset.length, 8)}${pad(t.fitting, 9)}${pad(f3(t.tp / (t.tp + t.fp)), 11)}${pad(f3(t.tp / (t.tp + t.fn)), 8)}` +
        `${t.flagged} / ${t.fitting} = ${f3(t.flagged / t.fitting)}`,
    );
  }
  if (misses.length > 0) console.log(`\nDisagreements (+ hint given but not expected, - expected but not given):\n${misses.join('\n')}`);
}

const started = performance.now();
evaluateSets();
evaluateLatency();
await evaluateBundle();
evaluateHints();
console.log(`\nTotal run time ${((performance.now() - started) / 1000).toFixed(1)} s`);
