/**
 * Brute-force reference of METRICS.md "Responses" and "Against traffic", from the raw rows alone.
 *
 * Responses: the answers the test fed as one press or one kiosk run form one response. It counts when
 * at least one of its answers counts (not misuse, not skipped); its time is its first answer's time;
 * a filter chooses it when its time is in the range and one of its counted answers passes the other
 * filters. Headline: the press, or the answer to the survey's first smiley/nps11/csat5/ces7 question;
 * negative/positive by the lower/upper part of that scale; a skipped or misuse headline is neither.
 *
 * Customers: each customers-served period counts customers × overlap / period length; narrowed by site
 * and point (their points), device (its point) and staff (their points, only during their shifts,
 * pro-rated the same way); channel, survey and question leave them as they are.
 *
 * responseRate / criticality / support = all / negative / positive responses ÷ customers · 100;
 * n = customers (fractional), unit 'customers', no interval, value null without customers.
 */
import { chosen, counts, type RawAnswer, type RawWorld, type RefFilter, type RefResult } from './rows.ts';

export const TRAFFIC_INDICES = ['responseRate', 'criticality', 'support'] as const;
export type TrafficIndex = (typeof TRAFFIC_INDICES)[number];

const HEADLINE_SCALES = /^(smiley\d+|nps11|csat5|ces7)$/;

export interface RefResponse {
  key: string;
  at: number;
  pointId: string;
  siteId: string;
  answers: RawAnswer[];
  polarity: 'negative' | 'positive' | 'neither';
}

function polarity(a: RawAnswer | undefined): RefResponse['polarity'] {
  if (!a || !counts(a)) return 'neither';
  const v = a.value!;
  const k = /^smiley(\d+)$/.exec(a.scale);
  if (k) return 2 * v < Number(k[1]) - 1 ? 'negative' : 2 * v > Number(k[1]) - 1 ? 'positive' : 'neither';
  const [low, high] = a.scale === 'nps11' ? [6, 9] : a.scale === 'csat5' ? [2, 4] : [3, 5];
  return v <= low ? 'negative' : v >= high ? 'positive' : 'neither';
}

/** Every counted response of the world. */
export function responses(world: RawWorld): RefResponse[] {
  const groups = new Map<string, RawAnswer[]>();
  for (const a of world.answers) groups.set(a.response, [...(groups.get(a.response) ?? []), a]);
  const out: RefResponse[] = [];
  for (const [key, answers] of groups) {
    if (!answers.some(counts)) continue;
    const first = answers.reduce((x, y) => (y.seq < x.seq ? y : x));
    const survey = world.surveys.find((s) => s.id === first.surveyId);
    const headlineQuestion = survey?.questions.find((q) => HEADLINE_SCALES.test(q.scale))?.id;
    const headline = survey ? answers.find((a) => a.questionId === headlineQuestion) : first;
    out.push({ key, at: first.occurredAt, pointId: first.pointId, siteId: first.siteId, answers, polarity: polarity(headline) });
  }
  return out;
}

/** The responses a filter chooses. */
export function chosenResponses(world: RawWorld, f: RefFilter, all = responses(world)): RefResponse[] {
  return all.filter(
    (r) => r.at >= f.from && r.at < f.to && r.answers.some((a) => counts(a) && chosen(world, { ...f, from: -Infinity, to: Infinity }, a)),
  );
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** A staff member's shifts at a point, merged where they overlap. */
function shiftsAt(world: RawWorld, staffId: string, pointId: string): [number, number][] {
  const xs = world.shifts
    .filter((s) => s.staffId === staffId && s.pointId === pointId)
    .map((s): [number, number] => [s.from, s.to])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const x of xs) {
    const last = merged.at(-1);
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else merged.push([...x]);
  }
  return merged;
}

/** Customers served under a filter, pro-rated by overlap with the range (and the staff member's shifts). */
export function customersServed(world: RawWorld, f: RefFilter): number {
  const siteOf = (pointId: string) => world.points.find((p) => p.id === pointId)?.siteId;
  const devicePoint = f.deviceId === undefined ? undefined : world.devices.find((d) => d.id === f.deviceId)?.pointId;
  let total = 0;
  for (const c of world.customers) {
    if (f.siteId !== undefined && siteOf(c.pointId) !== f.siteId) continue;
    if (f.pointId !== undefined && c.pointId !== f.pointId) continue;
    if (f.deviceId !== undefined && c.pointId !== devicePoint) continue;
    const length = c.to - c.from;
    if (f.staffId === undefined) total += (c.count * overlap(c.from, c.to, f.from, f.to)) / length;
    else
      for (const [s0, s1] of shiftsAt(world, f.staffId, c.pointId))
        total += (c.count * overlap(c.from, c.to, Math.max(f.from, s0), Math.min(f.to, s1))) / length;
  }
  return total;
}

/** One traffic index over a filter. */
export function trafficIndex(world: RawWorld, index: TrafficIndex, f: RefFilter, all = responses(world)): RefResult {
  const chosenOnes = chosenResponses(world, f, all);
  const wanted =
    index === 'responseRate'
      ? chosenOnes.length
      : chosenOnes.filter((r) => r.polarity === (index === 'criticality' ? 'negative' : 'positive')).length;
  const customers = customersServed(world, f);
  return {
    value: customers === 0 ? null : (100 * wanted) / customers,
    n: customers,
    unit: 'customers',
    ci: null,
    enough: customers >= world.minN,
  };
}
