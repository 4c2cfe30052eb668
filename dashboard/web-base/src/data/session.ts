import { api } from '../api-client.ts';

/** Signs in; the session cookie is set by the gateway, the answer carries the CSRF token. */
export const signIn = (username: string, password: string) => api.call('POST /api/auth/login', { body: { username, password } });

/** The signed-in user and this session's CSRF token (a 401 when the session is over). */
export const whoAmI = () => api.call('GET /api/auth/me');

export const signOut = () => api.call('POST /api/auth/logout');

/** Changes one's own password; other sessions end, this one goes on. */
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.call('POST /api/auth/password', { body: { currentPassword, newPassword } });

/** Exchanges a pairing code for a device's (kiosk's, staff screen's) token. */
export const pair = (code: string) => api.call('POST /api/pair', { body: { code } });
