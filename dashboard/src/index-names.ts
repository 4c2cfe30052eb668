import type { OverviewResponse } from '@feedback/web-base/contract.ts';

export type IndexName = OverviewResponse['indices'][number]['index'];

/** The indices in the order the overview shows them, with the digits each is shown with. */
export const INDICES: { name: IndexName; digits: number }[] = [
  { name: 'happy', digits: 1 },
  { name: 'positiveShare', digits: 1 },
  { name: 'nps', digits: 0 },
  { name: 'csat', digits: 1 },
  { name: 'ces', digits: 2 },
  { name: 'csi', digits: 1 },
  { name: 'responseRate', digits: 1 },
  { name: 'criticality', digits: 1 },
  { name: 'support', digits: 1 },
  { name: 'emotionalNps', digits: 0 },
  { name: 'emotionalEngagement', digits: 1 },
  { name: 'entryExitShift', digits: 1 },
];
