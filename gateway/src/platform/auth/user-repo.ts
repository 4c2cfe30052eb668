import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Role } from './access.ts';
import type { EventBus } from '../events/bus.ts';
import { ExpiryTimer } from './session-expiry.ts';

export interface User {
  id: number;
  username: string;
  role: Role;
  /** the sites a manager or viewer may see (an admin sees every site; this list is then empty) */
  sites: string[];
  /** set for a generated first password: the user must choose their own before anything else */
  mustChangePassword: boolean;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  sites?: string[];
  mustChangePassword?: boolean;
}

export interface OpenedSession {
  /** the secret, for the cookie; never stored */
  token: string;
  /** a hash of the token: names the session in logs, CSRF tokens and socket bookkeeping */
  sessionId: string;
  expiresAt: number;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// Hashed even for an unknown user so that timing does not tell which names exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA';

interface UserRow {
  id: number;
  username: string;
  role: Role;
  mustChangePassword: number;
}

/**
 * Users with slow-hashed passwords, their sites, and login sessions stored only as token hashes.
 * The sole announcer of ended sessions: whatever ends one (sign-out, a password set, a role or
 * sites changed, the user deleted, expiry) emits 'access:ended' for it, so its live sockets close.
 */
export class UserRepo {
  private readonly sessionMs: number;
  private readonly bus: EventBus;
  private readonly clock: () => number;
  private readonly expiry: ExpiryTimer;

  constructor(
    private readonly db: Db,
    options: { sessionMs: number; bus: EventBus; clock?: () => number },
  ) {
    this.sessionMs = options.sessionMs;
    this.bus = options.bus;
    this.clock = options.clock ?? Date.now;
    this.expiry = new ExpiryTimer(() => this.endExpired(), this.clock);
    this.expiry.wakeAt(this.nextExpiry());
  }

  /** Stops waiting for the next expiry (before the database closes). */
  close(): void {
    this.expiry.stop();
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async create(u: NewUser): Promise<User> {
    const hash = await hashPassword(u.password);
    const id = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO users (username, password_hash, role, created_at, must_change_password) VALUES (?, ?, ?, ?, ?)')
        .run(u.username, hash, u.role, this.clock(), u.mustChangePassword ? 1 : 0);
      this.writeSites(Number(lastInsertRowid), u.sites ?? []);
      return Number(lastInsertRowid);
    })();
    return this.get(id)!;
  }

  get(id: number): User | undefined {
    const row = this.db.prepare('SELECT id, username, role, must_change_password AS mustChangePassword FROM users WHERE id = ?').get(id) as
      UserRow | undefined;
    return row ? this.withSites(row) : undefined;
  }

  byName(username: string): User | undefined {
    const row = this.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number } | undefined;
    return row ? this.get(row.id) : undefined;
  }

  list(): User[] {
    const rows = this.db
      .prepare('SELECT id, username, role, must_change_password AS mustChangePassword FROM users ORDER BY username')
      .all() as UserRow[];
    return rows.map((r) => this.withSites(r));
  }

  /** Changes a user's role or sites; returns the sessions that were ended (the user signs in again). */
  update(id: number, change: { role?: Role | undefined; sites?: string[] | undefined }): string[] {
    const ended = this.db.transaction(() => {
      if (change.role !== undefined) this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(change.role, id);
      if (change.sites !== undefined) this.writeSites(id, change.sites);
      return this.endSessionsOf(id);
    })();
    return this.announced(ended);
  }

  /** Deletes a user; returns the sessions that were ended. */
  delete(id: number): string[] {
    const ended = this.db.transaction(() => {
      const ids = this.endSessionsOf(id);
      this.db.prepare('DELETE FROM users WHERE id = ?').run(id);
      return ids;
    })();
    return this.announced(ended);
  }

  /** Whether this is the user's password (slow hash, the same cost for unknown names). */
  async verify(username: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare('SELECT id, password_hash AS hash FROM users WHERE username = ?').get(username) as
      { id: number; hash: string } | undefined;
    const ok = await verifyPassword(password, row?.hash ?? DUMMY_HASH);
    return row && ok ? this.get(row.id) : undefined;
  }

  /** Sets a new password; every other session of the user ends. Returns the sessions ended. */
  async setPassword(id: number, password: string, options: { mustChange: boolean; keepSession?: string | undefined }): Promise<string[]> {
    const hash = await hashPassword(password);
    const ended = this.db.transaction(() => {
      this.db
        .prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?')
        .run(hash, options.mustChange ? 1 : 0, id);
      return this.endSessionsOf(id, options.keepSession);
    })();
    return this.announced(ended);
  }

  openSession(userId: number): OpenedSession {
    const token = randomBytes(32).toString('base64url');
    const sessionId = secretHash(token);
    const now = this.clock();
    const expiresAt = now + this.sessionMs;
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
      .run(sessionId, userId, expiresAt, now);
    this.expiry.wakeAt(expiresAt);
    return { token, sessionId, expiresAt };
  }

  /** The user behind a session token, if the session exists and has not expired. */
  session(token: string): { user: User; sessionId: string } | undefined {
    const sessionId = secretHash(token);
    const row = this.db
      .prepare('SELECT user_id AS userId FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(sessionId, this.clock()) as { userId: number } | undefined;
    const user = row ? this.get(row.userId) : undefined;
    return user ? { user, sessionId } : undefined;
  }

  endSession(sessionId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sessionId);
    this.announced([sessionId]);
  }

  /** Ends the sessions whose time is up, and waits for the next one to expire. */
  private endExpired(): void {
    const now = this.clock();
    const ids = (this.db.prepare('SELECT token_hash AS id FROM sessions WHERE expires_at <= ?').all(now) as { id: string }[]).map(
      (r) => r.id,
    );
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.announced(ids);
    this.expiry.wakeAt(this.nextExpiry());
  }

  private nextExpiry(): number | undefined {
    return (this.db.prepare('SELECT MIN(expires_at) AS at FROM sessions').get() as { at: number | null }).at ?? undefined;
  }

  /** Tells the bus these sessions ended (their live sockets close); returns them. */
  private announced(sessionIds: string[]): string[] {
    if (sessionIds.length > 0) this.bus.emit('access:ended', { sessionIds });
    return sessionIds;
  }

  private endSessionsOf(userId: number, keep?: string): string[] {
    const ids = (this.db.prepare('SELECT token_hash AS id FROM sessions WHERE user_id = ?').all(userId) as { id: string }[])
      .map((r) => r.id)
      .filter((id) => id !== keep);
    const del = this.db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    for (const id of ids) del.run(id);
    return ids;
  }

  private writeSites(userId: number, sites: string[]): void {
    this.db.prepare('DELETE FROM user_sites WHERE user_id = ?').run(userId);
    const insert = this.db.prepare('INSERT OR IGNORE INTO user_sites (user_id, site_id) VALUES (?, ?)');
    for (const site of sites) insert.run(userId, site);
  }

  private withSites(row: UserRow): User {
    const sites = (
      this.db.prepare('SELECT site_id AS site FROM user_sites WHERE user_id = ? ORDER BY site_id').all(row.id) as { site: string }[]
    ).map((r) => r.site);
    return { id: row.id, username: row.username, role: row.role, sites, mustChangePassword: row.mustChangePassword === 1 };
  }
}
