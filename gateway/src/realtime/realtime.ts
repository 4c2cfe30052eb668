import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { EventBus } from '../events/bus.ts';
import type { UserRepo } from '../auth/user-repo.ts';
import type { PointSummaries } from '../indices/point-summaries.ts';

export const SUMMARY_EVENT = 'point:summary';
export const ALERT_EVENT = 'alert';

/**
 * Pushes small deltas to screens over socket.io: after each commit, the new summary of every
 * point that received answers, at most once per `throttleMs` per point. Sockets must present a
 * session token; each joins one room per site.
 */
export function attachRealtime(
  httpServer: HttpServer,
  deps: {
    bus: EventBus;
    users: UserRepo;
    summaries: PointSummaries;
    siteIds: () => string[];
    siteOfPoint: (pointId: string) => string | undefined;
    throttleMs?: number;
  },
): { close(): Promise<void> } {
  const io = new Server(httpServer, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 16 * 1024 });
  const throttleMs = deps.throttleMs ?? 200;

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    const user = typeof token === 'string' ? deps.users.userForToken(token) : undefined;
    if (!user) return next(new Error('unauthorized'));
    socket.data.user = user;
    next();
  });
  io.on('connection', (socket) => {
    for (const site of deps.siteIds()) void socket.join(`site:${site}`);
  });

  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const push = () => {
    timer = undefined;
    const points = new Set(dirty);
    dirty.clear();
    for (const summary of deps.summaries.forPoints(points)) io.to(`site:${summary.siteId}`).emit(SUMMARY_EVENT, summary);
  };
  const unsubscribe = deps.bus.on('answers:stored', (events) => {
    for (const e of events) dirty.add(e.pointId);
    timer ??= setTimeout(push, throttleMs);
  });

  const unsubscribeAlerts = deps.bus.on('alert:changed', (event, alert) => {
    const siteId = deps.siteOfPoint(alert.pointId);
    if (siteId) io.to(`site:${siteId}`).emit(ALERT_EVENT, { event, alert });
  });

  return {
    close: async () => {
      unsubscribe();
      unsubscribeAlerts();
      if (timer) clearTimeout(timer);
      io.disconnectSockets(true);
      // io.close() would also close the HTTP server, which fastify owns.
      io.engine.close();
    },
  };
}
