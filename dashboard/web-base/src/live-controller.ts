import { io, type Socket } from 'socket.io-client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientToServerEvents, ServerToClientEvents, SocketEventName } from './contract.ts';
import { api } from './api-client.ts';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | undefined;
let users = 0;

/**
 * The app's one socket.io connection, authenticated by the session cookie (or a screen or kiosk
 * token). It reconnects by itself with a randomised, growing delay (0.5 s up to 10 s) after a
 * gateway restart or a network cut; when the gateway closes it (sign-out, a revoked token) the
 * session is over and the app is told once.
 */
function liveSocket(token?: string): LiveSocket {
  if (!socket) {
    socket = io({
      path: '/socket.io',
      withCredentials: true,
      auth: token ? { token } : {},
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') api.sessionExpired();
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized' || error.message === 'forbidden') {
        socket?.disconnect();
        api.sessionExpired();
      }
    });
  }
  return socket;
}

/**
 * Subscribes its host to one live event while the host is on the page, and unsubscribes when it
 * leaves (as home-assistant's subscribe mixin does); the connection closes when nobody listens.
 * `connected` tells the host whether data is live.
 */
export class LiveController<E extends SocketEventName> implements ReactiveController {
  connected = false;
  private s: LiveSocket | undefined;
  private readonly onConnect = () => {
    this.setConnected(true);
    this.options.onConnect?.();
  };
  private readonly onDisconnect = () => this.setConnected(false);

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly event: E,
    private readonly handler: ServerToClientEvents[E],
    /**
     * token: a screen's or kiosk's; onConnect: called each time the socket (re)joins, so a host that
     * loaded its data before can load it again and miss nothing sent while it was not listening
     */
    private readonly options: { token?: string; onConnect?: () => void } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = (this.s = liveSocket(this.options.token));
    users++;
    s.on(this.event, this.handler as never);
    s.on('connect', this.onConnect);
    s.on('disconnect', this.onDisconnect);
    if (!s.connected) s.connect();
    this.setConnected(s.connected);
  }

  hostDisconnected(): void {
    const s = this.s;
    if (!s) return;
    s.off(this.event, this.handler as never);
    s.off('connect', this.onConnect);
    s.off('disconnect', this.onDisconnect);
    this.s = undefined;
    if (--users === 0) {
      s.disconnect();
      socket = undefined;
    }
  }

  private setConnected(on: boolean): void {
    this.connected = on;
    this.host.requestUpdate();
  }
}
