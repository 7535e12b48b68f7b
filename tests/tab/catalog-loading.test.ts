import { loadCatalogs } from '../../tab/src/i18n';
import { catalogs } from '../../tab/src/i18n/catalogs';

test('a Dutch reader gets the Dutch catalogue, nothing else', async () => {
  expect(await loadCatalogs('nl')).toEqual({ nl: catalogs.nl });
});

test('an English reader gets the English catalogue alone', async () => {
  expect(await loadCatalogs('en')).toEqual({ en: catalogs.en });
});
