import type { FastifyInstance, FastifyError } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { HttpServices } from './services.ts';
import { authHook } from './auth-hook.ts';
import { healthRoutes } from './routes/health.ts';
import { authRoutes } from './routes/auth.ts';
import { pointRoutes } from './routes/points.ts';
import { uiRoutes } from './routes/ui.ts';
import { deviceRoutes } from './routes/devices.ts';
import { indexRoutes } from './routes/indices.ts';
import { trafficRoutes } from './routes/traffic.ts';
import { alertRoutes } from './routes/alerts.ts';
import { exportRoutes } from './routes/export.ts';

/** The gateway's HTTP app as one fastify plugin: plugins first, then routes. */
export async function httpApp(app: FastifyInstance, { services }: { services: HttpServices }): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Feedback gateway API', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  await app.register(authHook, { users: services.users });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ statusCode: status, error: 'Internal Server Error', message: 'Something went wrong; see the gateway log' });
    }
    return reply.code(status).send({ statusCode: status, error: error.code ?? 'Bad Request', message: error.message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No route ${request.method} ${request.url}` }),
  );

  await app.register(healthRoutes, { services });
  await app.register(authRoutes, { services });
  await app.register(pointRoutes, { services });
  await app.register(deviceRoutes, { services });
  await app.register(indexRoutes, { services });
  await app.register(trafficRoutes, { services });
  await app.register(alertRoutes, { services });
  await app.register(exportRoutes, { services });
  await app.register(uiRoutes, { uiRoot: services.uiRoot });
}
