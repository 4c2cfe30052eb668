import type { FastifyInstance } from 'fastify';

/**
 * Registers third-party plugins whose routes are public by nature (API docs, the apps' static
 * files): every route registered inside is declared public. Everything else declares its access.
 */
export async function publicScope(app: FastifyInstance, register: (scope: FastifyInstance) => Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object | undefined), access: 'public' };
    });
    await register(scope);
  });
}
