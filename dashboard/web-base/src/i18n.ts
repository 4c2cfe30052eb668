import i18next from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en from './locales/en.json';
import ru from './locales/ru.json';
import zh from './locales/zh.json';
// the indices' names: one catalogue for the screens and the gateway's reports (a JSON file the apps may read)
import INDEX_LABELS from '../../../gateway/src/core/index-labels.json';

/** The languages every screen speaks; every key exists in each (checked by the tests). */
export const LANGUAGES = ['ru', 'en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A language's screen texts with the indices' names as index.<name>. */
const withIndexNames = (texts: Record<string, string>, lang: Language) => ({
  ...texts,
  ...Object.fromEntries(Object.entries(INDEX_LABELS[lang]).map(([name, label]) => [`index.${name}`, label])),
});
export const CATALOGS: Record<Language, Record<string, string>> = {
  en: withIndexNames(en, 'en'),
  ru: withIndexNames(ru, 'ru'),
  zh: withIndexNames(zh, 'zh'),
};
export const LANGUAGE_NAMES: Record<Language, string> = { ru: 'Русский', en: 'English', zh: '中文' };

const STORAGE_KEY = 'fb.language';
const CHANGED = 'fb-language-changed';

function isLanguage(x: string | null | undefined): x is Language {
  return (LANGUAGES as readonly (string | null | undefined)[]).includes(x);
}

/** The language asked for in the URL (?lang=), then the one chosen before, then the browser's, then English. */
export function preferredLanguage(): Language {
  const fromUrl = new URL(location.href).searchParams.get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return isLanguage(browser) ? browser : 'en';
}

const ready = i18next.init({
  lng: typeof location === 'undefined' ? 'en' : preferredLanguage(),
  fallbackLng: 'en',
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: CATALOGS[l] }])),
  interpolation: { escapeValue: false }, // lit escapes what it renders
  initAsync: false,
});
void ready;

/** The text of a key in the current language; `count` picks the plural form the language needs. */
export const t = (key: keyof typeof en | `${string}`, options: Record<string, unknown> = {}): string => i18next.t(key, options);

export function language(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** Switches every screen to a language, and remembers it. */
export async function setLanguage(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  window.dispatchEvent(new Event(CHANGED));
}

/** A number as the current language writes it (decimal comma in Russian, and so on). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(language(), options).format(value);
}

/** A date and time as the current language writes it. */
export function formatDateTime(ms: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(language(), options).format(ms);
}

/** Re-renders its host when the language changes. */
export class LanguageController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.documentElement.lang = language();
    window.addEventListener(CHANGED, this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(CHANGED, this.onChange);
  }
}
