import type { DeviceInbox, OffTheShelfButton } from '../../../core/device-inbox.ts';

type TopicHandler = (topic: string, payload: Buffer) => void;

/**
 * Off-the-shelf buttons seen through their own MQTT conventions. Each configured device names its
 * kind, its name there, and which action text means which smiley (0 = worst):
 *   zigbee2mqtt  zigbee2mqtt/<friendly name>       {"action":"single","battery":97,"linkquality":120}
 *   tasmota      stat/<topic>/RESULT               {"Button1":{"Action":"SINGLE"}}   (SetOption73 1) → "button1.single"
 *   shelly gen1  shellies/<id>/input_event/<n>     {"event":"S","event_cnt":3}                       → "<n>.S"
 *   shelly gen2  <id>/events/rpc                   {"method":"NotifyEvent","params":{"events":[{"component":"input:0","event":"single_push"}]}}
 *                                                                                                     → "input:0.single_push"
 * These devices carry no sequence numbers, so the gateway numbers their presses itself.
 * The handlers are built for the buttons the inbox knows when called: call again after the
 * settings changed (the numbering goes on, so no press is taken for a repeat).
 */
export function offTheShelfHandlers(deps: { inbox: DeviceInbox; onError: (error: Error) => void }): () => Map<string, TopicHandler> {
  const startedAt = Date.now();
  const boot = Math.floor(startedAt / 1000);
  const seqs = new Map<string, number>();

  const press = (device: OffTheShelfButton, action: string | undefined, receivedAt: number) => {
    if (action === undefined) return; // a state report (battery, link quality) rather than a press
    const button = device.actions[action];
    if (button === undefined) return deps.inbox.drop('unmapped-action', { deviceId: device.deviceId, action });
    const seq = (seqs.get(device.deviceId) ?? 0) + 1;
    seqs.set(device.deviceId, seq);
    deps.inbox
      .press({ deviceId: device.deviceId, boot, seq, button, uptimeMs: receivedAt - startedAt, receivedAt, source: device.kind })
      .catch(deps.onError);
  };

  const json = (payload: Buffer): Record<string, unknown> | undefined => {
    try {
      const data: unknown = JSON.parse(payload.toString());
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };

  const handlersFor = (device: OffTheShelfButton, handlers: Map<string, TopicHandler>) => {
    const source = device;
    const parsed = (payload: Buffer) => {
      const data = json(payload);
      if (!data) deps.inbox.drop(`${source.kind}-malformed`, { deviceId: device.deviceId });
      return data;
    };
    switch (source.kind) {
      case 'zigbee2mqtt':
        handlers.set(`zigbee2mqtt/${source.name}`, (_topic, payload) => {
          const data = parsed(payload);
          if (!data) return;
          const receivedAt = Date.now();
          if (typeof data.battery === 'number' || typeof data.linkquality === 'number') {
            deps.inbox.heartbeat({
              deviceId: device.deviceId,
              transport: 'zigbee2mqtt',
              boot,
              battery: typeof data.battery === 'number' ? data.battery : null,
              rssi: null,
              uptimeMs: receivedAt - startedAt,
              presses: seqs.get(device.deviceId) ?? 0,
              receivedAt,
            });
          }
          press(device, typeof data.action === 'string' && data.action !== '' ? data.action : undefined, receivedAt);
        });
        break;
      case 'tasmota':
        handlers.set(`stat/${source.name}/RESULT`, (_topic, payload) => {
          const data = parsed(payload);
          if (!data) return;
          const key = Object.keys(data).find((k) => /^Button\d+$/.test(k));
          const action = key ? (data[key] as { Action?: unknown } | undefined)?.Action : undefined;
          press(device, key && typeof action === 'string' ? `${key}.${action}`.toLowerCase() : undefined, Date.now());
        });
        break;
      case 'shelly':
        handlers.set(`shellies/${source.name}/input_event/+`, (topic, payload) => {
          const data = parsed(payload);
          const input = topic.split('/').pop();
          press(device, data && typeof data.event === 'string' && data.event !== '' ? `${input}.${data.event}` : undefined, Date.now());
        });
        handlers.set(`${source.name}/events/rpc`, (_topic, payload) => {
          const data = parsed(payload);
          if (data?.method !== 'NotifyEvent') return;
          const events = (data.params as { events?: { component?: unknown; event?: unknown }[] } | undefined)?.events ?? [];
          for (const e of events) {
            if (typeof e.component === 'string' && typeof e.event === 'string') press(device, `${e.component}.${e.event}`, Date.now());
          }
        });
        break;
    }
  };

  return () => {
    const handlers = new Map<string, TopicHandler>();
    for (const device of deps.inbox.offTheShelfButtons()) handlersFor(device, handlers);
    return handlers;
  };
}
