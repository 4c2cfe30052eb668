/** The scales a question or button can have: a closed set. smileyK has K buttons, 0 (worst) .. K-1 (best). */
export const FIXED_SCALES = ['nps11', 'csat5', 'ces7', 'csi5', 'csi7', 'importance5', 'importance7', 'choice', 'text'] as const;
export type FixedScale = (typeof FIXED_SCALES)[number];
export type SmileyButtons = 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;
export type SmileyScale = `smiley${SmileyButtons}`;
export type Scale = FixedScale | SmileyScale;

/** The pattern of the smiley scales, for schemas. */
export const SMILEY_SCALE_PATTERN = '^smiley([2-9]|1[01])$';

export function isScale(text: string): text is Scale {
  return (FIXED_SCALES as readonly string[]).includes(text) || new RegExp(SMILEY_SCALE_PATTERN).test(text);
}

export function smileyScale(buttons: number): SmileyScale {
  return `smiley${buttons}` as SmileyScale;
}

/** Number of buttons of a smiley scale name, or undefined for other scales. */
export function smileyButtons(scale: string): number | undefined {
  const match = /^smiley(\d+)$/.exec(scale);
  return match ? Number(match[1]) : undefined;
}

/** The value range of each scale; undefined for scales that are not numeric ratings. */
export function scaleRange(scale: string): { min: number; max: number } | undefined {
  const smiley = /^smiley(\d+)$/.exec(scale);
  if (smiley) return { min: 0, max: Number(smiley[1]) - 1 };
  const fixed: Record<string, { min: number; max: number }> = {
    nps11: { min: 0, max: 10 },
    csat5: { min: 1, max: 5 },
    ces7: { min: 1, max: 7 },
    csi5: { min: 1, max: 5 },
    csi7: { min: 1, max: 7 },
    importance5: { min: 1, max: 5 },
    importance7: { min: 1, max: 7 },
    choice: { min: 0, max: 255 },
  };
  return fixed[scale];
}

/** Which half of its scale an answer is in, for the support and criticality indices. */
export function polarity(scale: string, value: number): 'positive' | 'negative' | 'neutral' {
  const smiley = /^smiley(\d+)$/.exec(scale);
  if (smiley) {
    const mid = (Number(smiley[1]) - 1) / 2;
    return value > mid ? 'positive' : value < mid ? 'negative' : 'neutral';
  }
  switch (scale) {
    case 'nps11':
      return value >= 9 ? 'positive' : value <= 6 ? 'negative' : 'neutral';
    case 'csat5':
    case 'csi5':
      return value >= 4 ? 'positive' : value <= 2 ? 'negative' : 'neutral';
    case 'ces7':
    case 'csi7':
      return value >= 5 ? 'positive' : value <= 3 ? 'negative' : 'neutral';
    default:
      return 'neutral';
  }
}
