import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/database.ts';
import { hashPassword, verifyPassword } from './password.ts';

export type Role = 'admin' | 'manager' | 'staff';

export interface User {
  id: number;
  username: string;
  role: Role;
}

export interface Session {
  token: string;
  expiresAt: number;
  user: User;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Users with slow-hashed passwords, and login sessions stored only as token hashes. */
export class UserRepo {
  constructor(
    private readonly db: Db,
    private readonly sessionMs: number,
  ) {}

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async create(username: string, password: string, role: Role): Promise<User> {
    const hash = await hashPassword(password);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)')
      .run(username, hash, role, Date.now());
    return { id: Number(lastInsertRowid), username, role };
  }

  /** Checks the password and opens a session; undefined when the name or password is wrong. */
  async login(username: string, password: string): Promise<Session | undefined> {
    const row = this.db.prepare('SELECT id, username, role, password_hash AS hash FROM users WHERE username = ?').get(username) as
      | (User & { hash: string })
      | undefined;
    // Hash even for an unknown user so that timing does not tell which names exist.
    const ok = await verifyPassword(password, row?.hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
    if (!row || !ok) return undefined;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = Date.now() + this.sessionMs;
    this.db.prepare('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), row.id, expiresAt);
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(Date.now());
    return { token, expiresAt, user: { id: row.id, username: row.username, role: row.role } };
  }

  /** The user behind a session token, if the session exists and has not expired. */
  userForToken(token: string): User | undefined {
    return this.db
      .prepare(
        `SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(tokenHash(token), Date.now()) as User | undefined;
  }

  logout(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}
