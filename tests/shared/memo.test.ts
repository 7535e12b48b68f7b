import { actorOf, membersInOffice, memo } from '../../shared/src';
import { council } from './support/council';

describe('memo: derived once per source and derivation', () => {
  test('two derivations of one source each keep their own value, made once', () => {
    const source = ['a', 'b', 'a'];
    let made = 0;
    const asSet = (list: readonly string[]) => {
      made += 1;
      return new Set(list);
    };
    const count = (list: readonly string[]) => list.length;
    expect(memo(source, asSet)).toBe(memo(source, asSet));
    expect(memo(source, count)).toBe(3);
    expect(memo(source, asSet).size).toBe(2);
    expect(made).toBe(1);
    expect(memo(['a'], asSet)).not.toBe(memo(source, asSet));
  });

  test('a roster answers its roles and its seating from the same list', () => {
    const { roster } = council({ members: 9 });
    const seated = membersInOffice(roster);
    const chair = seated[0];
    expect(chair && actorOf(roster, chair.id)).toBe('chair');
    expect(membersInOffice(roster)).toBe(seated);
    expect(
      seated.map((m) => actorOf(roster, m.id)).every((r) => r === 'chair' || r === 'councillor'),
    ).toBe(true);
  });
});
