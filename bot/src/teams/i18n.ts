import { languages, pickLanguage, type Language } from '@council/shared';
import i18next from 'i18next';
import { de } from './locales/de';
import { en, type TextKey } from './locales/en';
import { fr } from './locales/fr';
import { nl } from './locales/nl';

export type { TextKey };
export type Texts = (key: TextKey, params?: Readonly<Record<string, string | number>>) => string;

export const catalogs = { fr, nl, de, en } as const;

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(languages.map((l) => [l, { translation: catalogs[l] }])),
  fallbackLng: 'en',
  // Keys are flat ("vote.close"); texts go into cards, not HTML.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

export function textsFor(language: Language): Texts {
  const t = i18n.getFixedT(language);
  return (key, params) => t(key, params ?? {});
}

/** The language of an activity ("fr-BE" → fr), or the meeting's when Teams sent none we speak. */
export function languageOf(locale: string | undefined, fallback: Language = 'en'): Language {
  return pickLanguage(locale, fallback);
}
