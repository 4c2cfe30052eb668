import type { Db } from '../store/db.ts';
import type { Catalog } from '../config/catalog.ts';

export interface StoredCatalog {
  version: number;
  catalog: Catalog;
  updatedAt: number;
  updatedBy: string;
}

/** The one catalog row: read at start, replaced (with its version bumped) by every change. */
export class CatalogRepo {
  constructor(readonly db: Db) {}

  load(): StoredCatalog | undefined {
    const row = this.db
      .prepare('SELECT version, document, updated_at AS updatedAt, updated_by AS updatedBy FROM catalog WHERE id = 1')
      .get() as { version: number; document: string; updatedAt: number; updatedBy: string } | undefined;
    return (
      row && { version: row.version, catalog: JSON.parse(row.document) as Catalog, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
    );
  }

  /** Writes version `version`; false when another change got there first (the stored version is not version − 1). */
  save(version: number, catalog: Catalog, at: number, by: string): boolean {
    const document = JSON.stringify(catalog);
    if (version === 1) {
      return (
        this.db
          .prepare('INSERT OR IGNORE INTO catalog (id, version, document, updated_at, updated_by) VALUES (1, 1, ?, ?, ?)')
          .run(document, at, by).changes === 1
      );
    }
    return (
      this.db
        .prepare('UPDATE catalog SET version = ?, document = ?, updated_at = ?, updated_by = ? WHERE id = 1 AND version = ?')
        .run(version, document, at, by, version - 1).changes === 1
    );
  }
}
