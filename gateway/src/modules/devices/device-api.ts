import { Type } from '@sinclair/typebox';
import { DeviceBody, ErrorBody, Id } from '../../platform/http/schemas.ts';

/** The device registry of the caller's sites. */
export const BootBody = Type.Object({
  boot: Type.Integer(),
  stored: Type.Integer({ description: 'answers stored' }),
  duplicates: Type.Integer({ description: 'retransmissions of messages already stored' }),
  refused: Type.Record(Type.String(), Type.Integer(), { description: 'messages refused for good, by reason' }),
});

/** The schemas of device-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const deviceApi = {
  'GET /api/devices/:deviceId/boots': {
    tags: ['devices'],
    description: "What happened to a device's messages in each boot, latest first: stored, duplicates, refused by reason",
    params: Type.Object({ deviceId: Id }),
    querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }) }),
    response: { 200: Type.Object({ deviceId: Type.String(), boots: Type.Array(BootBody) }), 403: ErrorBody, 404: ErrorBody },
  },
  'GET /api/devices': {
    tags: ['devices'],
    description: 'The device registry: identity, health, and lost messages detected from the counters',
    response: { 200: Type.Object({ devices: Type.Array(DeviceBody) }) },
  },
};
