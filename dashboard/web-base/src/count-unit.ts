import { t } from './i18n.ts';

/** What an index's n counts, as the API says in `unit`. */
export const COUNT_UNITS = ['answers', 'responses', 'customers', 'faces'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

/** The unit a result names (an unknown or missing one reads as answers, what n counted before units). */
export const unitOf = (result: { unit?: string } | undefined): CountUnit =>
  (COUNT_UNITS as readonly string[]).includes(result?.unit ?? '') ? (result!.unit as CountUnit) : 'answers';

/** "n = 42 customers", in the language's plural form; pro-rated customers are rounded for display. */
export const countText = (result: { n: number; unit?: string } | undefined): string =>
  t(`unit.n.${unitOf(result)}`, { count: Math.round(result?.n ?? 0) });

/** "not enough customers": what a figure below its minimum n lacks. */
export const notEnoughText = (result: { unit?: string } | undefined): string => t(`unit.notEnough.${unitOf(result)}`);
