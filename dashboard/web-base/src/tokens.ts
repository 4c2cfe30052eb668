import { css, unsafeCSS } from 'lit';

/**
 * Design tokens: colours (each text colour meets WCAG AA on the backgrounds it is used on, checked
 * by the tests), a type scale and spacing. Components use the CSS custom properties, never raw values.
 */
export const COLORS = {
  bg: '#f4f5f7',
  surface: '#ffffff',
  text: '#1d2430',
  textMuted: '#4f5866',
  header: '#1d2430',
  onHeader: '#ffffff',
  accent: '#2456d3',
  onAccent: '#ffffff',
  positive: '#1b7a43',
  negative: '#b3261e',
  live: '#3ccf7a',
  border: '#c8ccd4',
} as const;

/** Text on background pairs the screens use, each of which must reach AA (4.5:1). */
export const TEXT_PAIRS: [keyof typeof COLORS, keyof typeof COLORS][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['textMuted', 'bg'],
  ['textMuted', 'surface'],
  ['onHeader', 'header'],
  ['onAccent', 'accent'],
  ['positive', 'surface'],
  ['negative', 'surface'],
  ['accent', 'surface'],
];

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const tokens = css`
  :host {
    ${unsafeCSS(
      Object.entries(COLORS)
        .map(([k, v]) => `--fb-${kebab(k)}: ${v};`)
        .join('\n'),
    )}
    --fb-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif;
    --fb-text-s: 0.85rem;
    --fb-text-m: 1rem;
    --fb-text-l: 1.3rem;
    --fb-text-xl: 2rem;
    --fb-text-xxl: 4rem;
    --fb-space-1: 0.25rem;
    --fb-space-2: 0.5rem;
    --fb-space-3: 1rem;
    --fb-space-4: 1.5rem;
    --fb-space-5: 2rem;
    --fb-radius: 12px;
    font-family: var(--fb-font);
    color: var(--fb-text);
  }
`;
