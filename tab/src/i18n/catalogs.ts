import de from './locales/de.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import nl from './locales/nl.json';

/** Every catalogue at once, for tests and checks; the tab itself loads only what it shows (loadCatalogs). */
export const catalogs = { en, fr, nl, de } as const;
