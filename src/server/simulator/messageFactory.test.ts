import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/domain';
import { InboundMessageSchema, type InboundMessage } from '../../shared/protocol/http';
import { LANGUAGE_PACKS } from '../seed/text/languagePacks';
import { createMessageFactory } from './messageFactory';
import { seededTestSource } from './testSource';

const source = seededTestSource();
const NOW = Date.UTC(2025, 5, 1);

/** The first `n` messages of a factory, over a fresh source (the source hands out survey cases as it goes). */
function sample(seed: number, n: number): InboundMessage[] {
  const factory = createMessageFactory({ seed, source: seededTestSource(), runId: 'test', now: () => NOW });
  return Array.from({ length: n }, () => factory.next());
}

const messages = sample(1, 3_000);
const share = (pred: (m: InboundMessage) => boolean, of = messages): number => of.filter(pred).length / of.length;

describe('createMessageFactory', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(sample(1, 200)).toEqual(messages.slice(0, 200));
    expect(sample(2, 200)).not.toEqual(messages.slice(0, 200));
  });

  it('writes only valid, uniquely identified inbound messages', () => {
    for (const m of messages) InboundMessageSchema.parse(m);
    expect(new Set(messages.map((m) => m.externalId)).size).toBe(messages.length);
  });

  it('uses every channel and all three languages', () => {
    expect(new Set(messages.map((m) => m.channel))).toEqual(new Set(CHANNELS));
    const texts = messages.map((m) => m.text).join('\n');
    expect(texts).toMatch(/[α-ωά-ώ]{4}/);
    expect(texts).toMatch(/[ąęłśżź]/);
    expect(texts).toMatch(/\bthe\b/);
  });

  it('writes in every mood', () => {
    const texts = messages.map((m) => m.text);
    for (const mood of ['angry', 'anxious', 'happy'] as const) {
      const openers = Object.values(LANGUAGE_PACKS).flatMap((p) => p.moodOpeners[mood]);
      expect(texts.some((t) => openers.some((o) => t.startsWith(o)))).toBe(true);
    }
  });

  it('writes mostly as returning customers and partly as new people', () => {
    const knownIds = new Set(source.known.flatMap((k) => [k.email, k.phone, k.handle, k.loyaltyNumber]).filter(Boolean));
    const contacts = messages.filter((m) => !m.survey && !m.call);
    const returning = share((m) => Object.values(m.from).some((v) => knownIds.has(v as string)), contacts);
    expect(returning).toBeGreaterThan(0.45);
    expect(returning).toBeLessThan(0.8);
  });

  it('answers about one survey in eight, a third of them low enough to raise an alert', () => {
    const surveys = messages.filter((m) => m.survey);
    expect(surveys.length / messages.length).toBeGreaterThan(0.08);
    expect(surveys.length / messages.length).toBeLessThan(0.17);
    const low = share((m) => m.survey!.score <= 4, surveys);
    expect(low).toBeGreaterThan(0.2);
    expect(low).toBeLessThan(0.48);
    // Each case is answered once.
    expect(new Set(surveys.map((m) => m.survey!.caseId)).size).toBe(surveys.length);
  });

  it('plays phone calls as ringing, answered, then ended, from one phone with one call id', () => {
    const calls = new Map<string, InboundMessage[]>();
    for (const m of messages) if (m.call) calls.set(m.call.id, [...(calls.get(m.call.id) ?? []), m]);
    const complete = [...calls.values()].filter((c) => c.length === 3);
    expect(complete.length).toBeGreaterThan(50);
    for (const call of complete) {
      expect(call.map((m) => m.call!.state)).toEqual(['ringing', 'answered', 'ended']);
      expect(new Set(call.map((m) => m.from.phone)).size).toBe(1);
      expect(call[0].from.phone).toBeTruthy();
      const ended = call[2].call!;
      expect(ended.durationSec).toBeGreaterThan(0);
      expect(ended.outcome).toBeTruthy();
      expect(ended.notes).toBeTruthy();
    }
  });

  it('describes video chats, continues some in a store, and follows up on the same subject', () => {
    const videos = messages.filter((m) => m.channel === 'video');
    expect(videos.every((m) => m.video && m.video.summary && m.video.notes)).toBe(true);
    expect(messages.filter((m) => m.channel === 'store').every((m) => m.store?.storeId)).toBe(true);
    const subjects = messages.filter((m) => m.channel === 'email').map((m) => `${m.from.email} ${m.subject}`);
    expect(new Set(subjects).size).toBeLessThan(subjects.length);
  });
});
