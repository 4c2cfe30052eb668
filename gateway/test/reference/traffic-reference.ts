/**
 * Brute-force reference of METRICS.md "Responses", "Against traffic" and "Precise readings", from the
 * raw rows alone.
 *
 * Responses: the answers the test fed as one press or one kiosk run form one response. It counts when
 * at least one of its answers counts (not misuse, not skipped); its time is its first answer's time
 * (the earliest, skipped or misuse ones included); a filter chooses it when its time is in the range
 * and one of its counted answers passes the other filters (site, point, device, survey, question,
 * staff, channel). Headline: the press, or the answer to the survey's first smiley/nps11/csat5/ces7
 * question; negative/positive by the lower/upper part of that scale; a skipped or misuse headline is
 * neither. A device's channel: `phone.<point>` is a phone, a device with a survey a kiosk, any other a
 * button (DESIGN.md "Domain words", the product's channel list).
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

export const CHANNELS = ['button', 'kiosk', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A reference filter with the answer-only channel filter. */
export interface TrafficFilter extends RefFilter {
  channel?: Channel;
}

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
    const first = answers.reduce((x, y) => (y.occurredAt < x.occurredAt || (y.occurredAt === x.occurredAt && y.seq < x.seq) ? y : x));
    const survey = world.surveys.find((s) => s.id === first.surveyId);
    const headlineQuestion = survey?.questions.find((q) => HEADLINE_SCALES.test(q.scale))?.id;
    const headline = survey ? answers.find((a) => a.questionId === headlineQuestion) : first;
    out.push({ key, at: first.occurredAt, pointId: first.pointId, siteId: first.siteId, answers, polarity: polarity(headline) });
  }
  return out;
}

export function channelOf(world: RawWorld, deviceId: string): Channel {
  if (deviceId.startsWith('phone.')) return 'phone';
  return world.devices.find((d) => d.id === deviceId)?.surveyId ? 'kiosk' : 'button';
}

/** Whether an answer passes a filter's answer filters (the range aside). */
function passes(world: RawWorld, f: TrafficFilter, a: RawAnswer): boolean {
  return (
    chosen(world, { ...f, from: -Infinity, to: Infinity }, a) && (f.channel === undefined || channelOf(world, a.deviceId) === f.channel)
  );
}

/** The responses a filter chooses. */
export function chosenResponses(world: RawWorld, f: TrafficFilter, all = responses(world)): RefResponse[] {
  return all.filter((r) => r.at >= f.from && r.at < f.to && r.answers.some((a) => counts(a) && passes(world, f, a)));
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

/** Whether a point passes the filters that narrow customers: site, point, device (its point). */
function pointPasses(world: RawWorld, f: RefFilter, pointId: string): boolean {
  const siteOf = world.points.find((p) => p.id === pointId)?.siteId;
  const devicePoint = f.deviceId?.startsWith('phone.')
    ? f.deviceId.slice('phone.'.length)
    : world.devices.find((d) => d.id === f.deviceId)?.pointId;
  return (
    (f.siteId === undefined || siteOf === f.siteId) &&
    (f.pointId === undefined || pointId === f.pointId) &&
    (f.deviceId === undefined || pointId === devicePoint)
  );
}

/** Customers served under a filter, pro-rated by overlap with the range (and the staff member's shifts). */
export function customersServed(world: RawWorld, f: RefFilter): number {
  let total = 0;
  for (const c of world.customers) {
    if (!pointPasses(world, f, c.pointId)) continue;
    const length = c.to - c.from;
    if (f.staffId === undefined) total += (c.count * overlap(c.from, c.to, f.from, f.to)) / length;
    else
      for (const [s0, s1] of shiftsAt(world, f.staffId, c.pointId))
        total += (c.count * overlap(c.from, c.to, Math.max(f.from, s0), Math.min(f.to, s1))) / length;
  }
  return total;
}

export interface TrafficCounts {
  responses: number;
  negative: number;
  positive: number;
  customers: number;
}

/** The responses (all, negative, positive) and customers a filter chooses. */
export function trafficCounts(world: RawWorld, f: TrafficFilter, all = responses(world)): TrafficCounts {
  const chosenOnes = chosenResponses(world, f, all);
  return {
    responses: chosenOnes.length,
    negative: chosenOnes.filter((r) => r.polarity === 'negative').length,
    positive: chosenOnes.filter((r) => r.polarity === 'positive').length,
    customers: customersServed(world, f),
  };
}

/** A traffic index from its counts. */
export function trafficResult(world: RawWorld, index: TrafficIndex, t: TrafficCounts): RefResult {
  const wanted = index === 'responseRate' ? t.responses : index === 'criticality' ? t.negative : t.positive;
  return {
    value: t.customers === 0 ? null : (100 * wanted) / t.customers,
    n: t.customers,
    unit: 'customers',
    ci: null,
    enough: t.customers >= world.minN,
  };
}

/** One traffic index over a filter. */
export function trafficIndex(world: RawWorld, index: TrafficIndex, f: TrafficFilter, all = responses(world)): RefResult {
  return trafficResult(world, index, trafficCounts(world, f, all));
}

/**
 * The sites a query covers: those with a point that passes the site, point and device filters and,
 * with a staff filter, where that person has a shift overlapping the range (no other point can hold
 * their answers or customers).
 */
export function coveredSites(world: RawWorld, f: RefFilter): RawWorld['sites'] {
  const covered = world.points.filter(
    (p) =>
      pointPasses(world, f, p.id) &&
      (f.staffId === undefined ||
        world.shifts.some((s) => s.staffId === f.staffId && s.pointId === p.id && s.from < f.to && s.to > f.from)),
  );
  return world.sites.filter((s) => covered.some((p) => p.siteId === s.id));
}

export function sum(a: TrafficCounts, b: TrafficCounts): TrafficCounts {
  return {
    responses: a.responses + b.responses,
    negative: a.negative + b.negative,
    positive: a.positive + b.positive,
    customers: a.customers + b.customers,
  };
}
