/** Markup already escaped: only `html` and `raw` make it, so every value put in a page is escaped. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Fragment = Html | string | number | boolean | null | undefined | readonly Fragment[];

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

function render(value: Fragment): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return (value as readonly Fragment[]).map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** A template whose every interpolated value is escaped, unless it is markup made here already. */
export function html(strings: TemplateStringsArray, ...values: readonly Fragment[]): Html {
  return new Html(strings.reduce((out, part, i) => out + render(values[i - 1]) + part));
}

/** Markup written in this folder's code, never from data. */
export function raw(markup: string): Html {
  return new Html(markup);
}
