import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio } from '../src/contrast.ts';
import { COLORS, TEXT_PAIRS } from '../src/tokens.ts';

const LANGUAGES = ['ru', 'en', 'zh'] as const;
const catalog = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../src/locales/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key without its plural suffix: index.answers_one → index.answers. */
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has every key in Russian, English and Chinese, none empty', () => {
    const keys = Object.fromEntries(LANGUAGES.map((l) => [l, new Set(Object.keys(catalog(l)).map(base))]));
    for (const lang of LANGUAGES) {
      for (const other of LANGUAGES) {
        const missing = [...keys[other]!].filter((k) => !keys[lang]!.has(k));
        expect(missing, `${lang} lacks keys that ${other} has`).toEqual([]);
      }
      for (const [key, text] of Object.entries(catalog(lang))) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('gives each plural key every form its language needs (CLDR plural rules)', () => {
    for (const lang of LANGUAGES) {
      const entries = Object.keys(catalog(lang));
      const plurals = new Set(entries.filter((k) => PLURAL.test(k)).map(base));
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of plurals) for (const form of forms) expect(entries, `${lang} ${key}_${form}`).toContain(`${key}_${form}`);
    }
  });

  it('uses the same placeholders in every language', () => {
    const en = catalog('en');
    for (const lang of LANGUAGES) {
      for (const [key, text] of Object.entries(catalog(lang))) {
        const english = en[key] ?? en[`${base(key)}_other`]!;
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(english));
      }
    }
  });
});

describe('design tokens', () => {
  it('every text colour meets WCAG AA (4.5:1) on the background it is used on', () => {
    for (const [text, background] of TEXT_PAIRS) {
      expect(contrastRatio(COLORS[text], COLORS[background]), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
