import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, validateConfig } from '../src/platform/config/load.ts';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fb-config-')), 'gateway.yaml');
  writeFileSync(path, content);
  return path;
}

describe('configuration', () => {
  it('fills defaults when nothing is configured', () => {
    const config = loadConfig({ env: {} });
    expect(config.http.port).toBe(8080);
    expect(config.mqtt.embedded.port).toBe(1883);
    expect(config.dataDir).toBe('./data');
    expect(config.indices.minAnswers).toBe(30);
    expect(config.demo.mode).toBe('auto');
  });

  it('reads a YAML file', () => {
    const config = loadConfig({ file: file('http:\n  port: 9000\nlog:\n  level: warn\n'), env: {} });
    expect(config.http.port).toBe(9000);
    expect(config.log.level).toBe('warn');
  });

  it('applies environment overrides on top of the file, nested by double underscores', () => {
    const config = loadConfig({
      file: file('http:\n  port: 9000\n'),
      env: { FEEDBACK_HTTP__PORT: '9100', FEEDBACK_AUTH__INITIAL_ADMIN_PASSWORD: '12345678', FEEDBACK_DATA_DIR: '/var/lib/fb' },
    });
    expect(config.http.port).toBe(9100);
    expect(config.auth.initialAdminPassword).toBe('12345678');
    expect(config.dataDir).toBe('/var/lib/fb');
  });

  it('names the bad key and the value it got', () => {
    expect(() => loadConfig({ file: file('http:\n  port: eighty\n'), env: {} })).toThrowError(/http\.port.*"eighty"/);
  });

  it('names an unknown key', () => {
    expect(() => validateConfig({ mqtt: { embeded: { port: 1 } } })).toThrowError(/mqtt\.embeded: unknown key/);
  });

  it('names a bad array element by index', () => {
    const sites = [{ id: 's1', name: 'S', timeZone: 'Europe/Berlin' }];
    expect(() => validateConfig({ sites, points: [{ id: 'p 1', siteId: 's1', name: 'P' }] })).toThrowError(/points\[0\]\.id/);
  });

  it('rejects a point that names a missing site and an unknown time zone', () => {
    expect(() => validateConfig({ points: [{ id: 'p1', siteId: 'nowhere', name: 'P' }] })).toThrowError(
      /points\[0\]\.siteId: no site "nowhere"/,
    );
    expect(() => validateConfig({ sites: [{ id: 's', name: 'S', timeZone: 'Mars/Olympus' }] })).toThrowError(/sites\[0\]\.timeZone/);
  });

  it('says so when the file is missing or not YAML', () => {
    expect(() => loadConfig({ file: '/nonexistent/gateway.yaml', env: {} })).toThrowError(ConfigError);
    expect(() => loadConfig({ file: file('http: [unclosed\n'), env: {} })).toThrowError(/not valid YAML/);
  });
});
