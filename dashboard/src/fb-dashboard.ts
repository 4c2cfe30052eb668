import { LitElement, css, html } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { api, currentUser, session, UnauthorizedError } from './session.ts';
import type { PointSummary, PointsResponse } from './types.ts';
import './fb-login.ts';
import './fb-point-card.ts';

/** The manager dashboard: signs in, loads every point's numbers, then applies live deltas. */
export class FbDashboard extends LitElement {
  static override properties = { points: { state: true }, signedIn: { state: true }, live: { state: true } };
  declare points: Map<string, PointSummary>;
  declare signedIn: boolean;
  declare live: boolean;
  private socket: Socket | undefined;

  constructor() {
    super();
    this.points = new Map();
    this.signedIn = false;
    this.live = false;
  }

  static override styles = css`
    header { display: flex; align-items: center; justify-content: space-between; padding: 1rem 1.5rem; background: #1d2430; color: #fff; }
    header h1 { font-size: 1.1rem; margin: 0; }
    .status { font-size: 0.85rem; opacity: 0.85; }
    .status::before { content: '●'; margin-right: 0.4em; color: var(--dot, #999); }
    .status.live { --dot: #3ccf7a; }
    button { font: inherit; background: transparent; color: #fff; border: 1px solid #fff6; border-radius: 6px; padding: 0.3rem 0.8rem; cursor: pointer; }
    main { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 1rem; padding: 1.5rem; }
    .empty { color: #5b6472; }
  `;

  override connectedCallback() {
    super.connectedCallback();
    // The session cookie is HttpOnly: ask the gateway whether it is still good.
    void currentUser().then((user) => {
      if (user && !this.signedIn) this.onSignedIn();
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  private async start() {
    try {
      const { points } = await api<PointsResponse>('/api/points');
      this.points = new Map(points.map((p) => [p.pointId, p]));
    } catch (error) {
      if (error instanceof UnauthorizedError) return this.signOut();
      throw error;
    }
    // Same origin: the browser sends the session cookie with the socket's handshake.
    this.socket = io({ path: '/socket.io', withCredentials: true });
    this.socket.on('connect', () => (this.live = true));
    this.socket.on('disconnect', () => (this.live = false));
    this.socket.on('connect_error', (error) => {
      this.live = false;
      if (error.message === 'unauthorized') this.signOut();
    });
    this.socket.on('point:summary', (summary: PointSummary) => {
      this.points = new Map(this.points).set(summary.pointId, summary);
    });
  }

  private stop() {
    this.socket?.disconnect();
    this.socket = undefined;
    this.live = false;
  }

  private signOut() {
    this.stop();
    void api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    session.clear();
    this.signedIn = false;
  }

  private onSignedIn() {
    this.signedIn = true;
    void this.start();
  }

  override render() {
    if (!this.signedIn) return html`<fb-login @signed-in=${this.onSignedIn}></fb-login>`;
    return html`
      <header>
        <h1>Customer feedback</h1>
        <span class="status ${this.live ? 'live' : ''}" data-testid="live-status">${this.live ? 'live' : 'connecting…'}</span>
        <button @click=${() => this.signOut()}>Sign out</button>
      </header>
      <main>
        ${this.points.size === 0 ? html`<p class="empty">No points are configured yet.</p>` : ''}
        ${[...this.points.values()].map((p) => html`<fb-point-card data-point=${p.pointId} .summary=${p}></fb-point-card>`)}
      </main>
    `;
  }
}
customElements.define('fb-dashboard', FbDashboard);
