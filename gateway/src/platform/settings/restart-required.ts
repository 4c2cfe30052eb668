import type { Config } from '../config/schema.ts';
import { ITEM_SECTIONS, itemsOf, type CatalogItem, type ItemSection } from '../config/catalog.ts';

/**
 * A catalog key whose change the running gateway cannot follow: `<item section>[].<field>` (one
 * field of every entry, e.g. `devices[].source`) or `<section>.<field>` (e.g. `alerts.evaluateEveryMs`).
 */
export type CatalogPath = `${ItemSection}[].${string}` | `alerts.${string}`;

/**
 * The catalog keys that apply only after a restart. Empty: every catalog key has an owner that
 * follows it live (topology and device registry, the broker's device logins, off-the-shelf
 * handlers and subscriptions, alert rules and interval; the rest is read where it is used). A key that cannot
 * follow goes here, and the settings API then answers that it applies after a restart.
 * (The broker's listener, its users, ports, TLS, the store and the demo are the file's, not the catalog's.)
 */
export const RESTART_REQUIRED: readonly CatalogPath[] = [];

/** The keys of `restartRequired` this change sets or changes (a new entry's too), each naming the entry: e.g. `devices/b1.source`, `alerts.evaluateEveryMs`. */
export function appliesAfterRestart(old: Config, next: Config, restartRequired: readonly CatalogPath[] = RESTART_REQUIRED): string[] {
  const touched: string[] = [];
  for (const path of restartRequired) {
    const [head, field] = path.split(/\.(.*)/s) as [string, string];
    if (head.endsWith('[]')) {
      const section = head.slice(0, -2) as ItemSection;
      if (!(ITEM_SECTIONS as readonly string[]).includes(section)) continue;
      const before = new Map(itemsOf(old, section).map((i) => [i.id, i]));
      for (const item of itemsOf(next, section)) {
        const was = before.get(item.id);
        if (!same(was ? fieldOf(was, field) : undefined, fieldOf(item, field))) touched.push(`${section}/${item.id}.${field}`);
      }
    } else if (!same(fieldOf(old.alerts, field), fieldOf(next.alerts, field))) {
      touched.push(path);
    }
  }
  return touched;
}

function fieldOf(entry: CatalogItem | Config['alerts'], field: string): unknown {
  return (entry as unknown as Record<string, unknown>)[field];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
