import type { Scale } from '../src/core/scale.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import type { SurveyConfig } from '../src/platform/config/schema.ts';

// Issue 23: differences between the indices and METRICS.md, each with expected values computed by hand.
const BERLIN = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});
const iso = (s: string) => Date.parse(s);

describe('CSI over a survey that mixes scales', () => {
  it('normalises a 1–5 and a 1–7 attribute each by its own scale, importance first in the rows', async () => {
    const survey: SurveyConfig = {
      id: 'visit',
      name: 'Visit',
      idle: { afterSeconds: 30, partial: 'submit' },
      questions: [
        { id: 'speed-imp', number: 1, scale: 'importance7', label: 'How important is speed', importanceOf: 'speed' },
        { id: 'speed', number: 2, scale: 'csi5', label: 'Speed' },
        { id: 'polite', number: 3, scale: 'csi7', label: 'Politeness' },
      ],
    };
    f = storeFixture({ sites: [BERLIN], points: [{ id: 'desk', siteId: 'berlin' }], surveys: [survey] });
    const q = (questionId: string, scale: Scale, value: number) => ({ surveyId: 'visit', questionId, scale, value });
    await f.write([q('speed-imp', 'importance7', 7), q('speed', 'csi5', 4), q('polite', 'csi7', 7)]);
    // speed (4−1)/(5−1) = 0.75; polite (7−1)/(7−1) = 1; importance only for speed → equal weights: 100·(0.75+1)/2 = 87.5
    const r = await f.indices.compute({ index: 'csi', surveyId: 'visit', from: 0, to: Date.now() });
    expect(r.value).toBeCloseTo(87.5, 10);
    expect(r.n).toBe(2);
  });
});
