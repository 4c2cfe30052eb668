/**
 * Compares the API's index results with the reference's: value and each interval bound to 1e-9,
 * n exact (to 1e-9 where customers are pro-rated, so fractional), enough and unit exact. Returns the
 * differences in words (empty when they agree), so a failing property names what differs.
 */
import type { RefResult } from './rows.ts';
import { Z_GAP } from './known-gaps.ts';

export interface ApiResult {
  value: number | null;
  n: number;
  unit: string;
  ci: [number, number] | null;
  enough: boolean;
}

const TOLERANCE = 1e-9;
const CI_TOLERANCE = Z_GAP?.ciTolerance ?? TOLERANCE;
const near = (a: number | null, b: number | null, tolerance = TOLERANCE) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

export function differences(label: string, api: ApiResult | undefined, ref: RefResult | undefined): string[] {
  if (!api || !ref) return api === ref ? [] : [`${label}: api ${JSON.stringify(api)} vs reference ${JSON.stringify(ref)}`];
  const out: string[] = [];
  const say = (what: string, a: unknown, r: unknown) =>
    out.push(`${label} ${what}: api ${JSON.stringify(a)} vs reference ${JSON.stringify(r)}`);
  if (!near(api.value, ref.value)) say('value', api.value, ref.value);
  if (ref.unit === 'customers' ? !near(api.n, ref.n) : api.n !== ref.n) say('n', api.n, ref.n);
  if (api.unit !== ref.unit) say('unit', api.unit, ref.unit);
  if (api.enough !== ref.enough) say('enough', api.enough, ref.enough);
  const ci =
    api.ci === null || ref.ci === null
      ? api.ci === ref.ci
      : near(api.ci[0], ref.ci[0], CI_TOLERANCE) && near(api.ci[1], ref.ci[1], CI_TOLERANCE);
  if (!ci) say('ci', api.ci, ref.ci);
  return out;
}

/** Groups (breakdown or trend) compared by key; a group only one side lists is a difference. */
export function groupDifferences(label: string, api: Map<string, ApiResult>, ref: Map<string, RefResult>): string[] {
  const keys = [...new Set([...api.keys(), ...ref.keys()])].sort();
  return keys.flatMap((k) => differences(`${label}[${k}]`, api.get(k), ref.get(k)));
}
