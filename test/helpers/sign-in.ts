/** A signed-in browser session as a test holds it: the cookies and the CSRF token. */
export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** headers for any request: the cookies, and the CSRF token that requests changing something need */
  headers: Record<string, string>;
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

/** Signs in through the API as a browser does; throws with the status when refused. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<SignedIn> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = cookiesOf(response);
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** A session's cookies as a browser context takes them (context.addCookies), for the gateway at url. */
export function browserCookies(session: SignedIn, url: string): { name: string; value: string; url: string }[] {
  return session.cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
}
