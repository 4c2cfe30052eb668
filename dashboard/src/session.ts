/**
 * The browser session lives in an HttpOnly cookie the page cannot read; the page keeps only the
 * CSRF token (in memory) that requests changing something must carry.
 */
let csrfToken: string | null = null;

export const session = {
  setCsrf(token: string): void {
    csrfToken = token;
  },
  clear(): void {
    csrfToken = null;
  },
};

export class UnauthorizedError extends Error {}

/** GET/POST JSON against the gateway with the session cookie (and the CSRF token on writes). */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  if (csrfToken && init.method && init.method !== 'GET') headers.set('x-csrf-token', csrfToken);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (response.status === 401) throw new UnauthorizedError('Not signed in');
  const body = response.status === 204 ? ({} as T & { message?: string }) : ((await response.json()) as T & { message?: string });
  if (!response.ok) throw new Error(body.message ?? `Request failed (${response.status})`);
  return body;
}

/** The signed-in user, if the session cookie is still good; keeps its CSRF token. */
export async function currentUser(): Promise<{ username: string; mustChangePassword: boolean } | null> {
  try {
    const me = await api<{ user: { username: string; mustChangePassword: boolean }; csrfToken: string }>('/api/auth/me');
    session.setCsrf(me.csrfToken);
    return me.user;
  } catch (error) {
    if (error instanceof UnauthorizedError) return null;
    throw error;
  }
}
