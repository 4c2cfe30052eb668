import { randomBytes } from 'node:crypto';
import type { Config } from '../platform/config/schema.ts';

export const DEMO_SITE_ID = 'demo';
export const DEMO_POINT_ID = 'demo-desk';
/** The simulated devices' broker password: new at every start, never written anywhere. */
export const DEMO_DEVICE_PASSWORD = randomBytes(18).toString('base64url');

/** Whether demo mode is on: always, never, or (auto) when no device is configured. */
export function demoEnabled(config: Config): boolean {
  return config.demo.mode === 'on' || (config.demo.mode === 'auto' && config.devices.length === 0);
}

/** The configuration plus a demo site, a cash-desk point and N simulated 4-button smiley devices. */
export function withDemoTopology(config: Config): Config {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const deviceIds = Array.from({ length: config.demo.devices }, (_, i) => `sim-button-${i + 1}`);
  return {
    ...config,
    sites: [...config.sites.filter((s) => s.id !== DEMO_SITE_ID), { id: DEMO_SITE_ID, name: 'Demo branch', timeZone }],
    points: [
      ...config.points.filter((p) => p.id !== DEMO_POINT_ID),
      { id: DEMO_POINT_ID, siteId: DEMO_SITE_ID, name: 'Cash desk (demo)', sessionMode: false, goal: 80 },
    ],
    devices: [
      ...config.devices.filter((d) => !deviceIds.includes(d.id)),
      ...deviceIds.map((id) => ({
        id,
        pointId: DEMO_POINT_ID,
        kind: 'button' as const,
        buttons: 4,
        responseIntervalMs: 0,
        mqttPassword: DEMO_DEVICE_PASSWORD,
      })),
    ],
  };
}
