/**
 * What a review file says before it is parsed: its text in the right encoding, and the CSV delimiter
 * its header uses. A Russian Excel export is cp1251 with semicolons; a Chinese one may be GB18030;
 * a UTF-8 file may or may not start with a byte-order mark. Nothing is replaced silently: the file is
 * read in the encoding the request names, else UTF-8 when it is valid UTF-8, else cp1251 or GB18030,
 * whichever it reads as (see readsAsCyrillic) — and the result says which.
 */
export const FILE_ENCODINGS = ['utf-8', 'windows-1251', 'gb18030'] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

const CHARSET_NAMES: Record<string, FileEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1251': 'windows-1251',
  cp1251: 'windows-1251',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** The charset a Content-Type header names, if it is one the import reads. */
export function charsetOf(contentType: string | undefined): FileEncoding | undefined {
  const m = /;\s*charset="?([\w-]+)"?/i.exec(contentType ?? '');
  return m ? CHARSET_NAMES[m[1]!.toLowerCase()] : undefined;
}

/**
 * Whether bytes that are not UTF-8 read as Russian in cp1251 rather than as Chinese in GB18030. GB18030
 * takes its non-ASCII bytes in pairs, so a Russian word of odd length breaks it (a replacement
 * character); and running Russian text is mostly lower-case letters (а–я), which the bytes of Chinese
 * text, read as cp1251, are not.
 */
function readsAsCyrillic(cyrillic: string, chinese: string): boolean {
  if (chinese.includes('\uFFFD')) return true;
  const nonAscii = [...cyrillic].filter((c) => c.charCodeAt(0) > 0x7f);
  const lower = nonAscii.filter((c) => /[а-яё]/.test(c)).length;
  return nonAscii.length > 0 && lower / nonAscii.length >= 0.6;
}

/** The file's text and the encoding it was read in. */
export function decodeReviewFile(bytes: Uint8Array, named?: FileEncoding): { text: string; encoding: FileEncoding } {
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : undefined;
  if (named) return { text: new TextDecoder(named).decode(withoutBom ?? bytes), encoding: named };
  if (withoutBom) return { text: new TextDecoder('utf-8').decode(withoutBom), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const cyrillic = new TextDecoder('windows-1251').decode(bytes);
    const chinese = new TextDecoder('gb18030').decode(bytes);
    return readsAsCyrillic(cyrillic, chinese) ? { text: cyrillic, encoding: 'windows-1251' } : { text: chinese, encoding: 'gb18030' };
  }
}

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The delimiter of a CSV file: the one its header line (outside quotes) uses most; a comma when none. */
export function csvDelimiter(text: string): CsvDelimiter {
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .replace(/"[^"]*"/g, '');
  let best: CsvDelimiter = ',';
  let most = 0;
  for (const d of CSV_DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}
