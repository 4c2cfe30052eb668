import { t } from './i18n.ts';
import type { ApiError as ApiErrorBody, EndpointKey, ResponseOf } from './contract.ts';
import { endpointUrl, type RequestArgs, type RequestOf } from './endpoint-request.ts';

/** The endpoints that take a file's text as their body. */
type UploadKey = 'POST /api/settings/import' | 'POST /api/reviews/import' | 'POST /api/customers/import';
type GetKey = Extract<EndpointKey, `GET ${string}`>;

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
 * The apps' one way to the gateway's API, by the endpoint map only (a path not in it does not compile): the session cookie goes along by itself, the CSRF token
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

  /** Calls one endpoint of the map (e.g. 'GET /api/cases/:id'); its request and answer are typed by the gateway's route schemas. */
  async call<K extends EndpointKey>(endpoint: K, ...[request]: RequestArgs<K>): Promise<ResponseOf<K>> {
    const { method, url } = endpointUrl(endpoint, request);
    const body = (request as { body?: unknown } | undefined)?.body;
    return this.request<ResponseOf<K>>(
      method,
      url,
      body === undefined ? undefined : { text: JSON.stringify(body), type: 'application/json' },
    );
  }

  /** Sends a file as it is (a CSV, YAML or JSON upload: its text, or its bytes for the gateway to decode) to an endpoint that takes one, with its content type. */
  async upload<K extends UploadKey>(
    endpoint: K,
    request: Omit<RequestOf<K>, 'body'>,
    text: string | Blob,
    contentType: string,
  ): Promise<ResponseOf<K>> {
    const { method, url } = endpointUrl(endpoint, request);
    return this.request<ResponseOf<K>>(method, url, { text, type: contentType });
  }

  /** The address of a GET endpoint, for a link (a download, a report to open). */
  href<K extends GetKey>(endpoint: K, ...[request]: RequestArgs<K>): string {
    return endpointUrl(endpoint, request).url;
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

  private async request<T>(method: string, path: string, body?: { text: string | Blob; type: string }): Promise<T> {
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
    if (response.status === 429)
      throw new ApiError(429, t('errors.tooMany', { seconds: Number(response.headers.get('retry-after') ?? 60) }), detail);
    if (response.status >= 500) throw new ApiError(response.status, t('errors.server'), detail);
    throw new ApiError(response.status, t('errors.invalid', { message: detail ?? response.statusText }), detail);
  }
}

/** The one client each app uses. */
export const api = new ApiClient();
