import type { Static } from '@sinclair/typebox';
import { parseInstant } from '../../core/instant.ts';
import type { FastifyRequest } from 'fastify';
import { QueryError, type IndexQuery } from './index-service.ts';
import { allowedSites, requirePoint, requireSite } from '../../platform/http/scope.ts';
import type { IndexFilter } from './index-filter-schema.ts';
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

/** The query a request asks for, limited to the sites it may see (403 for a site or point outside them). */
export function toIndexQuery(
  request: FastifyRequest,
  lookup: QueryLookup,
  index: IndexQuery['index'],
  filter: Static<typeof IndexFilter>,
): IndexQuery {
  const { channel, ...q } = filter;
  const { siteOfPoint } = lookup;
  const from = parseInstant(q.from);
  const to = parseInstant(q.to);
  if (Number.isNaN(from)) throw new BadQuery(`"from" is not a time: ${q.from}`);
  if (Number.isNaN(to)) throw new BadQuery(`"to" is not a time: ${q.to}`);
  if (q.siteId) requireSite(request, q.siteId);
  if (q.pointId && siteOfPoint(q.pointId) !== undefined) requirePoint(request, siteOfPoint, q.pointId);
  return { index, ...q, ...(channel ? { deviceIds: lookup.devicesOfChannel(channel) } : {}), siteIds: allowedSites(request), from, to };
}
