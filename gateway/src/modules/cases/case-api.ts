import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, MultilineText, Text } from '../../platform/http/schemas.ts';
import { CaseBody, CaseCategorySchema, CaseEventBody, CaseStatusSchema, ContactInput, SeveritySchema } from './schemas.ts';

/** The schemas of case-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const caseApi = {
  'GET /api/cases': {
    tags: ['cases'],
    querystring: Type.Object({
      status: Type.Optional(CaseStatusSchema),
      overdue: Type.Optional(Type.Boolean({ description: 'overdue now: not closed, with a deadline passed and not met' })),
      wasOverdue: Type.Optional(Type.Boolean({ description: 'ever overdue: a deadline was missed, even if the case caught up since' })),
      siteId: Type.Optional(Id),
      pointId: Type.Optional(Id),
      from: Type.Optional(Type.Integer({ minimum: 0 })),
      to: Type.Optional(Type.Integer({ minimum: 0 })),
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    }),
    response: { 200: Type.Object({ cases: Type.Array(CaseBody) }), 403: ErrorBody },
  },
  'GET /api/cases/:id': {
    tags: ['cases'],
    description: 'A case with its full history (who did what, when)',
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    response: { 200: Type.Object({ case: CaseBody, history: Type.Array(CaseEventBody) }), 403: ErrorBody, 404: ErrorBody },
  },
  'POST /api/cases': {
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
  'PATCH /api/cases/:id': {
    tags: ['cases'],
    description: 'Assigns an owner, changes severity or category (deadlines not yet met follow), records the follow-up result',
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    body: Type.Object(
      {
        owner: Type.Optional(Text(120, { minLength: 1 })),
        severity: Type.Optional(SeveritySchema),
        category: Type.Optional(CaseCategorySchema),
        subcategory: Type.Optional(Text(120)),
        followUp: Type.Optional(MultilineText(4000)),
      },
      { additionalProperties: false },
    ),
    response: { 200: CaseBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
  },
  'POST /api/cases/:id/status': {
    tags: ['cases'],
    description:
      'new → acknowledged → in progress → resolved → closed (a resolved case may be reopened); closing needs a root cause and whether the customer confirmed the fix (yes; no with a reason; unreachable)',
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    body: Type.Object(
      {
        to: CaseStatusSchema,
        rootCause: Type.Optional(MultilineText(2000)),
        customerConfirmed: Type.Optional(
          Type.Union([Type.Boolean(), Type.Literal('unreachable')], {
            description: "true, false (then `reason` is required) or 'unreachable' (recorded; counts as confirmed for completion)",
          }),
        ),
        reason: Type.Optional(MultilineText(2000)),
        comment: Type.Optional(MultilineText(2000)),
      },
      { additionalProperties: false },
    ),
    response: { 200: CaseBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
  },
  'POST /api/cases/:id/comments': {
    tags: ['cases'],
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    body: Type.Object({ text: MultilineText(4000) }, { additionalProperties: false }),
    response: { 200: CaseBody, 403: ErrorBody, 404: ErrorBody },
  },
  'DELETE /api/cases/:id/contact': {
    tags: ['cases'],
    description:
      "Erases the customer's contact on their request: from the case and from the answer it came with; the case stays, anonymised",
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    response: { 200: CaseBody, 403: ErrorBody, 404: ErrorBody },
  },
};
