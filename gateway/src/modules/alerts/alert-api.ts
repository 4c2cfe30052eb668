import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, MultilineText, Nullable } from '../../platform/http/schemas.ts';

export const AlertBody = Type.Object({
  id: Type.Integer(),
  ruleId: Type.String(),
  pointId: Type.String(),
  kind: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('closed')]),
  firedAt: Type.Integer(),
  value: Nullable(Type.Number()),
  n: Type.Integer(),
  message: Type.String(),
  params: Nullable(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: "the message's figures, to say it in another language",
    }),
  ),
  acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  closedAt: Nullable(Type.Integer()),
});

/** The schemas of alert-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const alertApi = {
  'GET /api/alerts': {
    tags: ['alerts'],
    querystring: Type.Object({
      status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('closed')])),
      pointId: Type.Optional(Id),
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    }),
    response: { 200: Type.Object({ alerts: Type.Array(AlertBody) }) },
  },
  'POST /api/alerts/:id/ack': {
    tags: ['alerts'],
    description: 'Acknowledged by the signed-in user, with an optional comment (the root cause)',
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    body: Type.Object({ comment: Type.Optional(MultilineText(2000)) }, { additionalProperties: false }),
    response: { 200: AlertBody, 404: ErrorBody, 409: ErrorBody },
  },
};
