import { describe, expect, it } from 'vitest';
import { charsetOf, csvDelimiter, decodeReviewFile } from '../src/modules/reviews/review-file-text.ts';
import { parseReviewCsv } from '../src/modules/reviews/review-import.ts';

/** cp1251 bytes written by hand (А = 0xC0 … я = 0xFF, ё = 0xB8): an encoder the test does not share with the product. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (c === 'ё') return 0xb8;
      throw new Error(`not in the test's cp1251 table: ${c}`);
    }),
  );
}

const RUSSIAN_EXCEL =
  'platform;id;date;author;rating;text\r\nyandex;y-1;01.12.2026;Иван;2;Долго ждали, касса одна\r\nyandex;y-2;02.12.2026;Мария;5;Всё отлично\r\n';

describe('reading a review file as it was written', () => {
  it('reads a Russian Excel export (cp1251, semicolons, DD.MM.YYYY dates) without replacement characters', () => {
    const { text, encoding } = decodeReviewFile(cp1251(RUSSIAN_EXCEL));
    expect(encoding).toBe('windows-1251');
    expect(text).toBe(RUSSIAN_EXCEL);
    expect(csvDelimiter(text)).toBe(';');
    const parsed = parseReviewCsv(text, { now: Date.UTC(2026, 11, 5), timeZone: 'Europe/Moscow' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.reviews.map((r) => [r.author, r.text, r.publishedAt])).toEqual([
      // a date alone is the site's local midnight: 1 December 00:00 in Moscow (UTC+3) is 30 November 21:00 UTC
      ['Иван', 'Долго ждали, касса одна', Date.UTC(2026, 10, 30, 21)],
      ['Мария', 'Всё отлично', Date.UTC(2026, 11, 1, 21)],
    ]);
  });

  it('reads UTF-8 with or without a byte-order mark, and GB18030 Chinese', () => {
    const utf8 = new TextEncoder().encode('platform,id,date,text\nmaps,1,2026-12-01,很好\n');
    expect(decodeReviewFile(utf8)).toEqual({ text: 'platform,id,date,text\nmaps,1,2026-12-01,很好\n', encoding: 'utf-8' });
    expect(decodeReviewFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text.startsWith('platform')).toBe(true);
    // 很好 in GB18030 (GBK): BA DC BA C3
    const gb = Uint8Array.from([...new TextEncoder().encode('text\n'), 0xba, 0xdc, 0xba, 0xc3, 0x0a]);
    expect(decodeReviewFile(gb)).toEqual({ text: 'text\n很好\n', encoding: 'gb18030' });
  });

  it('takes the charset a request names, and tells the delimiters apart by the header', () => {
    expect(charsetOf('text/csv; charset=windows-1251')).toBe('windows-1251');
    expect(charsetOf('text/csv;charset="UTF-8"')).toBe('utf-8');
    expect(charsetOf('text/csv')).toBeUndefined();
    expect(csvDelimiter('platform\tid\tdate\n')).toBe('\t');
    expect(csvDelimiter('"a;b",platform,id\n')).toBe(',');
    expect(csvDelimiter('platform\n')).toBe(',');
  });

  it('reads an ISO date alone as the site-local midnight, and keeps a date-time with its offset', () => {
    const csv = 'platform,id,date,text\nmaps,1,2026-12-01,ok\nmaps,2,2026-12-01T10:00:00Z,ok\nmaps,3,31.02.2026,bad\n';
    const parsed = parseReviewCsv(csv, { now: Date.UTC(2026, 11, 5), timeZone: 'Asia/Shanghai' });
    expect(parsed.reviews.map((r) => r.publishedAt)).toEqual([Date.UTC(2026, 10, 30, 16), Date.UTC(2026, 11, 1, 10)]);
    expect(parsed.problems).toEqual([{ line: 4, message: expect.stringMatching(/^date/) }]);
  });

  it('names an unclosed quote at the line it starts on and loses no valid line after it', () => {
    const csv = [
      'platform,id,date,text',
      'maps,1,2026-12-01,ok',
      '',
      'maps,2,2026-12-01,"unclosed text',
      'maps,3,2026-12-02,fine',
      'maps,4,2026-12-03,"good, quoted',
      'over two lines"',
      'maps,5,2026-12-03,last',
    ].join('\n');
    const parsed = parseReviewCsv(csv, { now: Date.UTC(2026, 11, 5) });
    expect(parsed.problems).toEqual([{ line: 4, message: expect.stringMatching(/^not valid CSV/) }]);
    expect(parsed.reviews.map((r) => [r.externalId, r.text, r.at.line])).toEqual([
      ['1', 'ok', 2],
      ['3', 'fine', 5],
      ['4', 'good, quoted\nover two lines', 7],
      ['5', 'last', 8],
    ]);
  });
});
