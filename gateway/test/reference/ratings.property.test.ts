/**
 * Property: every rating index (NPS, CSAT, CES, Happy Index, positive share, CSI) that the API serves
 * over random data fed through the real ingest path, in random zones and ranges, equals the brute-force
 * reference of METRICS.md over the raw rows (ratings-reference.ts).
 */
import { describe, it } from 'vitest';
import { assertAgrees, refFilter } from './property-run.ts';
import { RATING_INDICES, ratingIndex } from './ratings-reference.ts';
import { differences, type ApiResult } from './compare.ts';
import { queryString } from './world.ts';

describe('rating indices equal the reference computed from METRICS.md', () => {
  it('over random answers, zones, filters and ranges', async () => {
    await assertAgrees(40, async (g, world, q, skip) => {
      const out: string[] = [];
      for (const index of RATING_INDICES) {
        if (skip({ family: 'ratings', index, view: 'index' })) continue;
        const { status, body } = await g.get<{ result: ApiResult }>(`/api/indices/${index}?${queryString(q)}`);
        if (status !== 200) out.push(`${index}: status ${status} ${JSON.stringify(body)}`);
        else out.push(...differences(index, body.result, ratingIndex(world, index, refFilter(q))));
      }
      return out;
    });
  }, 120_000);
});
