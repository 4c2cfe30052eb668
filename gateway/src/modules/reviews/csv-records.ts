import { parse } from 'csv-parse/sync';
import type { CsvDelimiter } from './review-file-text.ts';

/** One record of a CSV file by its header's names, and the line it ends on (a quoted field may span lines). */
export interface CsvRecord {
  record: Record<string, string>;
  line: number;
}

/** Restarts after malformed records before the rest of a file is left unread (each restart reads the rest again). */
const MAX_RESTARTS = 200;

/**
 * The records of a CSV file with a header row, and the lines that are not valid CSV. A malformed
 * record is named at the line it starts on, and reading starts again at the next line: an unclosed
 * quote no longer swallows the valid lines after it, nor is it reported where the damage surfaced.
 */
export function csvRecords(
  input: string,
  delimiter: CsvDelimiter,
): { records: CsvRecord[]; problems: { line: number; message: string }[] } {
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  const records: CsvRecord[] = [];
  const problems: { line: number; message: string }[] = [];
  const why = (error: unknown) => `not valid CSV: ${(error as Error).message.replace(/ at line \d+/, '')}`;
  let header: string[];
  try {
    header = ((parse(lines[0] ?? '', { delimiter }) as string[][])[0] ?? []).map((h) => h.trim());
  } catch (error) {
    return { records, problems: [{ line: 1, message: why(error) }] };
  }
  let from = 2;
  for (let restarts = 0; from <= lines.length; restarts++) {
    if (restarts > MAX_RESTARTS) {
      problems.push({ line: from, message: 'not read: too many lines that are not valid CSV before it' });
      break;
    }
    const offset = from - 1;
    let lastEnd = offset;
    try {
      parse(lines.slice(offset).join('\n'), {
        columns: header,
        delimiter,
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
        on_record: ({ record, info }: { record: Record<string, string>; info: { lines: number } }) => {
          records.push({ record, line: info.lines + offset });
          lastEnd = info.lines + offset;
          return null;
        },
      });
      break;
    } catch (error) {
      let bad = lastEnd + 1;
      while (bad <= lines.length && lines[bad - 1]!.trim() === '') bad++;
      problems.push({ line: bad, message: why(error) });
      from = bad + 1;
    }
  }
  return { records, problems };
}
