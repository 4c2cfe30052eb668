import { Type } from '@sinclair/typebox';
import { ErrorBody, MeSchema, Password, SessionSchema, UserName } from '../../platform/http/schemas.ts';

/** The schemas of auth-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const authApi = {
  'POST /api/auth/login': {
    tags: ['auth'],
    description:
      'Signs in: sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token. Repeated failures lock the user name and the client address out for a while (429 with Retry-After).',
    body: Type.Object({ username: UserName, password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
    response: { 200: SessionSchema, 401: ErrorBody, 429: ErrorBody, 503: ErrorBody },
  },
  'POST /api/auth/logout': { tags: ['auth'], description: 'Ends this session; its live sockets close', response: { 204: Type.Null() } },
  'GET /api/auth/me': { tags: ['auth'], description: 'The signed-in user, and a CSRF token for this session', response: { 200: MeSchema } },
  'POST /api/auth/password': {
    tags: ['auth'],
    description: 'Changes your own password (required after a generated first password); your other sessions end, this one goes on',
    body: Type.Object(
      { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password },
      { additionalProperties: false },
    ),
    response: { 200: SessionSchema, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
  },
};
