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
