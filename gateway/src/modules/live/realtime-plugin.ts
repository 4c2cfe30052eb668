import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { attachRealtime } from './realtime.ts';

type RealtimeDeps = Omit<Parameters<typeof attachRealtime>[1], 'throttleMs'>;

/** The socket.io server on the app's HTTP server; closed before the server stops (its sockets would hold it open). */
export const realtimePlugin = fp(async (app: FastifyInstance, { realtime }: { realtime: RealtimeDeps }): Promise<void> => {
  const attached = attachRealtime(app.server, realtime);
  app.addHook('preClose', async () => attached.close());
});
