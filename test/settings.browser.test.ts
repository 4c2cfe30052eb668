import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { POINT, SITE, TEST_PASSWORD, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { launchChromium, signedInContext } from './helpers/browser.ts';
import { seriousAccessibilityFindings } from './helpers/axe.ts';
import { PASSWORD, userSession } from './helpers/identities.ts';

let t: TestGateway;
let browser: Browser;

beforeAll(async () => {
  t = await startTestGateway();
  await userSession(t, await t.login(), { username: 'viewer-1', role: 'viewer', sites: [SITE.id] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const signedIn = (username: string, password: string) => signedInContext(browser, t.gateway.httpUrl, username, password);

describe('the settings screen', () => {
  it('adds a point as YAML; the dashboard offers it at once, without a restart or a reload', async () => {
    const { context, page } = await signedIn('admin', TEST_PASSWORD);
    await page.locator('nav a', { hasText: 'Settings' }).click();
    await page.locator(`fb-settings tr[data-entry="${POINT.id}"]`).waitFor();
    await page.locator('fb-settings button[data-add]').click();
    await page.locator('fb-settings textarea[data-editor]').fill(`id: bar\nsiteId: ${SITE.id}\nname: Bar counter\ngoal: 75\n`);
    await page.locator('fb-settings button[type=submit]').click();
    await page.locator('fb-settings tr[data-entry="bar"]').waitFor();
    expect(await page.locator('fb-settings [data-notice]').textContent()).toContain('Saved');
    // the filter bar's point list follows the settings over the socket
    await expect.poll(async () => page.locator('fb-filter-bar option', { hasText: 'Bar counter' }).count()).toBe(1);

    // a refused change says why, and nothing changes
    await page.locator('fb-settings tr[data-entry="bar"] button[data-edit]').click();
    await page.locator('fb-settings textarea[data-editor]').fill('id: bar\nsiteId: nowhere\nname: Bar\n');
    await page.locator('fb-settings button[type=submit]').click();
    expect(await page.locator('fb-settings [role=alert]').textContent()).toContain('no site "nowhere"');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await context.close();
  });

  it('checks an import before applying it, and shows each change in the audit log', async () => {
    const { context, page } = await signedIn('admin', TEST_PASSWORD);
    await page.goto(`${t.gateway.httpUrl}/dashboard/settings`);
    await page.locator('fb-settings button[data-tab=transfer]').click();
    await page
      .locator('fb-settings-transfer textarea[data-import]')
      .fill(`points:\n  - id: ${POINT.id}\n    siteId: ${SITE.id}\n    name: Main desk\n`);
    await page.locator('fb-settings-transfer button[type=submit]').click();
    const preview = page.locator('fb-settings-transfer [data-preview]');
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/changed\s+cash-desk;\s+removed\s+bar/);
    await page.locator('fb-settings-transfer button[data-apply]').click();
    await expect.poll(async () => page.locator('fb-settings-transfer [data-audit] tbody tr').first().textContent()).toContain('import');
    expect(await page.locator('fb-settings-transfer [data-audit]').textContent()).toContain('points/bar');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await context.close();
  });

  it('adds a user, an integration token (shown once, then revoked) and a staff member with a shift', async () => {
    const { context, page } = await signedIn('admin', TEST_PASSWORD);
    await page.goto(`${t.gateway.httpUrl}/dashboard/settings`);
    await page.locator('fb-settings button[data-tab=users]').click();
    const newUser = page.locator('fb-users form[data-new-user]');
    await newUser.locator('input[name=username]').fill('manager-7');
    await newUser.locator('input[name=password]').fill('first password 7');
    await newUser.locator('select[name=role]').selectOption('manager');
    await newUser.locator('input[name=sites]').fill(SITE.id);
    await newUser.locator('button[type=submit]').click();
    await page.locator('fb-users tr[data-user="manager-7"]').waitFor();
    const users = await t.get<{ users: { username: string; role: string; sites: string[]; mustChangePassword: boolean }[] }>('/api/users');
    expect(users.users.find((u) => u.username === 'manager-7')).toEqual(
      expect.objectContaining({ role: 'manager', sites: [SITE.id], mustChangePassword: true }),
    );

    await page.locator('fb-settings button[data-tab=tokens]').click();
    await page.locator('fb-tokens input[name=name]').fill('queue system');
    await page.locator('fb-tokens input[name="traffic:write"]').check();
    await page.locator('fb-tokens button[type=submit]').click();
    const secret = (await page.locator('fb-tokens [data-new-token] code').textContent())!;
    expect((await fetch(`${t.gateway.httpUrl}/api/staff`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(403);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('fb-tokens tr', { hasText: 'queue system' }).locator('button[data-revoke]').click();
    await expect.poll(async () => page.locator('fb-tokens tr', { hasText: 'queue system' }).count()).toBe(0);
    expect((await fetch(`${t.gateway.httpUrl}/api/staff`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);

    await page.locator('fb-settings button[data-tab=staff]').click();
    await page.locator('fb-staff-rota input[name=id]').fill('anna');
    await page.locator('fb-staff-rota input[name=name]').fill('Anna');
    await page.locator('fb-staff-rota form', { hasText: 'Add or rename' }).locator('button[type=submit]').click();
    await page.locator('fb-staff-rota [data-staff] li', { hasText: 'Anna' }).waitFor();
    // a shift around now, typed in the browser's own local time: the rota shows this week by default
    const [from, to] = await page.evaluate(() => {
      const local = (ms: number) => {
        const d = new Date(ms);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      };
      return [local(Date.now() - 3_600_000), local(Date.now() + 3_600_000)];
    });
    const shift = page.locator('fb-staff-rota form', { hasText: 'Add a shift' });
    await shift.locator('input[name=from]').fill(from!);
    await shift.locator('input[name=to]').fill(to!);
    await shift.locator('button[type=submit]').click();
    const rows = page.locator('fb-staff-rota [data-shifts] tbody tr', { hasText: 'Anna' });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);

    // a shift 40 days ago is not this week's; picking its month lists it beside nothing of this week
    const old = { from: Date.now() - 40 * 86_400_000, to: Date.now() - 40 * 86_400_000 + 8 * 3_600_000 };
    const admin = await t.login();
    const added = await fetch(`${t.gateway.httpUrl}/api/shifts`, {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        staffId: 'anna',
        pointId: POINT.id,
        from: new Date(old.from).toISOString(),
        to: new Date(old.to).toISOString(),
      }),
    });
    expect(added.status).toBe(201);
    await page.locator('fb-staff-rota button[data-this-period]').click();
    await expect.poll(async () => rows.count()).toBe(1);
    await page.locator('fb-staff-rota select[name=periodKind]').selectOption('month');
    const oldMonth = await page.evaluate(
      (ms) => `${new Date(ms).getFullYear()}-${String(new Date(ms).getMonth() + 1).padStart(2, '0')}`,
      old.from,
    );
    await page.locator('fb-staff-rota input[name=period]').fill(oldMonth);
    await expect.poll(async () => rows.count()).toBe(1);
    const oldStart = await page.evaluate((ms) => new Date(ms).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }), old.from);
    await expect.poll(async () => rows.first().textContent()).toContain(oldStart);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await context.close();
  });

  it('is not offered to a viewer, and not shown when a viewer opens its address', async () => {
    const { context, page } = await signedIn('viewer-1', PASSWORD);
    expect(await page.locator('nav a', { hasText: 'Settings' }).count()).toBe(0);
    await page.goto(`${t.gateway.httpUrl}/dashboard/settings`);
    await page.locator('fb-overview').waitFor();
    expect(await page.locator('fb-settings').count()).toBe(0);
    await context.close();
  });
});
