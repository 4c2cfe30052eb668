import { Type } from '@sinclair/typebox';
import { ErrorBody, Id, RecordInstant } from '../../platform/http/schemas.ts';
import { ReportBody } from '../cases/schemas.ts';

/** The schemas of report-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const reportApi = {
  'GET /api/reports': {
    tags: ['reports'],
    querystring: Type.Object({ siteId: Type.Optional(Id), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }),
    response: { 200: Type.Object({ reports: Type.Array(ReportBody) }), 403: ErrorBody },
  },
  'POST /api/reports': {
    tags: ['reports'],
    description: 'Makes a report for any period of up to a year now (kept and listed; not mailed)',
    body: Type.Object({ siteId: Id, from: RecordInstant, to: RecordInstant }, { additionalProperties: false }),
    response: { 201: ReportBody, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
  },
  'GET /api/reports/:id/report.:format': {
    tags: ['reports'],
    description: 'The file itself, not JSON (so no response schema): HTML inline, PDF and XLSX as downloads',
    params: Type.Object({
      id: Type.Integer({ minimum: 1 }),
      format: Type.Union([Type.Literal('html'), Type.Literal('pdf'), Type.Literal('xlsx')]),
    }),
  },
};
