/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { Event, MeetingSetup } from '../../shared/src';
import { RosterEditor } from '../../tab/src/ui/details/RosterEditor';
import { QuorumIndicator, MyAttendance } from '../../tab/src/ui/parts/Attendance';
import { AttendanceList } from '../../tab/src/ui/parts/AttendanceList';
import { Votes } from '../../tab/src/ui/parts/Votes';
import {
  CHAIR,
  DIRECTOR,
  checkedIn,
  convened,
  council,
  councillor,
  created,
  opened,
  sitting,
} from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const quorumText = () => screen.getByRole('group', { name: 'Quorum' }).textContent;

test('in French, one member present reads "1 présent", two read "2 présents"', () => {
  const one = renderFor(CHAIR, sitting({ members: 9, present: 1 }), <QuorumIndicator />, {
    language: 'fr',
  });
  expect(quorumText()).toMatch(/\b1 présent, \d+ requis sur 9$/);
  one.unmount();
  renderFor(CHAIR, sitting({ members: 9, present: 2 }), <QuorumIndicator />, { language: 'fr' });
  expect(quorumText()).toMatch(/\b2 présents, \d+ requis sur 9$/);
});

test('in French, nobody present is "0 présent" (French counts zero in the singular)', () => {
  renderFor(DIRECTOR, [created(council({ members: 9 })), convened()], <QuorumIndicator />, {
    language: 'fr',
  });
  expect(quorumText()).toMatch(/\b0 présent, /);
});

test('the progress of a vote agrees with the number who voted, in French and in English', () => {
  const oneVoted = play(
    sitting({ members: 9, present: 9 }),
    command(CHAIR, { type: 'OpenVote', threshold: '1/2', base: 'votesCast' }, 'v1'),
    command(CHAIR, { type: 'CastBallot', voteId: 'v1', choice: 'yes' }),
  );
  const fr = renderFor(CHAIR, oneVoted, <Votes />, { language: 'fr' });
  expect(screen.getByText('1 sur 9 a voté')).toBeTruthy();
  fr.unmount();
  renderFor(CHAIR, oneVoted, <Votes />);
  expect(screen.getByText('1 of 9 has voted')).toBeTruthy();
});

/** The council, its director and first councillor women, its second councillor a man. */
function councilWithGenders(): MeetingSetup {
  const setup = council({ members: 5 });
  return {
    ...setup,
    roster: setup.roster.map((member) =>
      member.id === councillor(1) || member.id === DIRECTOR
        ? { ...member, gender: 'female' as const }
        : member.id === councillor(2)
          ? { ...member, gender: 'male' as const }
          : member,
    ),
  };
}

const withGenders = (): Event[] => [
  created(councilWithGenders()),
  convened(),
  opened(),
  checkedIn(councillor(1)),
  checkedIn(councillor(2)),
];

test('a councillor the roster gives as a woman reads "Vous êtes présente", a man "Vous êtes présent"', () => {
  const her = renderFor(councillor(1), withGenders(), <MyAttendance />, { language: 'fr' });
  expect(screen.getByText('Vous êtes présente.')).toBeTruthy();
  her.unmount();
  renderFor(councillor(2), withGenders(), <MyAttendance />, { language: 'fr' });
  expect(screen.getByText('Vous êtes présent.')).toBeTruthy();
});

test('the attendance register agrees each member\u2019s status with their gender', () => {
  renderFor(DIRECTOR, withGenders(), <AttendanceList />, { language: 'fr' });
  const row = (id: string) => document.querySelector(`li[data-member="${id}"]`) as HTMLElement;
  expect(within(row(councillor(1))).getByText('Présente')).toBeTruthy();
  expect(within(row(councillor(2))).getByText('Présent')).toBeTruthy();
  expect(within(row(councillor(3))).getByText('Absent')).toBeTruthy();
});

test('the roster names a woman\u2019s role in the feminine: Conseillère, Directrice générale, Generaldirektorin', () => {
  const history = [created(councilWithGenders())];
  const rowOf = (id: string) => document.querySelector(`tr[data-member="${id}"]`) as HTMLElement;
  const fr = renderFor(CHAIR, history, <RosterEditor editable={false} />, { language: 'fr' });
  expect(within(rowOf(councillor(1))).getByText('Conseillère')).toBeTruthy();
  expect(within(rowOf(councillor(2))).getByText('Conseiller')).toBeTruthy();
  expect(within(rowOf(DIRECTOR)).getByText('Directrice générale')).toBeTruthy();
  fr.unmount();
  renderFor(CHAIR, history, <RosterEditor editable={false} />, { language: 'de' });
  expect(within(rowOf(councillor(1))).getByText('Ratsmitglied')).toBeTruthy();
  expect(within(rowOf(DIRECTOR)).getByText('Generaldirektorin')).toBeTruthy();
});
