import type { TestGateway } from './test-gateway.ts';
import { signIn, type SignedIn } from './sign-in.ts';

export const PASSWORD = 'a long enough password';

/** Creates a user through the admin API (no forced password change) and signs them in. */
export async function userSession(
  t: TestGateway,
  admin: SignedIn,
  user: { username: string; role: string; sites?: string[] },
): Promise<SignedIn> {
  const created = await fetch(`${t.gateway.httpUrl}/api/users`, {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ ...user, sites: user.sites ?? [], password: PASSWORD, mustChangePassword: false }),
  });
  if (created.status !== 201) throw new Error(`user not created: ${created.status} ${await created.text()}`);
  return signIn(t.gateway.httpUrl, user.username, PASSWORD);
}

/** Creates a scoped token through the admin API and returns its secret. */
export async function scopedToken(t: TestGateway, admin: SignedIn, body: Record<string, unknown>): Promise<{ token: string; id: number }> {
  const response = await fetch(`${t.gateway.httpUrl}/api/tokens`, {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`token not created: ${response.status} ${await response.text()}`);
  const { token, info } = (await response.json()) as { token: string; info: { id: number } };
  return { token, id: info.id };
}
