/**
 * Who may do what. A route declares one Access; a principal (a signed-in user or a scoped token)
 * carries a set of permissions and the sites it may see.
 */
export const ROLES = ['admin', 'manager', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** indices, point summaries, alerts, devices, cameras */
  'indices:read',
  /** raw answers and exports */
  'answers:read',
  /** customers served (API and CSV) */
  'traffic:write',
  'staff:read',
  /** staff and their shifts */
  'staff:write',
  /** acknowledge alerts */
  'alerts:write',
  /** cases, online reviews, reports and self-assessments (contacts left out) */
  'cases:read',
  /** open and handle cases, see and erase customers' contacts, import and answer reviews, make reports */
  'cases:write',
  /** open a rating at a point (session mode) */
  'devices:write',
  /** the settings of one's sites: the sites themselves, their points and devices (admins: everything, with the audit log) */
  'settings:write',
  /** users, tokens, the webhook delivery log */
  'admin',
  /** a kiosk: read its own survey, submit answers */
  'kiosk',
  /** a staff screen: read its own point's live summary */
  'screen',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a route needs: nothing (public), any signed-in user (their own account), or a permission. */
export type Access = 'public' | 'session' | Permission;

const READ: Permission[] = ['indices:read', 'answers:read', 'staff:read', 'cases:read'];
const MANAGE: Permission[] = [...READ, 'traffic:write', 'staff:write', 'alerts:write', 'devices:write', 'cases:write', 'settings:write'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set([...MANAGE, 'admin']),
  manager: new Set(MANAGE),
  viewer: new Set(READ),
};

export const TOKEN_KINDS = ['integration', 'kiosk', 'screen', 'device'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** The scopes an integration token may be given: the data permissions, never admin, kiosk or screen. */
export const INTEGRATION_SCOPES = MANAGE;

/** The fixed permissions of the other token kinds (a device token works on MQTT only: none here). */
export const KIND_PERMISSIONS: Record<Exclude<TokenKind, 'integration'>, Permission[]> = {
  kiosk: ['kiosk'],
  screen: ['screen'],
  device: [],
};

/** The sites a principal may see: every site, or a list. */
export type SiteScope = 'all' | ReadonlySet<string>;

export function siteAllowed(scope: SiteScope, siteId: string): boolean {
  return scope === 'all' || scope.has(siteId);
}
