/**
 * The municipality's part of a public address (/public/{municipality}/{meeting}): its name without
 * accents, case or punctuation ("Liège" → "liege", "Sint-Niklaas" → "sint-niklaas"), so the link a
 * municipality puts on its website reads as its name.
 */
export function municipalitySlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Where the public finds a meeting: its follow-along page, and the documents published under it. */
export function publicPath(municipality: string, meetingId: string): string {
  return `/public/${municipalitySlug(municipality)}/${encodeURIComponent(meetingId)}`;
}
