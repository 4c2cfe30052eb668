import type { Static } from '@sinclair/typebox';
import { parseInstant } from '../../core/instant.ts';
import type { FastifyRequest } from 'fastify';
import { QueryError, type IndexQuery } from './index-service.ts';
import { allowedSites, requirePoint, requireSite } from '../../platform/http/scope.ts';
import type { IndexFilter } from './index-filter-schema.ts';
import { calendarDate, localDaysIn, type LocalDays } from './local-days.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { channelOfDevice, type Channel } from '../../core/channel.ts';
import { phoneDevice } from '../surveys/phone-surveys.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/** What turning a request's filter into a query looks up: a point's site, a channel's devices. */
export interface QueryLookup {
  siteOfPoint(pointId: string): string | undefined;
  devicesOfChannel(channel: Channel): string[];
}

/** The lookup over the topology and the device registry (phones answer as one `phone.<point>` device per point). */
export function queryLookup(services: { topology: TopologyRepo; devices: DeviceRegistry }): QueryLookup {
  return {
    siteOfPoint: (pointId) => services.topology.siteOfPoint(pointId),
    devicesOfChannel: (channel) =>
      channel === 'phone'
        ? services.topology.points().map((p) => phoneDevice(p.id))
        : services.devices
            .all()
            .filter((d) => channelOfDevice(d) === channel)
            .map((d) => d.id),
  };
}

/** A query the caller got wrong: 400 with the reason. */
export class BadQuery extends HttpError {
  constructor(message: string) {
    super(400, message);
  }
}

/** Runs a query, turning the index service's refusals into 400s that say why. */
export async function answering<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof QueryError) throw new BadQuery(error.message);
    throw error;
  }
}

/** The range a filter asks for: instants, or local days each site reads in its own zone (METRICS.md). */
function rangeOf(filter: Static<typeof IndexFilter>, now: number): { from: number; to: number } | { days: LocalDays } {
  const { from, to, fromDate, toDate, lastDays, skipDays } = filter;
  const forms = [from !== undefined || to !== undefined, fromDate !== undefined || toDate !== undefined, lastDays !== undefined];
  if (forms.filter(Boolean).length !== 1)
    throw new BadQuery('Give the range once: "from" and "to", or "fromDate" and "toDate", or "lastDays"');
  if (lastDays !== undefined) return { days: { lastDays, skipDays: skipDays ?? 0, now } };
  if (skipDays !== undefined) throw new BadQuery('"skipDays" goes with "lastDays"');
  if (fromDate !== undefined || toDate !== undefined) {
    if (fromDate === undefined || toDate === undefined) throw new BadQuery('"fromDate" needs "toDate", and "toDate" needs "fromDate"');
    for (const [name, text] of [
      ['fromDate', fromDate],
      ['toDate', toDate],
    ] as const)
      if (!calendarDate(text)) throw new BadQuery(`"${name}" is not a date: ${text}`);
    if (toDate < fromDate) throw new BadQuery('"toDate" must not be before "fromDate"');
    return { days: { fromDate, toDate } };
  }
  if (from === undefined || to === undefined) throw new BadQuery('"from" needs "to", and "to" needs "from"');
  const range = { from: parseInstant(from), to: parseInstant(to) };
  if (Number.isNaN(range.from)) throw new BadQuery(`"from" is not a time: ${from}`);
  if (Number.isNaN(range.to)) throw new BadQuery(`"to" is not a time: ${to}`);
  return range;
}

/**
 * The query a request asks for, limited to the sites it may see (403 for a site or point outside them).
 * A range of local days gets from and to that span it in every zone; the index service narrows them per site.
 */
export function toIndexQuery(
  request: FastifyRequest,
  lookup: QueryLookup,
  index: IndexQuery['index'],
  filter: Static<typeof IndexFilter>,
  now = Date.now(),
): IndexQuery {
  const { channel, from: _from, to: _to, fromDate: _fromDate, toDate: _toDate, lastDays: _lastDays, skipDays: _skipDays, ...q } = filter;
  const { siteOfPoint } = lookup;
  const range = rangeOf(filter, now);
  if (q.siteId) requireSite(request, q.siteId);
  if (q.pointId && siteOfPoint(q.pointId) !== undefined) requirePoint(request, siteOfPoint, q.pointId);
  const time = 'days' in range ? { ...spanningEveryZone(range.days), days: range.days } : range;
  return { index, ...q, ...(channel ? { deviceIds: lookup.devicesOfChannel(channel) } : {}), siteIds: allowedSites(request), ...time };
}

/** From and to wide enough for the local days in any zone (UTC-12 to UTC+14); the service narrows them to the sites covered. */
function spanningEveryZone(days: LocalDays): { from: number; to: number } {
  const utc = localDaysIn('UTC', days);
  return { from: utc.from - 14 * 3_600_000, to: utc.to + 12 * 3_600_000 };
}
