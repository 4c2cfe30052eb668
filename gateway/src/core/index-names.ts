/** Every index the gateway computes (METRICS.md), by family. */
export const RATING_INDICES = ['happy', 'positiveShare', 'nps', 'csat', 'ces', 'csi'] as const;
export const TRAFFIC_INDICES = ['responseRate', 'criticality', 'support'] as const;
export const EMOTION_INDICES = ['emotionalNps', 'emotionalEngagement', 'entryExitShift'] as const;
export const INDEX_NAMES = [...RATING_INDICES, ...TRAFFIC_INDICES, ...EMOTION_INDICES] as const;
export type IndexName = (typeof INDEX_NAMES)[number];
