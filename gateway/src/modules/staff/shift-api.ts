import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, RecordInstant } from '../../platform/http/schemas.ts';

export const ShiftBody = Type.Object({
  id: Type.Integer(),
  staffId: Type.String(),
  pointId: Type.String(),
  startsAt: Type.Integer(),
  endsAt: Type.Integer(),
});

/** The schemas of shift-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const shiftApi = {
  'POST /api/shifts': {
    tags: ['staff'],
    description: 'Who serves at a point from when to when; answers in that time are attributed to them',
    body: Type.Object({ staffId: Id, pointId: Id, from: RecordInstant, to: RecordInstant }, { additionalProperties: false }),
    response: { 201: ShiftBody, 400: ErrorBody },
  },
  'GET /api/shifts': {
    tags: ['staff'],
    description: 'Shifts, optionally of one point and only those overlapping [from, to)',
    querystring: Type.Object(
      { pointId: Type.Optional(Id), from: Type.Optional(RecordInstant), to: Type.Optional(RecordInstant) },
      { additionalProperties: false },
    ),
    response: { 200: Type.Object({ shifts: Type.Array(ShiftBody) }), 400: ErrorBody },
  },
};
