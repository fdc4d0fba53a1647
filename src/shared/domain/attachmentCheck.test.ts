import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES as F } from '../testing/sampleFiles';
import { MAX_ATTACHMENT_BYTES } from './attachment';
import { attachmentProblem, attachmentTypeOf } from './attachmentCheck';

describe('attachmentProblem: what the hub stores', () => {
  it('takes each allowed type whose bytes are what it says, with or without an extension', () => {
    const good: Array<[string, string, Uint8Array]> = [
      ['dead-pixel.jpg', 'image/jpeg', F.jpeg],
      ['parcel.JPEG', 'image/jpeg', F.jpeg],
      ['screen.png', 'image/png', F.png],
      ['anim.gif', 'image/gif', F.gif],
      ['photo.webp', 'image/webp', F.webp],
      ['faktura.pdf', 'application/pdf', F.pdf],
      ['notatka.txt', 'text/plain; charset=utf-8', F.text],
      ['orders.csv', 'Text/CSV', F.csv],
      ['IMG_2041', 'image/jpeg', F.jpeg],
      ['Φωτογραφία σπασμένη.png', 'image/png', F.png],
      // An ending no type claims is part of the name: a date, a version, a scanner's counter.
      ['Scan 12.03.2026', 'image/jpeg', F.jpeg],
      ['report v1.2', 'application/pdf', F.pdf],
      ['notes.md', 'text/plain', F.text],
    ];
    for (const [name, type, bytes] of good) expect(attachmentProblem(name, type, bytes), name).toBeNull();
  });

  it('refuses a renamed program with a reason naming the file', () => {
    expect(attachmentProblem('invoice.pdf', 'application/pdf', F.exe)).toEqual({
      code: 'type-mismatch',
      message: 'the file "invoice.pdf" is declared as application/pdf, but its bytes are a program',
    });
    expect(attachmentProblem('readme.txt', 'text/plain', F.exe)?.message).toBe('the file "readme.txt" is declared as text/plain, but its bytes are a program');
    expect(attachmentProblem('photo.jpg', 'image/jpeg', F.elf)?.code).toBe('type-mismatch');
  });

  it('refuses bytes of another allowed type, saying which', () => {
    expect(attachmentProblem('photo.jpg', 'image/jpeg', F.png)?.message).toBe('the file "photo.jpg" is declared as image/jpeg, but its bytes are image/png');
    expect(attachmentProblem('scan.pdf', 'application/pdf', F.text)?.message).toContain('its bytes are something else');
    // RIFF alone is not WebP (a WAV file starts the same way).
    expect(attachmentProblem('a.webp', 'image/webp', new TextEncoder().encode('RIFF\0\0\0\0WAVE'))?.code).toBe('type-mismatch');
  });

  it('refuses text that is not UTF-8 or holds NUL bytes', () => {
    expect(attachmentProblem('a.txt', 'text/plain', new Uint8Array([0x61, 0xff, 0x62]))?.message).toBe(
      'the file "a.txt" is declared as text/plain, but its bytes are not UTF-8 text without NUL bytes',
    );
    expect(attachmentProblem('a.csv', 'text/csv', new TextEncoder().encode('a,b\0\n'))?.code).toBe('type-mismatch');
  });

  it('refuses a name ending in another allowed type’s extension', () => {
    expect(attachmentProblem('photo.jpg', 'image/png', F.png)).toEqual({
      code: 'type-mismatch',
      message: 'the file "photo.jpg" is declared as image/png, but its name ends in .jpg (expected .png)',
    });
    expect(attachmentProblem('orders.CSV', 'text/plain', F.text)?.message).toContain('ends in .csv (expected .txt or .text or .log)');
  });

  it('refuses a name ending in a program’s extension, whatever the type', () => {
    expect(attachmentProblem('setup.exe', 'image/png', F.png)).toEqual({
      code: 'type-mismatch',
      message: 'the file "setup.exe" is declared as image/png, but its name ends in .exe, a program\'s',
    });
    for (const name of ['photo.png.js', 'run.SH', 'invoice.pdf.scr', 'tool.ps1', 'game.apk', 'Thing.app ']) {
      expect(attachmentProblem(name, 'text/plain', F.text)?.code, name).toBe('type-mismatch');
    }
  });

  it('refuses types off the allow-list, bad names, empty and oversized files', () => {
    expect(attachmentProblem('x.html', 'text/html', new TextEncoder().encode('<script>'))).toMatchObject({ code: 'type-not-allowed' });
    expect(attachmentProblem('x.svg', 'image/svg+xml', new TextEncoder().encode('<svg/>'))?.message).toContain('"image/svg+xml", which is not allowed');
    expect(attachmentProblem('x', '', F.text)?.code).toBe('type-not-allowed');
    for (const name of ['../etc/passwd', 'a\\b.txt', 'a\nb.txt', 'tab\t.txt', '', '..', '   ', 'x'.repeat(201)]) {
      expect(attachmentProblem(name, 'text/plain', F.text)?.code, JSON.stringify(name)).toBe('bad-name');
    }
    expect(attachmentProblem('e.txt', 'text/plain', new Uint8Array(0))).toEqual({ code: 'empty', message: 'the file "e.txt" is empty' });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x61);
    expect(attachmentProblem('big.txt', 'text/plain', big)?.message).toBe(`the file "big.txt" is ${MAX_ATTACHMENT_BYTES + 1} bytes; the most is ${MAX_ATTACHMENT_BYTES}`);
    expect(attachmentProblem('max.txt', 'text/plain', big.subarray(1))).toBeNull();
  });

  it('reads a declared type as the allow-list spells it', () => {
    expect(attachmentTypeOf('IMAGE/PNG')).toBe('image/png');
    expect(attachmentTypeOf('text/plain;charset=utf-8')).toBe('text/plain');
    expect(attachmentTypeOf('application/x-msdownload')).toBeNull();
  });
});
