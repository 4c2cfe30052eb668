/**
 * Security round three (issue 25): a device may not take the phone channel's ids (it would claim
 * another point's phone answers as duplicates) nor a broker user's name (it would shadow a chain-wide
 * integration, or lock it out); and at the embedded broker a user always comes before a device.
 */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../src/platform/config/load.ts';
import type { Config } from '../src/platform/config/schema.ts';
import { devicesSettingsHook } from '../src/modules/devices/settings-hook.ts';
import type { TopologyRepo } from '../src/platform/settings/topology-repo.ts';
import type { DeviceRegistry } from '../src/modules/devices/device-registry.ts';
import { BrokerAcl } from '../src/modules/transports/broker/broker-acl.ts';

const base = {
  sites: [
    { id: 'a', name: 'A', timeZone: 'Europe/Berlin' },
    { id: 'b', name: 'B', timeZone: 'Europe/Berlin' },
  ],
  points: [
    { id: 'desk-a', siteId: 'a', name: 'Desk A' },
    { id: 'desk-b', siteId: 'b', name: 'Desk B' },
  ],
  mqtt: { embedded: { users: [{ username: 'pos', password: 'pos-secret-1', publish: ['feedback/+/codes/request'], subscribe: [] }] } },
};
const withDevices = (devices: { id: string; pointId: string }[]): Config => validateConfig({ ...base, devices });
// validate only reads the configs; apply (not called here) would need the real repos
const hook = devicesSettingsHook(undefined as unknown as TopologyRepo, undefined as unknown as DeviceRegistry);
const OLD = withDevices([{ id: 'btn-a', pointId: 'desk-a' }]);

describe('reserved device ids', () => {
  it("refuses a new device named as another point's phone channel, naming the key", () => {
    const next = withDevices([...OLD.devices, { id: 'phone.desk-b', pointId: 'desk-a' }]);
    expect(hook.validate!(OLD, next)).toBe(`devices/phone.desk-b.id: reserved (ids starting with "phone." are the phone channel's)`);
  });

  it('refuses a new device named as a broker user, and accepts an ordinary one', () => {
    expect(hook.validate!(OLD, withDevices([...OLD.devices, { id: 'pos', pointId: 'desk-a' }]))).toBe(
      'devices/pos.id: reserved (it is the user name of a broker user)',
    );
    expect(hook.validate!(OLD, withDevices([...OLD.devices, { id: 'btn-a2', pointId: 'desk-a' }]))).toBeUndefined();
  });

  it('lets a device already stored under such an id be edited (it predates the rule)', () => {
    const old = withDevices([{ id: 'phone.old', pointId: 'desk-a' }]);
    expect(hook.validate!(old, withDevices([{ id: 'phone.old', pointId: 'desk-b' }]))).toBeUndefined();
  });

  it('refuses a device that would listen to a button another device already listens to (taking its presses)', () => {
    const button = { kind: 'zigbee2mqtt' as const, name: 'hall-button', actions: { single: 3 } };
    const old = validateConfig({ ...base, devices: [{ id: 'z-a', pointId: 'desk-a', source: button }] });
    const grab = validateConfig({ ...base, devices: [...old.devices, { id: 'z-b', pointId: 'desk-b', source: button }] });
    expect(hook.validate!(old, grab)).toBe('devices/z-b.source: zigbee2mqtt "hall-button" is already device "z-a"');
    // the same name on another kind of bridge is another button; the device itself may keep its own
    const tasmota = validateConfig({
      ...base,
      devices: [...old.devices, { id: 't-b', pointId: 'desk-b', source: { ...button, kind: 'tasmota' } }],
    });
    expect(hook.validate!(old, tasmota)).toBeUndefined();
    const renamed = validateConfig({ ...base, devices: [{ id: 'z-a', pointId: 'desk-b', source: button }] });
    expect(hook.validate!(old, renamed)).toBeUndefined();
  });

  it('lets a broker user in as itself even when a device has its name, and not with the device password', () => {
    const acl = new BrokerAcl({
      topicPrefix: 'feedback',
      devices: [{ id: 'pos', siteId: 'a', password: 'device-pass-1' }],
      users: base.mqtt.embedded.users,
    });
    expect(acl.authenticate('pos', Buffer.from('pos-secret-1'))).toMatchObject({ kind: 'user' });
    expect(acl.authenticate('pos', Buffer.from('device-pass-1'))).toBeUndefined();
  });
});
