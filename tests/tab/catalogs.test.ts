import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { languages } from '../../shared/src';
import { catalogs } from '../../tab/src/i18n/catalogs';

type Tree = { readonly [key: string]: string | Tree };

/** Every key of a catalog, plural forms (_one, _other, _ordinal_few…) folded into their base. */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = `${prefix}${key.replace(/_(ordinal_)?(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') keys.add(full);
    else for (const inner of keysOf(value, `${full}.`)) keys.add(inner);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry) ? [full] : [];
  });
}

const english = keysOf(catalogs.en);

test.each(languages)('the %s catalog has exactly the keys of the English one', (language) => {
  expect([...keysOf(catalogs[language])].sort()).toEqual([...english].sort());
});

test('every text key written out in the tab exists in the catalogs', () => {
  const used = sourceFiles(path.join(__dirname, '../../tab/src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1] as string),
  );
  expect(used.length).toBeGreaterThan(100);
  expect(used.filter((key) => !english.has(key))).toEqual([]);
});

test.each(languages)('in %s, no text is left empty', (language) => {
  const empty: string[] = [];
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') {
        if (value.trim() === '') empty.push(`${prefix}${key}`);
      } else walk(value, `${prefix}${key}.`);
    }
  };
  walk(catalogs[language], '');
  expect(empty).toEqual([]);
});

/** Every text of a catalog by its full key, plural and context suffixes kept. */
function textsOf(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : textsOf(value, `${prefix}${key}.`),
  );
}

const pluralSuffix = /_(ordinal_)?(zero|one|two|few|many|other)$/;

test.each(languages)(
  'in %s, every text with a count has each plural form that language has',
  (language) => {
    const texts = new Map(textsOf(catalogs[language]));
    const counted = [...texts].filter(([, text]) => text.includes('{{count}}'));
    expect(counted.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const [key] of counted) {
      const match = pluralSuffix.exec(key);
      if (!match) {
        missing.push(`${key} (no plural forms)`);
        continue;
      }
      const base = key.slice(0, match.index);
      const ordinal = match[1] !== undefined;
      const categories = new Intl.PluralRules(language, {
        type: ordinal ? 'ordinal' : 'cardinal',
      }).resolvedOptions().pluralCategories;
      for (const category of categories) {
        const form = `${base}_${ordinal ? 'ordinal_' : ''}${category}`;
        if (!texts.has(form)) missing.push(form);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  },
);

test('French reads 0 and 1 in the singular, so a count of 0 takes the "one" form', () => {
  expect(new Intl.PluralRules('fr').select(0)).toBe('one');
  expect(new Intl.PluralRules('en').select(0)).toBe('other');
});
