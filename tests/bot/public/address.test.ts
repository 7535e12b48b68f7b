import { municipalitySlug, publicPath } from '../../../bot/src/public/address';

describe("a municipality's public address", () => {
  test.each([
    ['Liège', 'liege'],
    ['Sint-Niklaas', 'sint-niklaas'],
    ['Ville de Liège ', 'ville-de-liege'],
    ['Sankt Vith (St. Vith)', 'sankt-vith-st-vith'],
    ['Écaussinnes', 'ecaussinnes'],
  ])('%s reads %s', (name, slug) => {
    expect(municipalitySlug(name)).toBe(slug);
  });

  test("a meeting's id is escaped in the path", () => {
    expect(publicPath('Liège', 'a/b c')).toBe('/public/liege/a%2Fb%20c');
  });
});
