import { PHONE_DEVICE_PREFIX } from '../../core/channel.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import type { IndexReader } from './index-reader.ts';
import {
  clip,
  customersIn,
  customersPerBucket,
  mergeSpans,
  outside,
  shiftSpansByPoint,
  type CustomerPeriod,
  type Span,
} from './customer-spans.ts';

/** The filters that narrow customers (METRICS.md): site and point come as the scope's points; channel, survey and question never narrow. */
export interface CustomerFilter {
  deviceId?: string | undefined;
  staffId?: string | undefined;
}

/** The group of customers served while nobody was on shift at their point. */
export const UNASSIGNED = '(unassigned)';

/**
 * The denominator of the traffic indices: customers served at a query's points, each reported period
 * pro-rated by its overlap with the range (and, with a staff filter, with that person's shifts there).
 * One read of the overlapping periods serves every bucket of a trend and every group of a breakdown.
 */
export class ServedCustomers {
  constructor(
    private readonly topology: TopologyRepo,
    private readonly reader: IndexReader,
  ) {}

  /** Customers in each bucket (sorted, disjoint) at the scope's points. */
  async perBucket(filter: CustomerFilter, scopePoints: string[], buckets: Span[]): Promise<number[]> {
    if (buckets.length === 0) return [];
    const range = { from: buckets[0]!.from, to: buckets.at(-1)!.to };
    const { periods, countedAt } = await this.read(filter, scopePoints, range);
    return customersPerBucket(periods, buckets, countedAt);
  }

  /** Customers per point over a range; only points that served any are listed. */
  async byPoint(filter: CustomerFilter, scopePoints: string[], range: Span): Promise<Map<string, number>> {
    const { periods, countedAt } = await this.read(filter, scopePoints, range);
    const byPoint = new Map<string, CustomerPeriod[]>();
    for (const p of periods) byPoint.set(p.pointId, [...(byPoint.get(p.pointId) ?? []), p]);
    const out = new Map<string, number>();
    for (const [pointId, ps] of byPoint) {
      const n = customersIn(ps, range, countedAt);
      if (n > 0) out.set(pointId, n);
    }
    return out;
  }

  /**
   * Customers per staff member over a range: those served at a point during that person's shifts
   * there (two people on shift together both count them); UNASSIGNED holds the customers served while
   * nobody was. Only groups that served any are listed.
   */
  async byStaff(filter: CustomerFilter, scopePoints: string[], range: Span): Promise<Map<string, number>> {
    const pointIds = this.narrowToDevice(filter, scopePoints);
    const [periods, shifts] = await Promise.all([
      this.reader.customerPeriods(pointIds, range.from, range.to),
      this.reader.shifts(pointIds, range.from, range.to, filter.staffId),
    ]);
    const out = new Map<string, number>();
    const add = (group: string, n: number) => n > 0 && out.set(group, (out.get(group) ?? 0) + n);
    const byStaff = new Map<string, typeof shifts>();
    for (const s of shifts) byStaff.set(s.staffId, [...(byStaff.get(s.staffId) ?? []), s]);
    for (const [staffId, own] of byStaff) {
      const spans = shiftSpansByPoint(own);
      add(
        staffId,
        customersIn(periods, range, (p) => clip(spans.get(p) ?? [], range)),
      );
    }
    if (filter.staffId === undefined) {
      const anyone = shiftSpansByPoint(shifts);
      add(
        UNASSIGNED,
        customersIn(periods, range, (p) => outside(anyone.get(p) ?? [], range)),
      );
    }
    return out;
  }

  /** The periods to count and, per point, the spans where they count (the range, or the person's shifts within it). */
  private async read(
    filter: CustomerFilter,
    scopePoints: string[],
    range: Span,
  ): Promise<{ periods: CustomerPeriod[]; countedAt: (pointId: string) => readonly Span[] }> {
    let pointIds = this.narrowToDevice(filter, scopePoints);
    let countedAt: (pointId: string) => readonly Span[] = () => [range];
    if (filter.staffId !== undefined) {
      const spans = shiftSpansByPoint(await this.reader.shifts(pointIds, range.from, range.to, filter.staffId));
      for (const [pointId, s] of spans) spans.set(pointId, mergeSpans(clip(s, range)));
      pointIds = pointIds.filter((p) => (spans.get(p)?.length ?? 0) > 0);
      countedAt = (pointId) => spans.get(pointId) ?? [];
    }
    return { periods: await this.reader.customerPeriods(pointIds, range.from, range.to), countedAt };
  }

  /** A device filter narrows customers to its point's (a phone device `phone.<point>` to that point's). */
  private narrowToDevice(filter: CustomerFilter, scopePoints: string[]): string[] {
    if (filter.deviceId === undefined) return scopePoints;
    const pointId = pointOfDevice(this.topology, filter.deviceId);
    return scopePoints.filter((p) => p === pointId);
  }
}

/** The point a device answers at: a configured device's, or a phone device `phone.<point>`'s point. */
export function pointOfDevice(topology: Pick<TopologyRepo, 'devices'>, deviceId: string): string | undefined {
  return deviceId.startsWith(PHONE_DEVICE_PREFIX)
    ? deviceId.slice(PHONE_DEVICE_PREFIX.length)
    : topology.devices().find((d) => d.id === deviceId)?.pointId;
}
