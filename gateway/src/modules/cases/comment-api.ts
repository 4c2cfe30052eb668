import { Type } from '@sinclair/typebox';
import { ErrorBody, Id } from '../../platform/http/schemas.ts';
import { CommentBody } from './schemas.ts';

/** The schemas of comment-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const commentApi = {
  'GET /api/comments': {
    tags: ['cases'],
    querystring: Type.Object({
      siteId: Type.Optional(Id),
      pointId: Type.Optional(Id),
      from: Type.Integer({ minimum: 0, default: 0 }),
      to: Type.Optional(Type.Integer({ minimum: 0 })),
      limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    }),
    response: { 200: Type.Object({ comments: Type.Array(CommentBody) }), 403: ErrorBody, 404: ErrorBody },
  },
  'PUT /api/comments/:deviceId/:boot/:seq/publishable': {
    tags: ['cases'],
    description:
      "Shows a comment on its point's staff screen (or stops showing it): only a positive answer's comment with no spam or profanity flag",
    params: Type.Object({ deviceId: Id, boot: Type.Integer({ minimum: 0 }), seq: Type.Integer({ minimum: 0 }) }),
    body: Type.Object({ publishable: Type.Boolean() }, { additionalProperties: false }),
    response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
  },
};
