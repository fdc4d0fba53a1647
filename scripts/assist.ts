/**
 * Command line for measuring the assist engine. Reads JSON lines on stdin and writes one JSON line per input
 * line on stdout (a malformed line gets {"error": "..."} and the run goes on).
 *
 *   npm run --silent assist -- classify     {"messages": ["...", ...]}
 *   npm run --silent assist -- check        {"customer": ["..."], "draft": "...", "channel"?: "chat"}
 *   npm run --silent assist -- next-steps   {"case": Case, "interactions": [...], "articles": [...], "now"?: ISO or ms, "feedback"?: {...}}
 *
 * Option --lang en|pl|el (default en) picks the language of the human-readable `message` / `reason` fields.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import { CaseSchema, ChannelSchema, InteractionSchema, KbArticleSchema, LANGS, type Lang } from '../src/shared/domain';
import { checkDraft, classifyCustomer, NEXT_STEP_KINDS, suggestNextSteps, type FeedbackModel } from '../src/shared/assist';
import { addDurationFormat } from '../src/renderer/lib/format';

const COMMANDS = ['classify', 'check', 'next-steps'] as const;
type Command = (typeof COMMANDS)[number];
/** Customer messages read for the state in next-steps: the newest few say how they feel now. */
const STATE_MESSAGES = 5;

const ClassifyInput = z.object({ messages: z.array(z.string()) });
const CheckInput = z.object({ customer: z.array(z.string()), draft: z.string(), channel: ChannelSchema.optional() });
const FeedbackSchema = z.object({
  version: z.literal(1),
  kinds: z.partialRecord(z.enum(NEXT_STEP_KINDS), z.object({ accepted: z.number().nonnegative(), dismissed: z.number().nonnegative() })),
});
const NextStepsInput = z.object({
  case: CaseSchema,
  interactions: z.array(InteractionSchema),
  articles: z.array(KbArticleSchema),
  now: z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]).optional(),
  feedback: FeedbackSchema.optional(),
});

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run --silent assist -- <${COMMANDS.join('|')}> [--lang en|pl|el] < input.jsonl\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): { command: Command; lang: Lang } {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as Command)) usage(`unknown command: ${command ?? '(none)'}`);
  let lang: Lang = 'en';
  for (let i = 0; i < rest.length; i++) {
    const value = rest[i + 1];
    if (rest[i] === '--lang' && LANGS.includes(value as Lang)) {
      lang = value as Lang;
      i++;
    } else usage(`unknown option: ${rest[i]}`);
  }
  return { command: command as Command, lang };
}

async function loadTranslations(lang: Lang): Promise<TFunction> {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, '../src/shared/i18n/locales', lang, 'assist.json');
  const resources = { [lang]: { assist: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> } };
  const instance = i18next.createInstance();
  await instance.init({ lng: lang, resources, ns: ['assist'], defaultNS: 'assist', interpolation: { escapeValue: false } });
  // Reasons carry lengths of time in milliseconds, written as the workstation writes them.
  addDurationFormat(instance);
  return instance.t;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`invalid input: ${describe(result.error)}`);
  return result.data;
}

function run(command: Command, value: unknown, t: TFunction): unknown {
  switch (command) {
    case 'classify':
      return classifyCustomer(parse(ClassifyInput, value).messages);
    case 'check': {
      const input = parse(CheckInput, value);
      const result = checkDraft(classifyCustomer(input.customer), input.draft, { channel: input.channel });
      return { ...result, hints: result.hints.map((h) => ({ ...h, message: t(h.messageKey, h.params ?? {}) })) };
    }
    case 'next-steps': {
      const input = parse(NextStepsInput, value);
      const now = input.now === undefined ? Date.now() : typeof input.now === 'number' ? input.now : Date.parse(input.now);
      const customerMessages = input.interactions
        .filter((i) => i.direction === 'inbound' && i.caseId === input.case.id)
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice(-STATE_MESSAGES)
        .map((i) => i.text);
      const state = classifyCustomer(customerMessages);
      const feedback = input.feedback as FeedbackModel | undefined;
      const steps = suggestNextSteps({ case: input.case, interactions: input.interactions, articles: input.articles, state, now, feedback });
      return { state, steps: steps.map((s) => ({ ...s, reason: t(s.reasonKey, s.params) })) };
    }
  }
}

async function main(): Promise<void> {
  const { command, lang } = parseArgs(process.argv.slice(2));
  const t = await loadTranslations(lang);
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    let output: unknown;
    try {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new Error(`invalid JSON: ${(error as Error).message}`);
      }
      output = run(command, value, t);
    } catch (error) {
      output = { error: `line ${lineNumber}: ${(error as Error).message}` };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
}

await main();
