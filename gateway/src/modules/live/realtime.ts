import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from './socket-events.ts';
import { fastifyCookie } from '@fastify/cookie';
import type { EventBus } from '../../platform/events/bus.ts';
import { polarity } from '../../core/scale.ts';
import type { PointSummaries } from '../indices/point-summaries.ts';
import { withContactHidden } from '../cases/case.ts';
import { resolveCredential, type Principal, type PrincipalSources } from '../../platform/auth/principal.ts';

/**
 * The rooms a principal's socket joins: a screen token's one point; the site rooms (summaries,
 * alerts, devices) for those who may read indices; the case rooms for those who may read cases.
 * A kiosk token joins none: it hears only that the settings changed.
 */
function roomsOf(principal: Principal, siteIds: string[]): string[] {
  if (principal.kind === 'token' && principal.token.kind === 'screen')
    return principal.token.pointId ? [`point:${principal.token.pointId}`] : [];
  const sites = siteIds.filter((s) => principal.sites === 'all' || principal.sites.has(s));
  return [
    ...(principal.permissions.has('indices:read') ? sites.map((s) => `site:${s}`) : []),
    ...(principal.permissions.has('cases:read') ? sites.map((s) => `cases:${s}`) : []),
  ];
}

/** The key under which a socket is remembered, to close it when its session or token ends. */
const accessKey = (p: Principal) => (p.kind === 'user' ? `session:${p.sessionId}` : `token:${p.token.id}`);

/**
 * Pushes small deltas to screens over socket.io: after each commit, the new summary of every
 * point that received answers, at most once per `throttleMs` per point. A socket authenticates
 * like the API (the session cookie, or a token in `auth.token`), joins only the rooms of the
 * sites it may see (a screen token: its point), and is closed when its session ends or its
 * token is revoked.
 */
export function attachRealtime(
  httpServer: HttpServer,
  deps: {
    bus: EventBus;
    sources: PrincipalSources;
    summaries: PointSummaries;
    siteIds: () => string[];
    siteOfPoint: (pointId: string) => string | undefined;
    logger: Pick<Logger, 'error'>;
    throttleMs?: number;
  },
): { close(): Promise<void> } {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
  });
  const throttleMs = deps.throttleMs ?? 200;
  const byAccess = new Map<string, Set<Socket<ClientToServerEvents, ServerToClientEvents>>>();

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth.token;
    const credential = resolveCredential(
      {
        headers: { authorization: typeof token === 'string' ? `Bearer ${token}` : undefined },
        cookies: fastifyCookie.parse(socket.handshake.headers.cookie ?? ''),
      },
      deps.sources,
    );
    if (credential.kind !== 'ok') return next(new Error('unauthorized'));
    const p = credential.principal;
    const allowed =
      p.kind === 'user'
        ? !p.user.mustChangePassword && p.permissions.has('indices:read')
        : ['indices:read', 'screen', 'kiosk'].some((x) => p.permissions.has(x as never));
    if (!allowed) return next(new Error('forbidden'));
    socket.data.principal = p;
    next();
  });
  io.on('connection', (socket) => {
    const principal = socket.data.principal as Principal;
    for (const room of roomsOf(principal, deps.siteIds())) void socket.join(room);
    const key = accessKey(principal);
    const sockets = byAccess.get(key) ?? new Set();
    byAccess.set(key, sockets.add(socket));
    socket.once('disconnect', () => {
      sockets.delete(socket);
      if (sockets.size === 0) byAccess.delete(key);
    });
  });

  const unsubscribeEnded = deps.bus.on('access:ended', ({ sessionIds = [], tokenIds = [] }) => {
    for (const key of [...sessionIds.map((s) => `session:${s}`), ...tokenIds.map((t) => `token:${t}`)]) {
      for (const socket of byAccess.get(key) ?? []) socket.disconnect(true);
    }
  });

  // One push at a time, so an older summary of a point never overtakes a newer one; points that got
  // answers while a push was reading wait for the next one.
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let pushing: Promise<void> | undefined;
  const schedule = () => {
    if (!timer && !pushing && dirty.size > 0) timer = setTimeout(push, throttleMs);
  };
  const push = () => {
    timer = undefined;
    const points = new Set(dirty);
    dirty.clear();
    pushing = deps.summaries
      .forPoints(points)
      .then((summaries) => {
        for (const summary of summaries) io.to([`site:${summary.siteId}`, `point:${summary.pointId}`]).emit('point:summary', summary);
      })
      .catch((error: unknown) => deps.logger.error({ err: error }, 'point summaries not pushed'))
      .finally(() => {
        pushing = undefined;
        schedule();
      });
  };
  const unsubscribe = deps.bus.on('answers:stored', (events) => {
    const byPoint = new Map<string, { positive: number; neutral: number; negative: number }>();
    for (const e of events) {
      dirty.add(e.pointId);
      if (e.misuse || e.value === null) continue;
      const counts = byPoint.get(e.pointId) ?? { positive: 0, neutral: 0, negative: 0 };
      counts[polarity(e.scale, e.value)]++;
      byPoint.set(e.pointId, counts);
    }
    // the staff screen's thank-you: at once, not throttled
    for (const [pointId, counts] of byPoint) io.to(`point:${pointId}`).emit('point:answers', { pointId, ...counts });
    schedule();
  });

  const unsubscribeAlerts = deps.bus.on('alert:changed', (event, alert) => {
    const siteId = deps.siteOfPoint(alert.pointId);
    if (siteId) io.to(`site:${siteId}`).emit('alert', { event, alert });
  });

  const unsubscribeDevices = deps.bus.on('device:signal', (signal) => io.to(`site:${signal.siteId}`).emit('device', signal));

  // every screen re-reads what it shows from the settings (a kiosk its survey, a staff screen its goal, the dashboard its points)
  const unsubscribeSettings = deps.bus.on('catalog:changed', (change) => io.emit('settings', change));

  const unsubscribeCases = deps.bus.on('case:changed', (event, c) => {
    // The customer's contact never travels over the socket; the case page fetches it for those who may see it.
    io.to(`cases:${c.siteId}`).emit('case', { event, case: withContactHidden(c) });
  });

  return {
    close: async () => {
      unsubscribe();
      unsubscribeAlerts();
      unsubscribeDevices();
      unsubscribeSettings();
      unsubscribeCases();
      unsubscribeEnded();
      if (timer) clearTimeout(timer);
      dirty.clear();
      await pushing;
      io.disconnectSockets(true);
      // io.close() would also close the HTTP server, which fastify owns.
      io.engine.close();
    },
  };
}
