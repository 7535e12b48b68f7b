// What makes links, images, emphasis, code, strike-through and HTML in Teams' markdown and in
// Adaptive Card TextBlocks; at the start of a line, also headings, lists and quotes.
const INLINE = /[\\`*_~[\]<>]/g;
const LINE_START = /^(\s*)(#|[-+]|\d+(?=[.)]))/gm;

/**
 * Text a person wrote (a name, a title, a motion), made to read as itself wherever the bot shows
 * it as markdown: `[Vote here](https://…)` in a motion stays those very characters, never a link
 * the author chose. The bot's own texts keep their formatting: escape only what people wrote.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_line, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}

/**
 * An address as markdown's `[text](address)` reads it whole: a parenthesis or angle bracket in it
 * (a SharePoint file named "Budget (draft).pdf") would end the link early. Percent-encoded, the
 * address names the same file.
 */
export function linkTarget(url: string): string {
  return url.replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
