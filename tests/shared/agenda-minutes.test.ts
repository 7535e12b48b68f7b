import { minutesWords } from '../../shared/src';
import { CHAIR, firstMembers, sitting } from './support/council';
import { linesOf, section, Sitting } from './support/minutes';

const nine = firstMembers(9);

/** A sitting of nine: the budget withdrawn, the appointment postponed, then closed. */
function setAsideAndClosed(): Sitting {
  const s = new Sitting(sitting({ members: 9, present: 9 }));
  s.do(CHAIR, { type: 'WithdrawItem', itemId: 'budget', reason: 'Dossier incomplet' });
  s.do(CHAIR, { type: 'PostponeItem', itemId: 'water' });
  s.do(CHAIR, { type: 'CloseMeeting' });
  return s;
}

const directorsCopy = (s: Sitting) => {
  const lines = linesOf(s.minutes('director'));
  return { lines, text: lines.join('\n') };
};

describe('the minutes of agenda control', () => {
  test('a withdrawn item is minuted as withdrawn, with who decided and why, never as examined', () => {
    const { lines } = directorsCopy(setAsideAndClosed());
    const budget = section(lines, '2. ', '3. ');
    expect(budget.join('\n')).toMatch(/Item withdrawn from the agenda by The Chair at/);
    expect(budget).toContain('Reason: Dossier incomplet');
    expect(budget.join('\n')).not.toMatch(/examined|not taken up/i);
  });

  test('a postponed item is minuted as postponed to a later sitting', () => {
    const { lines } = directorsCopy(setAsideAndClosed());
    expect(section(lines, '3. ', '4. ').join('\n')).toMatch(
      /Item postponed to a later sitting by The Chair at/,
    );
  });

  test('an item not reached when the sitting closes is minuted as such, never as examined', () => {
    const { lines } = directorsCopy(setAsideAndClosed());
    const staff = section(lines, '4. ');
    expect(staff.join('\n')).not.toMatch(/Taken up at|Examined/);
    expect(staff[1]).toBe(minutesWords.en.item.notTakenUp);
  });

  test('an item closed by the council’s vote is minuted in closed session with the procedural vote', () => {
    const s = new Sitting(sitting({ members: 9, present: 9 }));
    s.vote({ type: 'OpenVote' }, () => 'yes');
    s.do(CHAIR, { type: 'MoveToClosedSession' }, { id: 'p1' });
    nine.forEach((by, i) =>
      s.do(by, { type: 'CastBallot', voteId: 'p1', choice: i < 7 ? 'yes' : 'no' }),
    );
    s.do('system', { type: 'CountVote', voteId: 'p1' });
    const text = linesOf(s.minutes('director')).join('\n');
    expect(text).toMatch(/Closed session[\s\S]*1\. Approval of the minutes/);
    expect(text).toMatch(/Closed session decided by the council’s vote at/);
    expect(text).toContain('Vote on closed session');
    expect(linesOf(s.minutes('observer')).join('\n')).not.toContain('Approval of the minutes');
  });

  test('closed session pronounced at once is minuted with who pronounced it', () => {
    const s = new Sitting(sitting({ members: 9, present: 9 }));
    s.do(CHAIR, { type: 'MoveToClosedSession', because: 'person' });
    expect(linesOf(s.minutes('councillor')).join('\n')).toMatch(
      /Closed session pronounced by The Chair at/,
    );
  });

  test('an urgent item is minuted as added as urgent', () => {
    const s = new Sitting(sitting({ members: 9, present: 9 }));
    s.do(
      CHAIR,
      { type: 'ProposeUrgentItem', title: 'Storm damage', subject: 'general' },
      { id: 'u1' },
    );
    nine.forEach((by) => s.do(by, { type: 'CastBallot', voteId: 'u1', choice: 'yes' }));
    s.do('system', { type: 'CountVote', voteId: 'u1' });
    const lines = linesOf(s.minutes('councillor'));
    expect(section(lines, '5. Storm damage')).toContain(
      'Item added as urgent, the council having declared the urgency.',
    );
    expect(lines).toContain('Vote on urgency');
  });

  test.each(['fr', 'nl', 'de'] as const)(
    'the %s minutes say in their language who withdrew an item',
    (language) => {
      const history = sitting({ members: 9, present: 9 }).map((event) =>
        event.type === 'MeetingCreated' ? { ...event, setup: { ...event.setup, language } } : event,
      );
      const s = new Sitting(history);
      s.do(CHAIR, { type: 'WithdrawItem', itemId: 'budget' });
      const [before] = minutesWords[language].agenda.withdrawn.split('{name}');
      expect(linesOf(s.minutes('director')).join('\n')).toContain(`${before ?? ''}The Chair`);
    },
  );
});
