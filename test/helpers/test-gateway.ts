import { startGateway, validateConfig, type Gateway } from '@feedback/gateway';
import { tempDir } from './temp-dir.ts';
import { signIn, type SignedIn } from './sign-in.ts';

export const TEST_PASSWORD = 'correct horse battery';
export const SITE = { id: 'branch-1', name: 'Branch 1', timeZone: 'Europe/Berlin' };
export const POINT = { id: 'cash-desk', siteId: SITE.id, name: 'Cash desk' };
export const DEVICES = [
  { id: 'btn-1', pointId: POINT.id, kind: 'button' as const, buttons: 4, responseIntervalMs: 0, mqttPassword: 'btn-1-secret' },
  { id: 'btn-2', pointId: POINT.id, kind: 'button' as const, buttons: 4, responseIntervalMs: 0, mqttPassword: 'btn-2-secret' },
];
/** A broker user allowed to publish anything under the prefix, for tests that send raw payloads. */
export const BRIDGE = { username: 'test-bridge', password: 'bridge-secret', publish: ['feedback/#'], subscribe: ['feedback/#'] };

export interface TestGateway {
  gateway: Gateway;
  dataDir: string;
  /** signs in as admin: the session's cookies and CSRF token */
  login(): Promise<SignedIn>;
  /** GET a JSON API path with a fresh session (or the one given) */
  get<T>(path: string, session?: SignedIn): Promise<T>;
  close(): Promise<void>;
}

/** A real gateway on free ports with a temporary data folder, the embedded broker and no demo. */
export async function startTestGateway(overrides: Record<string, unknown> = {}): Promise<TestGateway> {
  const dir = tempDir('fb-gateway-');
  const config = validateConfig({
    dataDir: dir.path,
    http: { host: '127.0.0.1', port: 0 },
    mqtt: { embedded: { host: '127.0.0.1', port: 0, users: [BRIDGE] } },
    log: { level: 'silent' },
    demo: { mode: 'off' },
    auth: { initialAdminPassword: TEST_PASSWORD },
    sites: [SITE],
    points: [POINT],
    devices: DEVICES,
    ...overrides,
  });
  const gateway = await startGateway(config);
  const login = () => signIn(gateway.httpUrl, 'admin', TEST_PASSWORD);
  return {
    gateway,
    dataDir: dir.path,
    login,
    get: async <T>(path: string, session?: SignedIn) => {
      const response = await fetch(`${gateway.httpUrl}${path}`, { headers: (session ?? (await login())).headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    close: async () => {
      await gateway.close();
      dir.remove();
    },
  };
}

/** Presses per button, worst first: [17, 16, 60, 126] → 17 presses of button 0, … */
export function pressPlan(perButton: number[]): number[] {
  return perButton.flatMap((n, button) => Array<number>(n).fill(button));
}
