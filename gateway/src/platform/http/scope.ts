import type { FastifyRequest } from 'fastify';
import { siteAllowed } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { HttpError } from './errors.ts';

/** The principal of a route that declared a permission (the access hook has set it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'Sign in first');
  return request.principal;
}

/** The sites this request may see: undefined for every site, else a list (possibly empty). */
export function allowedSites(request: FastifyRequest): string[] | undefined {
  const { sites } = principalOf(request);
  return sites === 'all' ? undefined : [...sites];
}

export function mayUseSite(request: FastifyRequest, siteId: string): boolean {
  return siteAllowed(principalOf(request).sites, siteId);
}

/** Refuses (403) a site outside the request's scope. */
export function requireSite(request: FastifyRequest, siteId: string): void {
  if (!mayUseSite(request, siteId)) throw new HttpError(403, `Not allowed: site "${siteId}" is outside your sites`);
}

/** Refuses a point that does not exist (404) or lies outside the request's sites (403). */
export function requirePoint(request: FastifyRequest, siteOfPoint: (pointId: string) => string | undefined, pointId: string): string {
  const siteId = siteOfPoint(pointId);
  if (siteId === undefined) throw new HttpError(404, `No point "${pointId}"`);
  requireSite(request, siteId);
  return siteId;
}

/** Refuses (400) site ids that do not exist. */
export function requireKnownSites(knownSites: readonly { id: string }[], siteIds: readonly string[]): void {
  const known = new Set(knownSites.map((s) => s.id));
  const unknown = siteIds.filter((s) => !known.has(s));
  if (unknown.length > 0) throw new HttpError(400, `No site ${unknown.map((s) => `"${s}"`).join(', ')}`);
}
