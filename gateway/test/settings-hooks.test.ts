import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase } from '../src/platform/store/database.ts';
import type { Db } from '../src/platform/store/db.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import type { Config } from '../src/platform/config/schema.ts';
import { putItem } from '../src/platform/config/catalog.ts';
import { CatalogRepo } from '../src/platform/settings/catalog-repo.ts';
import { AuditRepo } from '../src/platform/settings/audit-repo.ts';
import { LiveCatalog, type LiveCatalogDeps } from '../src/platform/settings/live-catalog.ts';
import type { CatalogPath } from '../src/platform/settings/restart-required.ts';
import { Refused } from '../src/core/refused.ts';

const SITE = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
const POINT = { id: 'desk', siteId: SITE.id, name: 'Desk' };
const FILE = validateConfig({ sites: [SITE], points: [POINT], devices: [{ id: 'b1', pointId: POINT.id }] });

let db: Db | undefined;
let dir: string | undefined;
afterEach(() => {
  if (db) closeDatabase(db);
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = undefined;
});

function catalogOn(options: Partial<Pick<LiveCatalogDeps, 'onApplyError' | 'restartRequired'>> = {}): LiveCatalog {
  dir = mkdtempSync(join(tmpdir(), 'fb-hooks-'));
  db = openDatabase(join(dir, 'test.db'));
  return new LiveCatalog({ repo: new CatalogRepo(db), audit: new AuditRepo(db), file: FILE, ...options });
}

const renamePoint = (name: string) => (draft: Parameters<Parameters<LiveCatalog['change']>[2]>[0]) => {
  const point = { ...POINT, name };
  putItem(draft, 'points', point);
  return { action: 'update', target: 'points/desk' };
};
const pointName = (config: Config) => config.points.find((p) => p.id === POINT.id)?.name;

describe('settings hooks', () => {
  it('asks every owner before storing: one refusal keeps the settings as they were, and no owner applies it', async () => {
    const catalog = catalogOn();
    const applied: string[] = [];
    catalog.addHook({ owner: 'a', validate: () => undefined, apply: () => void applied.push('a') });
    catalog.addHook({ owner: 'b', validate: (_old, next) => (pointName(next) === 'Bad' ? 'points/desk.name: not that one' : undefined) });
    const refusal = await catalog.change('test', undefined, renamePoint('Bad')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Refused);
    expect(refusal).toMatchObject({ reason: 'invalid', message: 'points/desk.name: not that one' });
    expect(catalog.version).toBe(1);
    expect(pointName(catalog.config)).toBe('Desk');
    expect(applied).toEqual([]);
  });

  it('applies a stored change to every owner in the order they were added, with the old and the new configuration', async () => {
    const catalog = catalogOn();
    const seen: [string, string | undefined, string | undefined, number][] = [];
    catalog.addHook({
      owner: 'first',
      apply: async (old, next) => void seen.push(['first', pointName(old), pointName(next), catalog.version]),
    });
    const remove = catalog.addHook({
      owner: 'second',
      apply: (old, next) => void seen.push(['second', pointName(old), pointName(next), catalog.version]),
    });
    expect(await catalog.change('test', undefined, renamePoint('Front desk'))).toEqual({ version: 2, appliesAfterRestart: [] });
    remove();
    await catalog.change('test', 2, renamePoint('Back desk'));
    expect(seen).toEqual([
      ['first', 'Desk', 'Front desk', 2],
      ['second', 'Desk', 'Front desk', 2],
      ['first', 'Front desk', 'Back desk', 3],
    ]);
    expect(pointName(catalog.config)).toBe('Back desk');
  });

  it('keeps a change another owner could not apply, reports that owner, and still tells the others', async () => {
    const failures: string[] = [];
    const catalog = catalogOn({ onApplyError: (owner, error) => failures.push(`${owner}: ${(error as Error).message}`) });
    const applied: string[] = [];
    catalog.addHook({ owner: 'broken', apply: () => Promise.reject(new Error('no')) });
    catalog.addHook({ owner: 'fine', apply: (_old, next) => void applied.push(pointName(next) ?? '') });
    expect((await catalog.change('test', undefined, renamePoint('Front desk'))).version).toBe(2);
    expect(failures).toEqual(['broken: no']);
    expect(applied).toEqual(['Front desk']);
  });

  it('names the keys a change touches that apply only after a restart', async () => {
    const restartRequired: CatalogPath[] = ['points[].name', 'alerts.evaluateEveryMs'];
    const catalog = catalogOn({ restartRequired });
    expect((await catalog.change('test', undefined, renamePoint('Front desk'))).appliesAfterRestart).toEqual(['points/desk.name']);
    const slower = await catalog.change('test', undefined, (draft) => {
      draft.alerts.evaluateEveryMs = 60_000;
      draft.points.push({ id: 'door', siteId: SITE.id, name: 'Door', sessionMode: false, goal: 80 });
      return { action: 'update', target: 'alerts' };
    });
    expect(slower.appliesAfterRestart).toEqual(['points/door.name', 'alerts.evaluateEveryMs']);
    expect(catalog.appliesAfterRestart(catalog.catalog())).toEqual([]);
  });
});
