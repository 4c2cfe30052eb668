import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, Password, RoleSchema, UserBody, UserName } from '../../platform/http/schemas.ts';

export const UserIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** The schemas of user-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const userApi = {
  'GET /api/users': { tags: ['users'], response: { 200: Type.Object({ users: Type.Array(UserBody) }) } },
  'POST /api/users': {
    tags: ['users'],
    description: 'A new user; mustChangePassword (default true) makes them choose their own password at first sign-in',
    body: Type.Object(
      {
        username: UserName,
        password: Password,
        role: RoleSchema,
        sites: Type.Array(Id, { default: [], maxItems: 1000 }),
        mustChangePassword: Type.Boolean({ default: true }),
      },
      { additionalProperties: false },
    ),
    response: { 201: UserBody, 400: ErrorBody, 409: ErrorBody },
  },
  'PATCH /api/users/:id': {
    tags: ['users'],
    description: "Changes a user's role or sites; the user is signed out everywhere and signs in again",
    params: UserIdParams,
    body: Type.Object(
      { role: Type.Optional(RoleSchema), sites: Type.Optional(Type.Array(Id, { maxItems: 1000 })) },
      { additionalProperties: false },
    ),
    response: { 200: UserBody, 400: ErrorBody, 404: ErrorBody },
  },
  'POST /api/users/:id/password': {
    tags: ['users'],
    description: 'Sets a new password for a user (who must change it at next sign-in); their sessions end',
    params: UserIdParams,
    body: Type.Object({ password: Password }, { additionalProperties: false }),
    response: { 204: Type.Null(), 404: ErrorBody },
  },
  'DELETE /api/users/:id': { tags: ['users'], params: UserIdParams, response: { 204: Type.Null(), 400: ErrorBody, 404: ErrorBody } },
};
