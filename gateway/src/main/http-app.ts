import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyRateLimit from '@fastify/rate-limit';
import { accessControl } from '../platform/http/access-control.ts';
import { securityHeaders } from '../platform/http/security-headers.ts';
import { answerErrors } from '../platform/http/error-answers.ts';
import { publicScope } from '../platform/http/public-scope.ts';
import { auditHook } from '../platform/http/audit-hook.ts';
import { healthRoutes, type HealthChecks } from './health-routes.ts';
import { metricsRoutes } from '../platform/metrics/metrics-routes.ts';
import { uiRoutes } from './ui-routes.ts';
import type { AuditRepo } from '../platform/settings/audit-repo.ts';
import type { PrincipalSources } from '../platform/auth/principal.ts';
import type { Metrics } from '../platform/metrics/metrics.ts';
import type { RouteRegistration } from '../platform/modules/feature-module.ts';
import type { CameraMonitor } from '../modules/emotion/camera-monitor.ts';

/** What the HTTP app needs besides the modules' routes. */
export interface HttpAppOptions {
  /** keys the CSRF tokens' HMAC */
  csrfKey: Buffer;
  /** where sessions and tokens are looked up (shared with realtime) */
  principals: PrincipalSources;
  audit: AuditRepo;
  metrics: Metrics;
  health: () => HealthChecks;
  cameras: CameraMonitor;
  /** folder holding the built dashboard and kiosk apps */
  uiRoot: string;
  /** every module's routes, in module order */
  routes: RouteRegistration[];
}

/** The hash of the one inline style Swagger UI's bundle injects (the browser names it when it is blocked). */
const SWAGGER_UI_STYLE_HASH = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

/** The gateway's HTTP app as one fastify plugin: plugins first, then routes. Not encapsulated, so the server sees its route table. */
export const httpApp = fp(async (app: FastifyInstance, options: HttpAppOptions): Promise<void> => {
  await app.register(securityHeaders);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(accessControl, { csrfKey: options.csrfKey, sources: options.principals });
  await app.register(auditHook, { audit: options.audit });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Feedback gateway API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fb_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'integration, kiosk and screen tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await publicScope(app, async (scope) => {
    await scope.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      // Swagger UI injects one fixed <style> element; allow exactly that one on the docs pages, nothing else inline.
      transformStaticCSP: (header) => header.replace("style-src 'self'", `style-src 'self' '${SWAGGER_UI_STYLE_HASH}'`),
    });
  });

  answerErrors(app);

  // The platform's own routes, then each module's (each plugin is given only the services it declares).
  await app.register(healthRoutes, { services: { health: options.health, cameras: options.cameras } });
  await app.register(metricsRoutes, { services: { metrics: options.metrics } });
  for (const registration of options.routes) await registration.register(app);
  await app.register(uiRoutes, { uiRoot: options.uiRoot });
});
