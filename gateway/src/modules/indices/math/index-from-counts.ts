import type { SurveyConfig } from '../../../platform/config/schema.ts';
import type { CountRow } from '../../../platform/rollups/count-query.ts';
import type { IndexResult } from './index-result.ts';
import { happyIndex, type SmileyCount } from './happy-index.ts';
import { ces, csat, csi, nps, positiveShare, type Counts, type CsiAttribute } from './rating-indices.ts';
import { smileyButtons } from '../../../core/scale.ts';

import { EMOTION_INDICES, INDEX_NAMES, RATING_INDICES, TRAFFIC_INDICES, type IndexName } from '../../../core/index-names.ts';
export { EMOTION_INDICES, INDEX_NAMES, RATING_INDICES, TRAFFIC_INDICES, type IndexName };
export type RatingIndex = (typeof RATING_INDICES)[number];

/** The scales an index reads (for the count query's filter). */
export function scalesOf(index: RatingIndex | (typeof TRAFFIC_INDICES)[number]): string[] {
  switch (index) {
    case 'happy':
    case 'positiveShare':
      return ['smiley%'];
    case 'nps':
      return ['nps11'];
    case 'csat':
      return ['csat5'];
    case 'ces':
      return ['ces7'];
    case 'csi':
      return ['csi5', 'csi7', 'importance5', 'importance7'];
    default:
      return ['smiley%', 'nps11', 'csat5', 'ces7'];
  }
}

/** The smiley rows, as counts per (K, button). */
function smileyCounts(rows: CountRow[]): SmileyCount[] {
  return rows.flatMap((r) => {
    const buttons = smileyButtons(r.scale);
    return buttons ? [{ buttons, value: r.value, n: r.n }] : [];
  });
}

function countsOf(rows: CountRow[], scale: string): Counts {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.scale === scale) counts.set(r.value, (counts.get(r.value) ?? 0) + r.n);
  return counts;
}

/** A rating index from summed rollup counts. */
export function ratingIndex(index: RatingIndex, rows: CountRow[], minAnswers: number, surveys: SurveyConfig[]): IndexResult {
  switch (index) {
    case 'happy':
      return happyIndex(smileyCounts(rows), minAnswers);
    case 'positiveShare':
      return positiveShare(smileyCounts(rows), minAnswers);
    case 'nps':
      return nps(countsOf(rows, 'nps11'), minAnswers);
    case 'csat':
      return csat(countsOf(rows, 'csat5'), minAnswers);
    case 'ces':
      return ces(countsOf(rows, 'ces7'), minAnswers);
    case 'csi':
      return csiIndex(rows, minAnswers, surveys);
  }
}

function csiIndex(rows: CountRow[], minAnswers: number, surveys: SurveyConfig[]): IndexResult {
  const importanceOf = new Map(
    surveys.flatMap((s) => s.questions.filter((q) => q.importanceOf).map((q) => [q.id, q.importanceOf!] as const)),
  );
  // Each attribute keeps its own scale size (a survey may mix csi5 and csi7); an importance row never sets it.
  const attributes = new Map<string, { ratings: Map<number, number>; importance: Map<number, number>; m: number }>();
  const attribute = (id: string) => {
    let a = attributes.get(id);
    if (!a) attributes.set(id, (a = { ratings: new Map(), importance: new Map(), m: 0 }));
    return a;
  };
  for (const r of rows) {
    const csiScale = /^csi(\d+)$/.exec(r.scale);
    const impScale = /^importance(\d+)$/.exec(r.scale);
    if (csiScale) {
      const a = attribute(r.questionId);
      a.m = Number(csiScale[1]);
      a.ratings.set(r.value, (a.ratings.get(r.value) ?? 0) + r.n);
    } else if (impScale && importanceOf.has(r.questionId)) {
      const a = attribute(importanceOf.get(r.questionId)!);
      a.importance.set(r.value, (a.importance.get(r.value) ?? 0) + r.n);
    }
  }
  const list: CsiAttribute[] = [...attributes.values()]
    .filter((a) => a.m > 0)
    .map((a) => ({ ratings: a.ratings, m: a.m, ...(a.importance.size ? { importance: a.importance } : {}) }));
  return csi(list, minAnswers);
}
