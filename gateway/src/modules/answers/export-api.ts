import { Type } from '@sinclair/typebox';
import { IndexFilter } from '../indices/index-filter-schema.ts';
import { Id } from '../../platform/http/schemas.ts';

/** The schemas of export-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const exportApi = {
  'GET /api/export/answers.:format': {
    tags: ['answers'],
    description: 'Raw answers (misuse and skipped included, flagged) as CSV or XLSX, streamed',
    params: Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }),
    querystring: Type.Object({
      siteId: Type.Optional(Id),
      pointId: Type.Optional(Id),
      from: Type.String({ maxLength: 40 }),
      to: Type.String({ maxLength: 40 }),
      deviceId: Type.Optional(Id),
      surveyId: Type.Optional(Id),
      channel: IndexFilter.properties.channel,
    }),
    // A file stream, not JSON: no response schema (errors go through the central handler as 400s).
  },
};
