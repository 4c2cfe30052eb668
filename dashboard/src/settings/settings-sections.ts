import type { SettingsCatalog } from '@feedback/web-base/contract.ts';

/** The settings sections edited one entry at a time, as the API's paths name them. */
export const ITEM_SECTIONS = ['sites', 'points', 'devices', 'surveys', 'alert-rules'] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];
export interface Entry {
  id: string;
  [key: string]: unknown;
}

/** The entries of a section in a catalog. */
export function entriesOf(catalog: SettingsCatalog, section: ItemSection): Entry[] {
  return (section === 'alert-rules' ? catalog.alerts.rules : catalog[section]) as Entry[];
}

/** The columns each section's table shows (the whole entry is in its editor). */
export const COLUMNS: Record<ItemSection, string[]> = {
  sites: ['id', 'name', 'timeZone'],
  points: ['id', 'siteId', 'name', 'goal'],
  devices: ['id', 'pointId', 'buttons', 'surveyId'],
  surveys: ['id', 'name', 'questions'],
  'alert-rules': ['id', 'kind', 'pointId'],
};

/** What a new entry starts from, so the editor shows the fields that matter. */
export function templateOf(section: ItemSection, catalog: SettingsCatalog): Entry {
  const site = catalog.sites[0]?.id ?? 'site-1';
  const point = catalog.points[0]?.id ?? 'point-1';
  switch (section) {
    case 'sites':
      return { id: 'new-site', name: 'New site', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    case 'points':
      return { id: 'new-point', siteId: site, name: 'New point', goal: 80, sessionMode: false };
    case 'devices':
      return { id: 'new-device', pointId: point, kind: 'button', buttons: 4, responseIntervalMs: 5000 };
    case 'surveys':
      return {
        id: 'new-survey',
        name: 'New survey',
        questions: [{ id: 'recommend', number: 1, scale: 'nps11', label: 'How likely are you to recommend us?' }],
      };
    case 'alert-rules':
      return { id: 'new-rule', kind: 'negativeShare', percent: 50, windowMinutes: 15, minResponses: 4 };
  }
}

/** A cell's text: lists by their length, missing values as a dash. */
export function cellOf(entry: Entry, column: string): string {
  const value = entry[column];
  if (Array.isArray(value)) return String(value.length);
  return value === undefined || value === null ? '–' : String(value as string | number);
}
