import { t } from './i18n.ts';
import type { ApiError as ApiErrorBody } from './contract.ts';

/** A refused or failed request, with a message in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** the gateway's own words, for logs and details */
    readonly detail?: string,
  ) {
    super(message);
  }
}

const SESSION_EXPIRED = 'fb-session-expired';

/**
 * The apps' one way to the gateway's API: the session cookie goes along by itself, the CSRF token
 * (kept in memory only) goes with every request that changes something, errors come back in the
 * user's language, and an ended session is announced once (onSessionExpired), wherever it is noticed.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private bearer: string | null = null;

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  /** A device's scoped token (a staff screen, a kiosk) instead of a person's session cookie. */
  setBearerToken(token: string | null): void {
    this.bearer = token;
  }

  async get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.request<T>(method, path, body === undefined ? undefined : { text: JSON.stringify(body), type: 'application/json' });
  }

  /** Sends a file's text as it is (a CSV or JSON upload), with its content type. */
  async upload<T>(path: string, text: string, contentType: string): Promise<T> {
    return this.request<T>('POST', path, { text, type: contentType });
  }

  /** Called whenever the gateway says the session is over (401, or the socket closed by the server). */
  onSessionExpired(listener: () => void): () => void {
    window.addEventListener(SESSION_EXPIRED, listener);
    return () => window.removeEventListener(SESSION_EXPIRED, listener);
  }

  sessionExpired(): void {
    this.csrfToken = null;
    window.dispatchEvent(new Event(SESSION_EXPIRED));
  }

  private async request<T>(method: string, path: string, body?: { text: string; type: string }): Promise<T> {
    const headers = new Headers();
    if (body !== undefined) headers.set('content-type', body.type);
    if (method !== 'GET' && this.csrfToken) headers.set('x-csrf-token', this.csrfToken);
    if (this.bearer) headers.set('authorization', `Bearer ${this.bearer}`);
    let response: Response;
    try {
      response = await fetch(path, { method, headers, credentials: 'same-origin', body: body?.text });
    } catch {
      throw new ApiError(0, t('errors.network'));
    }
    if (response.status === 204) return undefined as T;
    const payload = (await response.json().catch(() => ({}))) as T & Partial<ApiErrorBody>;
    if (response.ok) return payload;
    const detail = payload.message;
    if (response.status === 401 && path !== '/api/auth/login') {
      this.sessionExpired();
      throw new ApiError(401, t('errors.sessionExpired'), detail);
    }
    if (response.status === 401) throw new ApiError(401, t('signIn.wrong'), detail);
    if (response.status === 403) throw new ApiError(403, t('errors.forbidden'), detail);
    if (response.status === 429) throw new ApiError(429, t('errors.tooMany', { seconds: Number(response.headers.get('retry-after') ?? 60) }), detail);
    if (response.status >= 500) throw new ApiError(response.status, t('errors.server'), detail);
    throw new ApiError(response.status, t('errors.invalid', { message: detail ?? response.statusText }), detail);
  }
}

/** The one client each app uses. */
export const api = new ApiClient();
