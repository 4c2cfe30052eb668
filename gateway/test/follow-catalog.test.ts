import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase, type Db } from '../src/platform/store/database.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import { LiveCatalog } from '../src/platform/settings/live-catalog.ts';
import { CatalogRepo } from '../src/platform/settings/catalog-repo.ts';
import { AuditRepo } from '../src/platform/settings/audit-repo.ts';
import { TopologyRepo } from '../src/platform/settings/topology-repo.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { followCatalog } from '../src/platform/modules/follow-catalog.ts';

let db: Db | undefined;
afterEach(() => {
  if (db) closeDatabase(db);
  db = undefined;
});

function running() {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'fb-follow-')), 'test.db'));
  const file = validateConfig({ sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }], points: [{ id: 'desk', siteId: 'berlin', name: 'Desk' }] });
  const catalog = new LiveCatalog({ repo: new CatalogRepo(db), audit: new AuditRepo(db), file });
  const topology = new TopologyRepo(db);
  topology.sync(catalog.config.sites, catalog.config.points, catalog.config.devices);
  const bus = new EventBus();
  const announced: number[] = [];
  bus.on('catalog:changed', ({ version }) => announced.push(version));
  return { catalog, topology, bus, announced, logger: createLogger('silent') };
}

describe('a catalog change reaches every module hook', () => {
  it('hands each owner the old and the new configuration, in module order, after the topology and before screens are told', () => {
    const parts = running();
    const seen: string[] = [];
    const off = followCatalog(parts, [
      { owner: 'first', apply: (old, next) => void seen.push(`first ${old.sites[0]?.name} -> ${next.sites[0]?.name} ${parts.topology.sites()[0]?.name}`) },
      { owner: 'second', apply: () => void seen.push(`second, told ${parts.announced.length}`) },
    ]);
    parts.catalog.change('test', undefined, (draft) => {
      draft.sites[0]!.name = 'Berlin Mitte';
      return { action: 'update', target: 'site berlin' };
    });
    expect(seen).toEqual(['first Berlin -> Berlin Mitte Berlin Mitte', 'second, told 0']);
    expect(parts.announced).toEqual([2]);

    off();
    parts.catalog.change('test', undefined, (draft) => {
      draft.sites[0]!.name = 'Berlin';
      return { action: 'update', target: 'site berlin' };
    });
    expect(seen).toHaveLength(2);
  });
});
