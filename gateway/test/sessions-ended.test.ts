import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase, type Db } from '../src/platform/store/database.ts';
import { EventBus, type BusEvents } from '../src/platform/events/bus.ts';
import { UserRepo } from '../src/platform/auth/user-repo.ts';
import { TokenRepo } from '../src/platform/auth/token-repo.ts';

type Ended = BusEvents['access:ended'][0];

let dir: string;
let db: Db;
let bus: EventBus;
let announced: Ended[];
let users: UserRepo | undefined;

/** A user repository on a real database whose sessions last `sessionMs`. */
function usersFor(sessionMs: number): UserRepo {
  users = new UserRepo(db, { sessionMs, bus });
  return users;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-sessions-'));
  db = openDatabase(join(dir, 'test.db'));
  bus = new EventBus();
  announced = [];
  bus.on('access:ended', (ended) => announced.push(ended));
});

afterEach(() => {
  users?.close();
  users = undefined;
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('auth announces every ended session itself', () => {
  it('on sign-out, a password set, a role change and the user deleted', async () => {
    const repo = usersFor(3600_000);
    const ann = await repo.create({ username: 'ann', password: 'a long enough password', role: 'viewer' });
    const signOut = repo.openSession(ann.id).sessionId;
    repo.endSession(signOut);
    expect(announced).toEqual([{ sessionIds: [signOut] }]);

    const kept = repo.openSession(ann.id).sessionId;
    const other = repo.openSession(ann.id).sessionId;
    await repo.setPassword(ann.id, 'another long password', { mustChange: false, keepSession: kept });
    expect(announced.at(-1)).toEqual({ sessionIds: [other] });

    repo.update(ann.id, { role: 'manager' });
    expect(announced.at(-1)).toEqual({ sessionIds: [kept] });

    const last = repo.openSession(ann.id).sessionId;
    repo.delete(ann.id);
    expect(announced.at(-1)).toEqual({ sessionIds: [last] });
    expect(announced).toHaveLength(4);
  });

  it('when a session expires, at its expiry and without a request', async () => {
    const repo = usersFor(300);
    const ann = await repo.create({ username: 'ann', password: 'a long enough password', role: 'viewer' });
    const session = repo.openSession(ann.id);
    expect(repo.session(session.token)).toBeDefined();
    const ended = await new Promise<Ended>((resolve) => bus.on('access:ended', resolve));
    expect(ended).toEqual({ sessionIds: [session.sessionId] });
    expect(Date.now()).toBeGreaterThanOrEqual(session.expiresAt);
    expect(repo.session(session.token)).toBeUndefined();
  });

  it('when a token is revoked, once', () => {
    const tokens = new TokenRepo(db, bus);
    const { info } = tokens.create({ name: 'tv', kind: 'integration', scopes: ['indices:read'], createdBy: 'admin' });
    expect(tokens.revoke(info.id)).toBe(true);
    expect(tokens.revoke(info.id)).toBe(false);
    expect(announced).toEqual([{ tokenIds: [info.id] }]);
  });
});
