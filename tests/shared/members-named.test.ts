import { membersNamed } from '../../shared/src';

const roster = [
  { name: 'Amélie Lambert' },
  { name: 'Chloé Laurent' },
  { name: 'Bruno Claes' },
  { name: 'Jean-Luc Lambert' },
];
const names = (written: string) => membersNamed(roster, written).map((m) => m.name);

describe('naming a member in the chat', () => {
  test('a member is found by their name written without accents, in any case', () => {
    expect(names('chloe laurent')).toEqual(['Chloé Laurent']);
    expect(names('CLAES')).toEqual(['Bruno Claes']);
  });

  test('a name several members share finds each of them; a first name tells them apart', () => {
    expect(names('Lambert')).toEqual(['Amélie Lambert', 'Jean-Luc Lambert']);
    expect(names('amelie lambert')).toEqual(['Amélie Lambert']);
    expect(names('jean luc')).toEqual(['Jean-Luc Lambert']);
  });

  test('the beginning of a name is enough; a name nobody has finds nobody, nor does an empty one', () => {
    expect(names('Bru')).toEqual(['Bruno Claes']);
    expect(names('Dupont')).toEqual([]);
    expect(names('  ')).toEqual([]);
  });
});
