import { DateTime } from 'luxon';
import { csvDelimiter, type CsvDelimiter } from './review-file-text.ts';
import { csvRecords } from './csv-records.ts';
import type { IncomingReview } from './review.ts';
import { ratingOutOfFive } from './sentiment.ts';

/** A row that could not be imported: by line (CSV, JSON lines) or by item (a JSON array), with why. */
export interface ImportProblem {
  line?: number;
  item?: number;
  message: string;
}

export interface ParsedReviews {
  reviews: (IncomingReview & { at: { line?: number; item?: number } })[];
  problems: ImportProblem[];
  /** a CSV file's delimiter, as read from its header */
  delimiter?: CsvDelimiter;
}

/** When the reviews are read (a date in the future is refused) and the site's zone (a date alone is its local midnight). */
export interface ReadingContext {
  now?: number;
  timeZone?: string;
}

const MAX_TEXT = 10_000;
const PLATFORM = /^[\p{L}\p{N} ._-]{1,64}$/u;

function text(value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === '' ? null : s.slice(0, max);
}

/**
 * A date-time with its offset, epoch seconds or ms, or a date alone (2026-12-01, or 01.12.2026 as a
 * Russian Excel writes it): a date alone is that day's midnight in the site's zone, not UTC's.
 */
function instant(value: unknown, timeZone: string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? (value < 1e11 ? value * 1000 : value) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return instant(Number(trimmed), timeZone);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const dateOnly = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : trimmed;
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOnly)) {
    const day = DateTime.fromISO(dateOnly, { zone: timeZone });
    return day.isValid ? day.toMillis() : undefined;
  }
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

/** One row's fields, checked: the review, or what is wrong with it. */
export function reviewFromRow(row: Record<string, unknown>, now = Date.now(), timeZone = 'UTC'): IncomingReview | string {
  const platform = text(row.platform, 64);
  if (!platform || !PLATFORM.test(platform)) return 'platform is missing or has characters other than letters, digits, space, dot, dash';
  const publishedAt = instant(row.date ?? row.publishedAt, timeZone);
  if (publishedAt === undefined) return 'date is missing or not a date (ISO 8601, YYYY-MM-DD, DD.MM.YYYY or epoch seconds/ms)';
  if (publishedAt > now + 86_400_000) return 'date is in the future';
  const externalId = text(row.id ?? row.externalId, 200);
  const link = text(row.link ?? row.url, 2000);
  if (link && !/^https?:\/\/\S+$/.test(link)) return 'link is not an http(s) address';
  if (!externalId && !link) return 'neither an id nor a link: the review could not be told apart from others';
  let rating: number | null = null;
  const rawRating = row.rating;
  if (rawRating !== undefined && rawRating !== null && String(rawRating).trim() !== '') {
    const max = row.ratingMax === undefined || row.ratingMax === '' ? 5 : Number(row.ratingMax);
    const value = Number(String(rawRating).replace(',', '.'));
    if (!Number.isFinite(max) || max < 2 || max > 100) return 'ratingMax must be a number from 2 to 100';
    if (!Number.isFinite(value) || value < 1 || value > max) return `rating must be a number from 1 to ${max}`;
    rating = Math.round(ratingOutOfFive(value, max) * 100) / 100;
  }
  const body = text(row.text, MAX_TEXT);
  if (rating === null && !body) return 'neither a rating nor a text';
  return { platform: platform.toLowerCase(), externalId, link, publishedAt, author: text(row.author, 200), rating, text: body };
}

/** CSV with a header row (platform,id,date,author,rating,ratingMax,text,link), delimited by commas, semicolons or tabs; quoted fields may span lines. */
export function parseReviewCsv(input: string, { now = Date.now(), timeZone = 'UTC' }: ReadingContext = {}): ParsedReviews {
  const delimiter = csvDelimiter(input);
  const { records, problems } = csvRecords(input, delimiter);
  const result: ParsedReviews = { reviews: [], problems, delimiter };
  for (const { record, line } of records) {
    const review = reviewFromRow(record, now, timeZone);
    if (typeof review === 'string') result.problems.push({ line, message: review });
    else result.reviews.push({ ...review, at: { line } });
  }
  result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}

/** A JSON array of review objects, or JSON lines (one object per line). */
export function parseReviewJson(input: string, { now = Date.now(), timeZone = 'UTC' }: ReadingContext = {}): ParsedReviews {
  const result: ParsedReviews = { reviews: [], problems: [] };
  const add = (value: unknown, at: { line?: number; item?: number }) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return result.problems.push({ ...at, message: 'not an object' });
    const review = reviewFromRow(value as Record<string, unknown>, now, timeZone);
    if (typeof review === 'string') result.problems.push({ ...at, message: review });
    else result.reviews.push({ ...review, at });
  };
  const trimmed = input.trim();
  if (trimmed.startsWith('[')) {
    let items: unknown[];
    try {
      items = JSON.parse(trimmed) as unknown[];
    } catch (error) {
      return { reviews: [], problems: [{ line: 1, message: `not valid JSON: ${(error as Error).message}` }] };
    }
    items.forEach((item, i) => add(item, { item: i + 1 }));
    return result;
  }
  input.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      add(JSON.parse(line), { line: i + 1 });
    } catch {
      result.problems.push({ line: i + 1, message: 'not valid JSON' });
    }
  });
  return result;
}
