import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyRateLimit from '@fastify/rate-limit';
import type { HttpServices } from './services.ts';
import { accessControl } from '../platform/http/access-control.ts';
import { securityHeaders } from '../platform/http/security-headers.ts';
import { answerErrors } from '../platform/http/error-answers.ts';
import { publicScope } from '../platform/http/public-scope.ts';
import { settingsRoutes } from '../modules/settings/settings-routes.ts';
import { surveyRoutes } from '../modules/surveys/survey-routes.ts';
import { auditHook } from '../platform/http/audit-hook.ts';
import { settingsTransferRoutes } from '../modules/settings/settings-transfer-routes.ts';
import { healthRoutes } from './health-routes.ts';
import { metricsRoutes } from '../platform/metrics/metrics-routes.ts';
import { authRoutes } from '../modules/accounts/auth-routes.ts';
import { userRoutes } from '../modules/accounts/user-routes.ts';
import { tokenRoutes } from '../modules/accounts/token-routes.ts';
import { pairingRoutes } from '../modules/accounts/pairing-routes.ts';
import { pointRoutes } from '../modules/indices/point-routes.ts';
import { answerRoutes } from '../modules/answers/answer-routes.ts';
import { deviceRoutes } from '../modules/devices/device-routes.ts';
import { cameraRoutes } from '../modules/emotion/camera-routes.ts';
import { indexRoutes } from '../modules/indices/index-routes.ts';
import { overviewRoutes } from '../modules/indices/overview-routes.ts';
import { customerRoutes } from '../modules/traffic/customer-routes.ts';
import { staffRoutes } from '../modules/staff/staff-routes.ts';
import { shiftRoutes } from '../modules/staff/shift-routes.ts';
import { alertRoutes } from '../modules/alerts/alert-routes.ts';
import { webhookRoutes } from '../modules/alerts/webhook-routes.ts';
import { exportRoutes } from '../modules/answers/export-routes.ts';
import { kioskRoutes } from '../modules/surveys/kiosk-routes.ts';
import { screenRoutes } from '../modules/live/screen-routes.ts';
import { caseRoutes } from '../modules/cases/case-routes.ts';
import { reviewRoutes } from '../modules/reviews/review-routes.ts';
import { reportRoutes } from '../modules/reports/report-routes.ts';
import { assessmentRoutes } from '../modules/reports/assessment-routes.ts';
import { commentRoutes } from '../modules/cases/comment-routes.ts';
import { pulseRoutes } from '../modules/staff/pulse-routes.ts';
import { phoneRoutes } from '../modules/surveys/phone-routes.ts';
import { uiRoutes } from './ui-routes.ts';

/** The hash of the one inline style Swagger UI's bundle injects (the browser names it when it is blocked). */
const SWAGGER_UI_STYLE_HASH = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

/** The gateway's HTTP app as one fastify plugin: plugins first, then routes. Not encapsulated, so the server sees its route table. */
export const httpApp = fp(async (app: FastifyInstance, { services }: { services: HttpServices }): Promise<void> => {
  await app.register(securityHeaders);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(accessControl, { csrfKey: services.csrfKey, sources: services.principals });
  await app.register(auditHook, { audit: services.audit });
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

  // One plugin per resource, each given only the services it declares (see its type).
  await app.register(healthRoutes, { services });
  await app.register(metricsRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(userRoutes, { services });
  await app.register(tokenRoutes, { services });
  await app.register(pairingRoutes, { services });
  await app.register(pointRoutes, { services });
  await app.register(answerRoutes, { services });
  await app.register(deviceRoutes, { services });
  await app.register(cameraRoutes, { services });
  await app.register(indexRoutes, { services });
  await app.register(overviewRoutes, { services });
  await app.register(customerRoutes, { services });
  await app.register(staffRoutes, { services });
  await app.register(shiftRoutes, { services });
  await app.register(alertRoutes, { services });
  await app.register(webhookRoutes, { services });
  await app.register(exportRoutes, { services });
  await app.register(kioskRoutes, { services });
  await app.register(screenRoutes, { services });
  await app.register(caseRoutes, { services });
  await app.register(reviewRoutes, { services });
  await app.register(reportRoutes, { services });
  await app.register(assessmentRoutes, { services });
  await app.register(commentRoutes, { services });
  await app.register(pulseRoutes, { services });
  await app.register(phoneRoutes, { services });
  await app.register(settingsRoutes, { services });
  await app.register(surveyRoutes, { services });
  await app.register(settingsTransferRoutes, { services });
  await app.register(uiRoutes, { uiRoot: services.uiRoot });
});
