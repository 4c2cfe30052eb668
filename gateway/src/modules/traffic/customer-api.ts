import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, RecordInstant } from '../../platform/http/schemas.ts';
import { MAX_CUSTOMERS } from '../../core/limits.ts';

/** The schemas of customer-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const customerApi = {
  'POST /api/customers': {
    tags: ['traffic'],
    description: 'Customers served at a point in a period; the same period again replaces the count',
    body: Type.Object(
      { pointId: Id, from: RecordInstant, to: RecordInstant, count: Type.Integer({ minimum: 0, maximum: MAX_CUSTOMERS }) },
      { additionalProperties: false },
    ),
    response: { 204: Type.Null(), 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
  },
  'POST /api/customers/import': {
    tags: ['traffic'],
    description: 'CSV (text/csv) with a header pointId,from,to,count; valid rows are stored, bad rows listed by line',
    consumes: ['text/csv'],
    body: Type.String(),
    response: {
      200: Type.Object({ imported: Type.Integer(), errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() })) }),
    },
  },
};
