import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, Text } from '../../platform/http/schemas.ts';

/** The schemas of pairing-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const pairingApi = {
  'POST /api/tokens/pairing-codes': {
    tags: ['tokens'],
    description:
      'A short code, valid 10 minutes and once, that a kiosk (for a device) or a staff screen (for a point) exchanges for its token',
    body: Type.Object(
      {
        kind: Type.Union([Type.Literal('kiosk'), Type.Literal('screen')]),
        name: Text(100, { minLength: 1 }),
        deviceId: Type.Optional(Id),
        pointId: Type.Optional(Id),
      },
      { additionalProperties: false },
    ),
    response: { 201: Type.Object({ code: Type.String(), expiresAt: Type.Integer() }), 400: ErrorBody },
  },
  'POST /api/pair': {
    tags: ['tokens'],
    description: "Exchanges a pairing code (once) for the device's scoped token; the token is shown only now",
    body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false }),
    response: { 201: Type.Object({ token: Type.String(), kind: Type.String() }), 404: ErrorBody, 429: ErrorBody },
  },
};
