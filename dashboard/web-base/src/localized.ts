import type { Language } from './i18n.ts';

/** A question's or a choice's text: one for every language, or one per language. */
export type LocalizedText = string | Partial<Record<Language, string>>;

/** The text in this language, else in English, else the first given. */
export function textIn(text: LocalizedText, language: Language): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text.en ?? Object.values(text).find((t) => t !== undefined) ?? '';
}
