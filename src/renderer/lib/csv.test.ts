import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('starts with a byte order mark and ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe(`${BOM}a,b\r\n1,2\r\n`);
    expect(toCsv([])).toBe(BOM);
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces, doubling the quotes', () => {
    expect(toCsv([['Refund, please', 'She said "now"', 'two\nlines', 'cr\rhere', ' padded', 'plain']])).toBe(
      `${BOM}"Refund, please","She said ""now""","two\nlines","cr\rhere"," padded",plain\r\n`,
    );
  });

  it('keeps empty fields and letters of every language as they are', () => {
    expect(toCsv([['', 'Zażółć gęślą jaźń', 'Καλημέρα', '']])).toBe(`${BOM},Zażółć gęślą jaźń,Καλημέρα,\r\n`);
  });
});
