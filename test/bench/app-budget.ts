import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The JavaScript each app ships, gzipped, against its budget (dashboard 300 KB, kiosk 150 KB). Needs `npm run build` first. */
export async function appBudgetBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const apps = [
    { name: 'dashboard', dir: join(ROOT, 'dashboard', 'dist'), budgetKb: 300 },
    { name: 'kiosk', dir: join(ROOT, 'kiosk-ui', 'dist'), budgetKb: 150 },
  ];
  const result: Record<string, unknown> = {};
  for (const app of apps) {
    const files = walk(app.dir).filter((f) => f.endsWith('.js'));
    if (files.length === 0) throw new Error(`${app.dir} holds no JavaScript: run "npm run build" first`);
    const raw = files.reduce((sum, f) => sum + statSync(f).size, 0);
    const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    const gzippedKb = Math.round(gzipped / 102.4) / 10;
    log(`${app.name}: ${gzippedKb} KB gzipped (${Math.round(raw / 1024)} KB raw) of a ${app.budgetKb} KB budget`);
    result[app.name] = {
      files: files.length,
      rawKb: Math.round(raw / 1024),
      gzippedKb,
      budgetKb: app.budgetKb,
      ratioToBudget: Math.round((gzippedKb / app.budgetKb) * 1000) / 1000,
      withinBudget: gzippedKb <= app.budgetKb,
    };
  }
  return result;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
