import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, EVENT_NAMES, events, isChannelName } from './contract';

describe('IPC contract', () => {
  it('names channels and events as area.action', () => {
    for (const name of [...CHANNEL_NAMES, ...EVENT_NAMES]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('refuses unknown fields in every input, so a typo never passes silently', () => {
    for (const name of CHANNEL_NAMES) {
      const result = channels[name].input.safeParse({ unexpected: 1 });
      expect(result.success, name).toBe(false);
    }
  });

  it('fills defaults and bounds sizes', () => {
    expect(channels['inbox.list'].input.parse({})).toMatchObject({ sort: 'waiting', limit: 500 });
    expect(channels['inbox.list'].input.safeParse({ limit: 10_001 }).success).toBe(false);
    expect(channels['case.reply'].input.safeParse({ caseId: 'c1', channel: 'chat', text: '   ' }).success).toBe(false);
    expect(channels['auth.signIn'].input.parse({ username: 'a1', password: 'x' }).mode).toBe('auto');
    expect(channels['attachment.upload'].input.safeParse({ name: 'screen\udc00.png', type: 'image/png', data: '' }).success).toBe(false);
    expect(channels['attachment.upload'].input.safeParse({ name: 'zdjęcie 📷.png', type: 'image/png', data: '' }).success).toBe(true);
  });

  it('checks the web chat channels as the hub does', () => {
    expect(channels['admin.setWebchat'].input.parse({ allowedOrigins: ['HTTPS://Shop.Example', 'http://localhost:8080'] })).toEqual({
      allowedOrigins: ['https://shop.example', 'http://localhost:8080'],
    });
    for (const origin of ['https://shop.example/', 'javascript:alert(1)', 'shop.example']) {
      expect(channels['admin.setWebchat'].input.safeParse({ allowedOrigins: [origin] }).success, origin).toBe(false);
    }
    expect(channels['admin.setWebchat'].input.safeParse({ allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example`) }).success).toBe(false);
    expect(channels['reference.articles'].input.safeParse({ articleIds: [] }).success).toBe(false);
    expect(channels['reference.articles'].input.safeParse({ articleIds: Array.from({ length: 101 }, (_, i) => `kb-${i}`) }).success).toBe(false);
    expect(channels['supervisor.selfService'].input.safeParse({ since: -1 }).success).toBe(false);
    expect(events['visitor.typing'].safeParse({ caseId: 'c1', typing: 'yes' }).success).toBe(false);
  });

  it('knows its own channel names and nothing inherited', () => {
    expect(isChannelName('case.view')).toBe(true);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
  });
});
