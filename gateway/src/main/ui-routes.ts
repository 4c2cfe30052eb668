import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { publicScope } from '../platform/http/public-scope.ts';

/** Serves the built lit apps: /dashboard/ and /kiosk/ (index.html at each view's address), and the staff screen at /screen/<name>. The apps ask for a login or a token. */
export async function uiRoutes(app: FastifyInstance, { uiRoot }: { uiRoot: string }): Promise<void> {
  const apps = [
    { prefix: '/dashboard/', dir: join(uiRoot, 'dashboard', 'dist') },
    { prefix: '/kiosk/', dir: join(uiRoot, 'kiosk-ui', 'dist') },
  ];
  for (const { prefix, dir } of apps) {
    if (existsSync(join(dir, 'index.html'))) {
      // The apps' files are public (they hold no data); everything they show comes from the API.
      await publicScope(app, async (scope) => {
        // Each app in its own encapsulated scope, each with its own reply.sendFile.
        await scope.register(fastifyStatic, { root: dir, prefix, decorateReply: true, index: 'index.html' });
        // A view's own address (/dashboard/trends?…) is the app too: its router reads the view from the URL.
        scope.get(`${prefix}:view(^[a-z][a-z-]*$)`, { schema: { hide: true } }, async (_request, reply) =>
          reply.sendFile('index.html', dir),
        );
        // The staff screen (a page of the dashboard's build): /screen/<name>, with its token after the #.
        // A survey on a customer's phone (the kiosk's build in phone mode): /s/<code>, the address a QR code holds.
        if (prefix === '/kiosk/')
          scope.get('/s/:code(^[A-Za-z0-9]{8,32}$)', { schema: { hide: true } }, async (_request, reply) =>
            reply.sendFile('index.html', dir),
          );
        if (prefix === '/dashboard/' && existsSync(join(dir, 'screen.html'))) {
          scope.get('/screen/:name(^[A-Za-z0-9_.-]{1,64}$)', { schema: { hide: true } }, async (_request, reply) =>
            reply.sendFile('screen.html', dir),
          );
        }
      });
    } else {
      app.get(`${prefix}*`, { config: { access: 'public' } }, async (_request, reply) =>
        reply.code(503).type('text/plain').send(`This app is not built yet: run "npm run build" (looked in ${dir}).`),
      );
    }
  }
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.redirect('/dashboard/'));
}
