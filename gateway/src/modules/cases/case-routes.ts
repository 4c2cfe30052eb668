import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorBody, Id, MultilineText, Text } from '../../platform/http/schemas.ts';
import { CaseBody, CaseCategorySchema, CaseEventBody, CaseStatusSchema, ContactInput, SeveritySchema } from './schemas.ts';
import { allowedSites, principalOf, requirePoint, requireSite } from '../../platform/http/scope.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { principalName } from '../../platform/auth/principal.ts';
import { normaliseContact } from '../ingest/comment-screen.ts';
import { withContactHidden, type Case } from './case.ts';
import type { CaseService } from './case-service.ts';
import type { TopologyRepo } from '../../platform/settings/topology-repo.ts';

/** A case as this request may see it: the contact only for those who handle cases. */
function shown(request: FastifyRequest, c: Case): Case {
  return principalOf(request).permissions.has('cases:write') ? c : withContactHidden(c);
}

export const caseRoutes: FastifyPluginAsyncTypebox<{ services: { cases: CaseService; topology: TopologyRepo } }> = async (app, { services }) => {
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
      schema: {
        tags: ['cases'],
        querystring: Type.Object({
          status: Type.Optional(CaseStatusSchema),
          overdue: Type.Optional(Type.Boolean()),
          siteId: Type.Optional(Id),
          pointId: Type.Optional(Id),
          from: Type.Optional(Type.Integer({ minimum: 0 })),
          to: Type.Optional(Type.Integer({ minimum: 0 })),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
        response: { 200: Type.Object({ cases: Type.Array(CaseBody) }), 403: ErrorBody },
      },
    },
    async (request) => {
      const { siteId, ...filter } = request.query;
      if (siteId) requireSite(request, siteId);
      const cases = services.cases.repo.list({ ...filter, siteIds: siteId ? [siteId] : allowedSites(request) });
      return { cases: cases.map((c) => shown(request, c)) };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'cases:read' },
      schema: {
        tags: ['cases'],
        description: 'A case with its full history (who did what, when)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ case: CaseBody, history: Type.Array(CaseEventBody) }), 403: ErrorBody, 404: ErrorBody },
      },
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
      schema: {
        tags: ['cases'],
        description: 'Opens a case by hand: a hotline call, a complaint in person',
        body: Type.Object(
          {
            siteId: Id,
            pointId: Type.Optional(Id),
            origin: Type.Union([Type.Literal('hotline'), Type.Literal('in_person')]),
            category: CaseCategorySchema,
            subcategory: Type.Optional(Text(120)),
            severity: SeveritySchema,
            summary: MultilineText(4000),
            owner: Type.Optional(Text(120)),
            contact: Type.Optional(ContactInput),
          },
          { additionalProperties: false },
        ),
        response: { 201: CaseBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const body = request.body;
      requireSite(request, body.siteId);
      if (!services.topology.sites().some((s) => s.id === body.siteId)) throw new HttpError(404, `No site "${body.siteId}"`);
      if (body.pointId && requirePoint(request, (p) => services.topology.siteOfPoint(p), body.pointId) !== body.siteId) throw new HttpError(400, `Point "${body.pointId}" is not at site "${body.siteId}"`);
      if (body.summary.trim() === '') throw new HttpError(400, 'A case needs a summary');
      const contact = body.contact ? normaliseContact(body.contact.kind, body.contact.value) : null;
      if (contact === undefined) throw new HttpError(400, `That is not a valid ${body.contact!.kind === 'email' ? 'e-mail address' : 'phone number'}`);
      const opened = services.cases.open(
        { siteId: body.siteId, pointId: body.pointId ?? null, origin: body.origin, category: body.category, subcategory: body.subcategory ?? null, severity: body.severity, summary: body.summary, contact, owner: body.owner },
        actor(request),
      );
      return reply.code(201).send(opened!);
    },
  );

  app.patch(
    '/api/cases/:id',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        description: 'Assigns an owner, changes severity or category (deadlines not yet met follow), records the follow-up result',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          { owner: Type.Optional(Text(120, { minLength: 1 })), severity: Type.Optional(SeveritySchema), category: Type.Optional(CaseCategorySchema), subcategory: Type.Optional(Text(120)), followUp: Type.Optional(MultilineText(4000)) },
          { additionalProperties: false },
        ),
        response: { 200: CaseBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
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
      schema: {
        tags: ['cases'],
        description: 'new → acknowledged → in progress → resolved → closed (a resolved case may be reopened); closing needs a root cause and whether the customer confirmed the fix',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          { to: CaseStatusSchema, rootCause: Type.Optional(MultilineText(2000)), customerConfirmed: Type.Optional(Type.Boolean()), comment: Type.Optional(MultilineText(2000)) },
          { additionalProperties: false },
        ),
        response: { 200: CaseBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
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
      schema: {
        tags: ['cases'],
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ text: MultilineText(4000) }, { additionalProperties: false }),
        response: { 200: CaseBody, 403: ErrorBody, 404: ErrorBody },
      },
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
      schema: {
        tags: ['cases'],
        description: "Erases the customer's contact on their request: from the case and from the answer it came with; the case stays, anonymised",
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: CaseBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      visible(request, request.params.id);
      return services.cases.eraseContact(request.params.id, actor(request));
    },
  );
};
