import { Type } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schemas.ts';

/** The schemas of webhook-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const webhookApi = {
  'GET /api/webhooks/deliveries': {
    tags: ['alerts'],
    description: 'Every webhook delivery attempt, newest first',
    querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }),
    response: {
      200: Type.Object({
        deliveries: Type.Array(
          Type.Object({
            id: Type.Integer(),
            url: Type.String(),
            event: Type.String(),
            alertId: Nullable(Type.Integer()),
            attempt: Type.Integer(),
            statusCode: Nullable(Type.Integer()),
            error: Nullable(Type.String()),
            delivered: Type.Boolean(),
            at: Type.Integer(),
          }),
        ),
      }),
    },
  },
};
