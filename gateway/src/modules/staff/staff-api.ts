import { Type } from '@sinclair/typebox';
import { Id, Text } from '../../platform/http/schemas.ts';

/** The schemas of the routes in staff-routes.ts by method and path: the routes validate with them, the web apps' endpoint map (main/contract.ts) derives its types from them. */
export const staffApi = {
  'PUT /api/staff/:staffId': { tags: ['staff'], params: Type.Object({ staffId: Id }), body: Type.Object({ name: Text(200, { minLength: 1 }) }, { additionalProperties: false }), response: { 204: Type.Null() } },
  'GET /api/staff': { tags: ['staff'], response: { 200: Type.Object({ staff: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }) } },
};
