import type { User, UserRepo } from './user-repo.ts';
import type { ApiToken, TokenRepo } from './token-repo.ts';
import { ROLE_PERMISSIONS, type Permission, type SiteScope } from './access.ts';

export const SESSION_COOKIE = 'fb_session';

/** Who is asking: a signed-in user (browser session cookie) or a scoped token (Authorization: Bearer). */
export type Principal =
  | { kind: 'user'; user: User; sessionId: string; permissions: ReadonlySet<Permission>; sites: SiteScope }
  | { kind: 'token'; token: ApiToken; permissions: ReadonlySet<Permission>; sites: SiteScope };

export interface PrincipalSources {
  users: UserRepo;
  tokens: TokenRepo;
  /** the site of a point or device, for tokens bound to one */
  siteOfPoint: (pointId: string) => string | undefined;
  siteOfDevice: (deviceId: string) => string | undefined;
}

function userPrincipal(user: User, sessionId: string): Principal {
  return {
    kind: 'user',
    user,
    sessionId,
    permissions: ROLE_PERMISSIONS[user.role],
    sites: user.role === 'admin' ? 'all' : new Set(user.sites),
  };
}

function tokenPrincipal(token: ApiToken, s: PrincipalSources): Principal {
  let sites: SiteScope;
  if (token.kind === 'integration') sites = token.siteIds ? new Set(token.siteIds) : 'all';
  else {
    const site = token.pointId ? s.siteOfPoint(token.pointId) : token.deviceId ? s.siteOfDevice(token.deviceId) : undefined;
    sites = new Set(site ? [site] : []);
  }
  return { kind: 'token', token, permissions: new Set(token.scopes), sites };
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

export type Credential = { kind: 'none' } | { kind: 'invalid' } | { kind: 'ok'; principal: Principal };

/** The principal behind a request's session cookie or bearer token. */
export function resolveCredential(
  request: { headers: { authorization?: string | undefined }; cookies: Record<string, string | undefined> },
  s: PrincipalSources,
): Credential {
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) {
    const session = s.users.session(cookie);
    if (session) return { kind: 'ok', principal: userPrincipal(session.user, session.sessionId) };
  }
  const bearer = bearerToken(request.headers.authorization);
  if (bearer) {
    const token = s.tokens.byToken(bearer);
    return token ? { kind: 'ok', principal: tokenPrincipal(token, s) } : { kind: 'invalid' };
  }
  return cookie ? { kind: 'invalid' } : { kind: 'none' };
}

/** Who did something, for logs and records: the user name, or the token's name and id. */
export function principalName(p: Principal): string {
  return p.kind === 'user' ? p.user.username : `token ${p.token.id} (${p.token.name})`;
}
