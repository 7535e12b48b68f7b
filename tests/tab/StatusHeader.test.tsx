/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { Meeting } from '../../shared/src';
import { StatusHeader, sittingStateKey } from '../../tab/src/ui/parts/StatusHeader';
import Stage from '../../tab/src/ui/stage/Stage';
import { CHAIR, OBSERVER, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const C1 = councillor(1);
const status = () => within(screen.getByRole('group', { name: 'State of the sitting' }));

/** Councillor 1 has the floor on the approval of the minutes. */
const speaking = () =>
  play(
    sitting({ present: 25 }),
    command(C1, { type: 'RequestFloor', kind: 'contribution' }),
    command(CHAIR, { type: 'GiveFloor' }),
  );

test('an open sitting reads "In session" with the item under discussion, numbered', () => {
  renderFor(councillor(2), sitting({ present: 25, item: 'budget' }), <StatusHeader />);
  expect(status().getByText('In session')).toBeTruthy();
  expect(status().getByText('2. Budget amendment')).toBeTruthy();
  expect(status().queryByRole('timer')).toBeNull();
});

test('a convened sitting reads "In preparation", a closed one "Sitting closed"', () => {
  const convened = sitting({ present: 0, item: null }).slice(0, 2);
  const first = renderFor(councillor(2), convened, <StatusHeader />);
  expect(status().getByText('In preparation')).toBeTruthy();
  first.unmount();
  renderFor(
    OBSERVER,
    play(sitting({ present: 25 }), command(CHAIR, { type: 'CloseMeeting' })),
    <StatusHeader />,
  );
  expect(status().getByText('Sitting closed')).toBeTruthy();
  expect(status().queryByText(/Approval of the minutes/)).toBeNull();
});

test('everyone sees who has the floor with the timer; the speaker reads "You have the floor"', () => {
  const other = renderFor(councillor(2), speaking(), <StatusHeader />);
  expect(status().getByText(/Councillor 1 has the floor/)).toBeTruthy();
  expect(status().getByRole('timer')).toBeTruthy();
  other.unmount();
  renderFor(C1, speaking(), <StatusHeader />);
  expect(status().getByText(/You have the floor/)).toBeTruthy();
  expect(status().queryByText(/Councillor 1/)).toBeNull();
});

test('an open vote shows how many have voted of those entitled, and nothing of the choices', () => {
  const log = play(
    sitting({ present: 25, item: 'water' }),
    command(CHAIR, { type: 'OpenVote' }, 'vote-1'),
    command(C1, { type: 'CastBallot', voteId: 'vote-1', choice: 'cand-young' }),
    command(councillor(2), { type: 'CastBallot', voteId: 'vote-1', choice: 'cand-old' }),
  );
  const { container } = renderFor(councillor(3), log, <StatusHeader />);
  expect(status().getByText('2 of 25 have voted')).toBeTruthy();
  expect(status().getByText('Vote: 2/25')).toBeTruthy();
  expect(container.textContent).not.toMatch(/candidate/);
});

test('behind closed doors an observer reads "Closed session" and never the item; the chair still sees it', () => {
  const closed = play(
    sitting({ present: 25, item: 'minutes' }),
    command(CHAIR, { type: 'MoveToClosedSession', because: 'person' }),
  );
  const observer = renderFor(OBSERVER, closed, <StatusHeader />);
  expect(status().getByText('Closed session')).toBeTruthy();
  expect(observer.container.textContent).not.toContain('Approval of the minutes');
  observer.unmount();
  renderFor(CHAIR, closed, <StatusHeader />);
  expect(status().getByText('Closed session')).toBeTruthy();
  expect(status().getByText('1. Approval of the minutes')).toBeTruthy();
});

test('a state of the sitting the header does not know yet reads as the domain names it', () => {
  const meeting = { status: 'suspended', behindClosedDoors: false } as unknown as Meeting;
  expect(sittingStateKey(meeting)).toEqual([
    'status.sitting.suspended',
    'sitting.status.suspended',
  ]);
  const adjourned = { status: 'adjourned', behindClosedDoors: false } as unknown as Meeting;
  expect(sittingStateKey(adjourned).at(-1)).toBe('sitting.status.adjourned');
});

test('the stage marks a closed session, and says so once the sitting is closed', () => {
  const closedDoors = play(
    sitting({ present: 25, item: 'minutes' }),
    command(CHAIR, { type: 'MoveToClosedSession', because: 'person' }),
  );
  const during = renderFor(OBSERVER, closedDoors, <Stage />);
  const mark = during.container.querySelector('h2[data-closed-session]');
  expect(mark?.textContent).toBe('Closed session');
  during.unmount();
  const closed = play(sitting({ present: 25 }), command(CHAIR, { type: 'CloseMeeting' }));
  const after = renderFor(OBSERVER, closed, <Stage />);
  expect(after.container.querySelector('h2')?.textContent).toBe('Sitting closed');
  expect(after.container.querySelector('[data-closed-session]')).toBeNull();
});
