import { api } from '@feedback/web-base/api-client.ts';
import type { BodyOf } from '@feedback/web-base/contract.ts';

export type IntegrationScope = NonNullable<BodyOf<'POST /api/tokens'>['scopes']>[number];

export const tokens = () => api.call('GET /api/tokens').then((r) => r.tokens);

/** A token for an integration, shown only now (only its hash is kept). */
export const createIntegrationToken = (name: string, scopes: IntegrationScope[], siteIds: string[]) =>
  api
    .call('POST /api/tokens', { body: { name, kind: 'integration', scopes, ...(siteIds.length > 0 ? { siteIds } : {}) } })
    .then((r) => r.token);

/** Revokes a token at once; its live sockets close. */
export const revokeToken = (id: number) => api.call('DELETE /api/tokens/:id', { params: { id } });
