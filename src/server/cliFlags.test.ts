import { describe, expect, it, vi } from 'vitest';
import { DEMO_FLAGS, demoOptions, mailboxFromFlags, parseFlags, publicUrlFlag, type Fail } from './cliFlags';

const fail: Fail = (message, usage) => {
  throw new Error(`${message}${usage ? ' (usage)' : ''}`);
};

describe('command-line flags shared by npm run hub and npm run cluster', () => {
  it('reads the demo flags with their defaults, and --no-seed as no seed', () => {
    expect(demoOptions({}, fail)).toEqual({ seed: 1, customers: 3000, interactions: 30000, simulate: 0 });
    const parsed = parseFlags(['--no-seed', '--customers', '10', '--simulate', '0.5'], DEMO_FLAGS, 'usage', fail);
    expect(demoOptions(parsed!.values, fail)).toEqual({ seed: null, customers: 10, interactions: 30000, simulate: 0.5 });
  });

  it('refuses a count that is not a whole number, one below its least, a negative rate, and an unknown flag, each with the usage', () => {
    expect(() => demoOptions({ customers: '2.5' }, fail)).toThrow('--customers needs a whole number of at least 1, got "2.5" (usage)');
    expect(() => demoOptions({ interactions: '0' }, fail)).toThrow('--interactions needs a whole number of at least 1');
    expect(() => demoOptions({ seed: 'x' }, fail)).toThrow('--seed needs a whole number of at least 0');
    expect(() => demoOptions({ simulate: '-1' }, fail)).toThrow('--simulate needs a number of at least 0');
    expect(() => parseFlags(['--sead', '2'], DEMO_FLAGS, 'usage', fail)).toThrow(/--sead.*\(usage\)$/);
  });

  it('prints the usage for --help and -h and answers null', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(parseFlags(['-h'], DEMO_FLAGS, 'the usage', fail)).toBeNull();
    expect(log).toHaveBeenCalledWith('the usage');
    log.mockRestore();
  });
});

describe('a mailbox given by flags', () => {
  it('reads the outbound server and a listener, or an IMAP mailbox, from URLs', () => {
    expect(mailboxFromFlags({}, fail, 5)).toBeNull();
    expect(mailboxFromFlags({ 'mail-address': 'Help@Shop.example', 'smtp-url': 'smtp://hub:p%40ss@127.0.0.1:2525', 'smtp-listen': '127.0.0.1:2526' }, fail, 5)).toEqual({
      address: 'help@shop.example',
      name: 'Customer service',
      smtp: { host: '127.0.0.1', port: 2525, secure: false, user: 'hub', password: 'p@ss' },
      inbound: { kind: 'smtp', host: '127.0.0.1', port: 2526 },
      updatedAt: 5,
    });
    const imap = mailboxFromFlags({ 'mail-address': 'help@shop.example', 'mail-name': 'Shop', 'smtp-url': 'smtps://mail.example', 'imap-url': 'imaps://support:pw@mail.example/Support%2FIn?poll=30' }, fail, 5);
    expect(imap).toMatchObject({ name: 'Shop', smtp: { host: 'mail.example', port: 465, secure: true }, inbound: { kind: 'imap', host: 'mail.example', port: 993, secure: true, user: 'support', password: 'pw', folder: 'Support/In', pollSeconds: 30 } });
  });

  it('refuses what is missing or malformed, naming the flag', () => {
    expect(() => mailboxFromFlags({ 'smtp-url': 'smtp://h:25' }, fail, 0)).toThrow('--smtp-url needs --mail-address');
    expect(() => mailboxFromFlags({ 'mail-address': 'a@b.example', 'smtp-listen': 'h:25' }, fail, 0)).toThrow('needs --smtp-url');
    expect(() => mailboxFromFlags({ 'mail-address': 'a@b.example', 'smtp-url': 'smtp://h:25' }, fail, 0)).toThrow('one of --smtp-listen and --imap-url');
    expect(() => mailboxFromFlags({ 'mail-address': 'a@b.example', 'smtp-url': 'http://h', 'smtp-listen': 'h:25' }, fail, 0)).toThrow('--smtp-url needs a smtp:// or smtps:// URL');
    expect(() => mailboxFromFlags({ 'mail-address': 'a@b.example', 'smtp-url': 'smtp://h:25', 'smtp-listen': 'nowhere' }, fail, 0)).toThrow('--smtp-listen needs HOST:PORT');
    expect(() => mailboxFromFlags({ 'mail-address': 'a@b.example', 'smtp-url': 'smtp://h:25', 'smtp-listen': 'h:99999' }, fail, 0)).toThrow('inbound.port');
    expect(() => mailboxFromFlags({ 'mail-address': 'a@b.example', 'smtp-url': 'smtp://h:25', 'imap-url': 'imap://h/INBOX?poll=1' }, fail, 0)).toThrow('inbound.user');
    expect(() => mailboxFromFlags({ 'mail-address': 'nobody', 'smtp-url': 'smtp://h:25', 'smtp-listen': 'h:25' }, fail, 0)).toThrow('--mail-address: "nobody"');
  });
});

describe('--public-url', () => {
  it('takes an http or https address, without its trailing slash, and nothing when not given', () => {
    expect(publicUrlFlag(fail, undefined)).toBeUndefined();
    expect(publicUrlFlag(fail, 'https://help.shop.example/')).toBe('https://help.shop.example');
    expect(publicUrlFlag(fail, 'http://127.0.0.1:8080/hub/')).toBe('http://127.0.0.1:8080/hub');
  });

  it('refuses what is not an http or https address, and one with a password, query or fragment', () => {
    expect(() => publicUrlFlag(fail, 'help.shop.example')).toThrow('--public-url needs an http:// or https:// URL, got "help.shop.example"');
    expect(() => publicUrlFlag(fail, 'ftp://shop.example')).toThrow(/needs an http:\/\/ or https:\/\//);
    expect(() => publicUrlFlag(fail, 'https://u:p@shop.example')).toThrow(/without a user, password, query or fragment/);
    expect(() => publicUrlFlag(fail, 'https://shop.example/?a=1')).toThrow(/without a user/);
    expect(() => publicUrlFlag(fail, 'https://shop.example/#x')).toThrow(/without a user/);
  });
});
