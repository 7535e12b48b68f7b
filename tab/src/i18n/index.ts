import type { Language } from '@council/shared';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
/** One language's texts; plural keys differ between languages, so no language is the type. */
export type Catalog = Readonly<Record<string, unknown>>;
export type Catalogs = Partial<Readonly<Record<Language, Catalog>>>;

// One chunk per language: a reader downloads their own catalogue only. Every catalogue has every
// key of the English one (tests/tab/catalogs.test.ts), so English is no fallback worth its weight.
const catalogLoaders: Readonly<Record<Language, () => Promise<{ default: Catalog }>>> = {
  en: () => import('./locales/en.json'),
  fr: () => import('./locales/fr.json'),
  nl: () => import('./locales/nl.json'),
  de: () => import('./locales/de.json'),
};

/** The reader's catalogue. */
export async function loadCatalogs(language: Language): Promise<Catalogs> {
  return { [language]: (await catalogLoaders[language]()).default };
}

/** The tab's text in the reader's language (from the Teams locale). */
export function createI18n(language: Language, catalogs: Catalogs): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: Object.fromEntries(
      Object.entries(catalogs).map(([lang, catalog]) => [lang, { translation: catalog }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
