import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, Text, TokenBody } from '../../platform/http/schemas.ts';
import { INTEGRATION_SCOPES, TOKEN_KINDS } from '../../platform/auth/access.ts';

/** The schemas of token-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const tokenApi = {
  'GET /api/tokens': { tags: ['tokens'], response: { 200: Type.Object({ tokens: Type.Array(TokenBody) }) } },
  'POST /api/tokens': {
    tags: ['tokens'],
    body: Type.Object(
      {
        name: Text(100, { minLength: 1 }),
        kind: Type.Union(TOKEN_KINDS.map((k) => Type.Literal(k))),
        scopes: Type.Optional(Type.Array(Type.Union(INTEGRATION_SCOPES.map((p) => Type.Literal(p))), { maxItems: 20 })),
        siteIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
        pointId: Type.Optional(Id),
        deviceId: Type.Optional(Id),
      },
      { additionalProperties: false },
    ),
    response: {
      201: Type.Object({ token: Type.String({ description: 'shown only now; only its hash is kept' }), info: TokenBody }),
      400: ErrorBody,
    },
  },
  'DELETE /api/tokens/:id': {
    tags: ['tokens'],
    description: 'Revokes a token at once; its live sockets close',
    params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
    response: { 204: Type.Null(), 404: ErrorBody },
  },
};
