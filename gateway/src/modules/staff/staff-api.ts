import { Type } from '@sinclair/typebox';
import { Id, Text } from '../../platform/http/schemas.ts';

/** The schemas of staff-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const staffApi = {
  'PUT /api/staff/:staffId': {
    tags: ['staff'],
    params: Type.Object({ staffId: Id }),
    body: Type.Object({ name: Text(200, { minLength: 1 }) }, { additionalProperties: false }),
    response: { 204: Type.Null() },
  },
  'GET /api/staff': {
    tags: ['staff'],
    response: { 200: Type.Object({ staff: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) },
  },
};
