import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { secretHash } from './user-repo.ts';
import { KIND_PERMISSIONS, type Permission, type TokenKind } from './access.ts';
import type { EventBus } from '../events/bus.ts';

export interface ApiToken {
  id: number;
  name: string;
  kind: TokenKind;
  /** what the token may do (for kiosk, screen and device tokens fixed by the kind) */
  scopes: Permission[];
  /** integration tokens: the sites it may see (null: every site) */
  siteIds: string[] | null;
  /** screen tokens: their point */
  pointId: string | null;
  /** kiosk and device tokens: their device */
  deviceId: string | null;
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface NewToken {
  name: string;
  kind: TokenKind;
  scopes?: Permission[];
  siteIds?: string[] | null;
  pointId?: string | null;
  deviceId?: string | null;
  createdBy: string;
}

interface TokenRow extends Omit<ApiToken, 'scopes' | 'siteIds'> {
  scopes: string;
  siteIds: string | null;
}

const COLUMNS = `id, name, kind, scopes, site_ids AS siteIds, point_id AS pointId, device_id AS deviceId, created_by AS createdBy,
  created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt`;

/**
 * Scoped tokens: integration (chosen scopes), kiosk, screen and device. Shown once; only a hash is kept.
 * The sole announcer of revoked tokens ('access:ended'), so their live sockets close.
 */
export class TokenRepo {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Creates a token; the returned secret is never stored and cannot be shown again. */
  create(t: NewToken): { token: string; info: ApiToken } {
    const token = `fb_${t.kind}_${randomBytes(32).toString('base64url')}`;
    const scopes = t.kind === 'integration' ? (t.scopes ?? []) : KIND_PERMISSIONS[t.kind];
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO api_tokens (name, kind, token_hash, scopes, site_ids, point_id, device_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        t.name,
        t.kind,
        secretHash(token),
        JSON.stringify(scopes),
        t.siteIds ? JSON.stringify(t.siteIds) : null,
        t.pointId ?? null,
        t.deviceId ?? null,
        t.createdBy,
        this.clock(),
      );
    return { token, info: this.get(Number(lastInsertRowid))! };
  }

  get(id: number): ApiToken | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`).get(id) as TokenRow | undefined;
    return row ? parse(row) : undefined;
  }

  list(): ApiToken[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM api_tokens ORDER BY id`).all() as TokenRow[]).map(parse);
  }

  /** Revokes a token and announces it (its live sockets close); true when it was active. */
  revoke(id: number): boolean {
    const revoked =
      this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(this.clock(), id).changes === 1;
    if (revoked) this.bus.emit('access:ended', { tokenIds: [id] });
    return revoked;
  }

  /** The active token behind a secret; records its use at most once a minute. */
  byToken(token: string): ApiToken | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL`).get(secretHash(token)) as
      TokenRow | undefined;
    if (!row) return undefined;
    const now = this.clock();
    if (row.lastUsedAt === null || now - row.lastUsedAt > 60_000)
      this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, row.id);
    return parse(row);
  }

  /** Whether a secret is an active device token of this device (the device's MQTT password). */
  deviceSecretValid(deviceId: string, secret: Buffer): boolean {
    const hash = Buffer.from(secretHash(secret.toString('utf8')));
    const rows = this.db
      .prepare("SELECT token_hash AS h FROM api_tokens WHERE kind = 'device' AND device_id = ? AND revoked_at IS NULL")
      .all(deviceId) as { h: string }[];
    return rows.some((r) => r.h.length === hash.length && timingSafeEqual(Buffer.from(r.h), hash));
  }
}

function parse(row: TokenRow): ApiToken {
  return { ...row, scopes: JSON.parse(row.scopes) as Permission[], siteIds: row.siteIds ? (JSON.parse(row.siteIds) as string[]) : null };
}
