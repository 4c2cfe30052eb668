/**
 * What each role may do, written out independently of the gateway's own table so that a change
 * there has to be made here too, on purpose.
 */
const READ = ['indices:read', 'answers:read', 'staff:read', 'cases:read'];
const MANAGE = [...READ, 'traffic:write', 'staff:write', 'alerts:write', 'devices:write', 'cases:write', 'settings:write'];

export const PERMISSION_OF_ROLE: Record<string, Set<string>> = {
  admin: new Set([...MANAGE, 'admin']),
  manager: new Set(MANAGE),
  viewer: new Set(READ),
};

/**
 * Who may call each route, as the product means it. A route the gateway registers that is not in
 * this list, or declares something else, fails the access table test: adding a route means
 * deciding here who may use it.
 */
export const ROUTE_ACCESS: Record<string, string> = {
  'GET /health': 'public',
  'GET /metrics': 'public',
  'GET /': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'session',
  'GET /api/auth/me': 'session',
  'POST /api/auth/password': 'session',
  'GET /api/settings': 'settings:write',
  'GET /api/surveys': 'indices:read',
  'PUT /api/settings/webhooks': 'admin',
  'GET /api/settings/audit': 'admin',
  'GET /api/settings/export': 'admin',
  'POST /api/settings/import': 'admin',
  'PUT /api/settings/sites/:id': 'settings:write',
  'DELETE /api/settings/sites/:id': 'settings:write',
  'PUT /api/settings/points/:id': 'settings:write',
  'DELETE /api/settings/points/:id': 'settings:write',
  'PUT /api/settings/devices/:id': 'settings:write',
  'DELETE /api/settings/devices/:id': 'settings:write',
  'PUT /api/settings/surveys/:id': 'settings:write',
  'DELETE /api/settings/surveys/:id': 'settings:write',
  'PUT /api/settings/alert-rules/:id': 'settings:write',
  'DELETE /api/settings/alert-rules/:id': 'settings:write',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'POST /api/users/:id/password': 'admin',
  'DELETE /api/users/:id': 'admin',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/:id': 'admin',
  'GET /api/webhooks/deliveries': 'admin',
  'GET /api/cameras': 'indices:read',
  'GET /api/points': 'indices:read',
  'GET /api/devices': 'indices:read',
  'GET /api/overview': 'indices:read',
  'GET /api/devices/:deviceId/boots': 'indices:read',
  'GET /api/indices/:index': 'indices:read',
  'GET /api/indices/:index/breakdown': 'indices:read',
  'GET /api/indices/:index/trend': 'indices:read',
  'GET /api/alerts': 'indices:read',
  'GET /api/answers': 'answers:read',
  'GET /api/export/answers.:format': 'answers:read',
  'POST /api/points/:pointId/invite': 'devices:write',
  'POST /api/customers': 'traffic:write',
  'POST /api/customers/import': 'traffic:write',
  'PUT /api/staff/:staffId': 'staff:write',
  'GET /api/staff': 'staff:read',
  'POST /api/shifts': 'staff:write',
  'GET /api/shifts': 'staff:read',
  'POST /api/alerts/:id/ack': 'alerts:write',
  'GET /api/kiosk/survey': 'kiosk',
  'POST /api/kiosk/answers': 'kiosk',
  'GET /api/screen/summary': 'screen',
  'POST /api/tokens/pairing-codes': 'admin',
  'POST /api/pair': 'public',
  'POST /api/kiosk/notes': 'kiosk',
  'GET /api/cases': 'cases:read',
  'GET /api/cases/:id': 'cases:read',
  'POST /api/cases': 'cases:write',
  'PATCH /api/cases/:id': 'cases:write',
  'POST /api/cases/:id/status': 'cases:write',
  'POST /api/cases/:id/comments': 'cases:write',
  'DELETE /api/cases/:id/contact': 'cases:write',
  'GET /api/reviews': 'cases:read',
  'POST /api/reviews/import': 'cases:write',
  'GET /api/reviews/:id/draft': 'cases:read',
  'POST /api/reviews/:id/reply': 'cases:write',
  'POST /api/reviews/:id/status': 'cases:write',
  'POST /api/reviews/checks': 'cases:write',
  'GET /api/reviews/checks': 'cases:read',
  'POST /api/reviews/webhook': 'public',
  'GET /api/reports': 'cases:read',
  'POST /api/reports': 'cases:write',
  'GET /api/reports/:id/report.:format': 'cases:read',
  'GET /api/assessments/checklist': 'cases:read',
  'POST /api/assessments': 'cases:write',
  'GET /api/assessments': 'cases:read',
  'GET /api/comments': 'cases:read',
  'POST /api/kiosk/pulse': 'kiosk',
  'GET /api/pulse': 'staff:read',
  'POST /api/points/:pointId/survey-codes': 'traffic:write',
  'GET /api/phone/:code/survey': 'public',
  'POST /api/phone/:code/answers': 'public',
  'PUT /api/comments/:deviceId/:boot/:seq/publishable': 'cases:write',
};

/** Static files and the API docs: public by prefix (they hold no data). */
export const PUBLIC_PREFIXES = ['/docs', '/dashboard/', '/kiosk/', '/screen/', '/s/'];

/** The access a route should declare, or undefined for a route nobody decided about. */
export function intendedAccess(method: string, url: string): string | undefined {
  return ROUTE_ACCESS[`${method} ${url}`] ?? (PUBLIC_PREFIXES.some((p) => url.startsWith(p)) && method === 'GET' ? 'public' : undefined);
}
