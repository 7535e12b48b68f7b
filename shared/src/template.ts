/** Fills each `{name}` of a message from `params`; a name without a value stays as written. */
export function fill(
  template: string,
  params: Readonly<Record<string, string | number>> | undefined,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : String(value);
  });
}
