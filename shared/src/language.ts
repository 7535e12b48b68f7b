export const languages = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof languages)[number];

/** Text a person reads, in the languages it was written in (the meeting's own at least). */
export type LocalizedText = Readonly<Partial<Record<Language, string>>>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Picks the best language from an Accept-Language header or a Teams locale such as "nl-BE". */
export function pickLanguage(preference: string | undefined, fallback: Language = 'en'): Language {
  if (!preference) return fallback;
  const ranked = preference
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/i.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return fallback;
}
