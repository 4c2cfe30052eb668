/**
 * What the reference computes from: the raw rows as stored (answers read back from the answers
 * table, with the misuse flag ingest gave them) plus what the test itself fed (which answers form
 * one kiosk run, customers-served periods, shifts, sites and their zones, surveys). Nothing here is
 * computed by the product.
 */

export interface RawAnswer {
  deviceId: string;
  boot: number;
  seq: number;
  siteId: string;
  pointId: string;
  staffId: string | null;
  surveyId: string | null;
  questionId: string | null;
  scale: string;
  /** null: skipped */
  value: number | null;
  occurredAt: number;
  misuse: boolean;
  /** the response this answer belongs to, as the test fed it: "<device>/<boot>/<seq>" or "<device>/<boot>/r<run>" */
  response: string;
}

export interface RawSurvey {
  id: string;
  questions: { id: string; number: number; scale: string; importanceOf?: string }[];
}

export interface RawCustomers {
  pointId: string;
  from: number;
  to: number;
  count: number;
}

export interface RawShift {
  staffId: string;
  pointId: string;
  from: number;
  to: number;
}

export interface RawWorld {
  sites: { id: string; timeZone: string }[];
  points: { id: string; siteId: string }[];
  /** surveyId: a survey terminal's survey (a device with one is a kiosk, METRICS.md channels) */
  devices: { id: string; pointId: string; surveyId?: string }[];
  surveys: RawSurvey[];
  answers: RawAnswer[];
  customers: RawCustomers[];
  shifts: RawShift[];
  /** the minimum n below which a figure is not "enough" */
  minN: number;
}

export interface RefFilter {
  siteId?: string;
  pointId?: string;
  deviceId?: string;
  staffId?: string;
  surveyId?: string;
  questionId?: string;
  from: number;
  to: number;
}

export type Unit = 'answers' | 'responses' | 'customers' | 'faces';

export interface RefResult {
  value: number | null;
  n: number;
  unit: Unit;
  ci: [number, number] | null;
  enough: boolean;
}

/** The answers a filter chooses (range on occurredAt, every named field equal). */
export function chosen(world: RawWorld, f: RefFilter, a: RawAnswer): boolean {
  return (
    a.occurredAt >= f.from &&
    a.occurredAt < f.to &&
    (f.siteId === undefined || a.siteId === f.siteId) &&
    (f.pointId === undefined || a.pointId === f.pointId) &&
    (f.deviceId === undefined || a.deviceId === f.deviceId) &&
    (f.staffId === undefined || a.staffId === f.staffId) &&
    (f.surveyId === undefined || a.surveyId === f.surveyId) &&
    (f.questionId === undefined || a.questionId === f.questionId)
  );
}

/** An answer counts when it is neither misuse nor skipped. */
export function counts(a: RawAnswer): boolean {
  return !a.misuse && a.value !== null;
}
