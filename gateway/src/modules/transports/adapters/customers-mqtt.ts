import type { DeviceInbox } from '../../../core/device-inbox.ts';

/**
 * Customers served over MQTT, from a queue system, POS or people counter:
 * `<prefix>/<siteId>/<pointId>/customers` with {"v":1,"from":…,"to":…,"count":…} (times in epoch ms).
 */
export function customersHandler(topicPrefix: string, inbox: DeviceInbox): [string, (topic: string, payload: Buffer) => void] {
  return [
    `${topicPrefix}/+/+/customers`,
    (topic, payload) => {
      const pointId = topic.split('/')[2]!;
      let data: { v?: unknown; from?: unknown; to?: unknown; count?: unknown };
      try {
        data = JSON.parse(payload.toString()) as typeof data;
      } catch {
        return inbox.drop('customers-malformed');
      }
      if (data.v !== 1 || typeof data.from !== 'number' || typeof data.to !== 'number' || typeof data.count !== 'number')
        return inbox.drop('customers-malformed');
      inbox.customersServed({ pointId, from: data.from, to: data.to, count: data.count }, 'mqtt');
    },
  ];
}
