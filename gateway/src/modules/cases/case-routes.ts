import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { allowedSites, principalOf, requirePoint, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { normaliseContact } from '../ingest/comment-screen.ts';
import { withContactHidden, type Case } from './case.ts';
import type { CaseService } from './case-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';
import { caseApi } from './case-api.ts';

/** A case as this request may see it: the contact only for those who handle cases. */
function shown(request: FastifyRequest, c: Case): Case {
  return principalOf(request).permissions.has('cases:write') ? c : withContactHidden(c);
}

export const caseRoutes: FastifyPluginAsyncTypebox<{ services: { cases: CaseService; topology: TopologyRepo } }> = async (
  app,
  { services },
) => {
  /** The case, if it exists and lies in the request's sites. */
  const visible = (request: FastifyRequest, id: number): Case => {
    const c = services.cases.repo.get(id);
    if (!c) throw new HttpError(404, `No case ${id}`);
    requireSite(request, c.siteId);
    return c;
  };
  const actor = (request: FastifyRequest) => principalName(principalOf(request));

  app.get(
    '/api/cases',
    {
      config: { access: 'cases:read' },
      schema: caseApi['GET /api/cases'],
    },
    async (request) => {
      const { siteId, overdue, wasOverdue, ...filter } = request.query;
      if (siteId) requireSite(request, siteId);
      const cases = services.cases.repo.list({
        ...filter,
        ...(overdue ? { overdueAt: Date.now() } : {}),
        ...(wasOverdue ? { wasOverdue } : {}),
        siteIds: siteId ? [siteId] : allowedSites(request),
      });
      return { cases: cases.map((c) => shown(request, c)) };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'cases:read' },
      schema: caseApi['GET /api/cases/:id'],
    },
    async (request) => {
      const c = visible(request, request.params.id);
      return { case: shown(request, c), history: services.cases.repo.history(c.id) };
    },
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'cases:write' },
      schema: caseApi['POST /api/cases'],
    },
    async (request, reply) => {
      const body = request.body;
      requireSite(request, body.siteId);
      if (!services.topology.sites().some((s) => s.id === body.siteId)) throw new HttpError(404, `No site "${body.siteId}"`);
      if (body.pointId && requirePoint(request, (p) => services.topology.siteOfPoint(p), body.pointId) !== body.siteId)
        throw new HttpError(400, `Point "${body.pointId}" is not at site "${body.siteId}"`);
      if (body.summary.trim() === '') throw new HttpError(400, 'A case needs a summary');
      const contact = body.contact ? normaliseContact(body.contact.kind, body.contact.value) : null;
      if (contact === undefined)
        throw new HttpError(400, `That is not a valid ${body.contact!.kind === 'email' ? 'e-mail address' : 'phone number'}`);
      const opened = services.cases.open(
        {
          siteId: body.siteId,
          pointId: body.pointId ?? null,
          origin: body.origin,
          category: body.category,
          subcategory: body.subcategory ?? null,
          severity: body.severity,
          summary: body.summary,
          contact,
          owner: body.owner,
        },
        actor(request),
      );
      return reply.code(201).send(opened!);
    },
  );

  app.patch(
    '/api/cases/:id',
    {
      config: { access: 'cases:write' },
      schema: caseApi['PATCH /api/cases/:id'],
    },
    async (request) => {
      visible(request, request.params.id);
      return services.cases.edit(request.params.id, actor(request), request.body);
    },
  );

  app.post(
    '/api/cases/:id/status',
    {
      config: { access: 'cases:write' },
      schema: caseApi['POST /api/cases/:id/status'],
    },
    async (request) => {
      visible(request, request.params.id);
      const { to, ...extra } = request.body;
      return services.cases.move(request.params.id, to, actor(request), extra);
    },
  );

  app.post(
    '/api/cases/:id/comments',
    {
      config: { access: 'cases:write' },
      schema: caseApi['POST /api/cases/:id/comments'],
    },
    async (request) => {
      visible(request, request.params.id);
      if (request.body.text.trim() === '') throw new HttpError(400, 'An empty comment');
      return services.cases.comment(request.params.id, actor(request), request.body.text);
    },
  );

  app.delete(
    '/api/cases/:id/contact',
    {
      config: { access: 'cases:write' },
      schema: caseApi['DELETE /api/cases/:id/contact'],
    },
    async (request) => {
      visible(request, request.params.id);
      return services.cases.eraseContact(request.params.id, actor(request));
    },
  );
};
