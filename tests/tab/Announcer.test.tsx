/** @jest-environment jsdom */
import { act } from '@testing-library/react';
import type { Event } from '../../shared/src';
import { Announcer } from '../../tab/src/ui/parts/Announcer';
import { CHAIR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { meetingAfter } from '../shared/support/payloads';
import { renderWithText } from './support/harness';

const region = () => document.querySelector('[aria-live]');

test('a polite live region announces a new speaker, then an opened vote', () => {
  let history: Event[] = play(
    sitting({ present: 25 }),
    command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }),
  );
  const view = renderWithText(<Announcer meeting={meetingAfter(history)} language="en" />);
  expect(region()?.getAttribute('aria-live')).toBe('polite');
  expect(region()?.textContent).toBe('');

  history = play(history, command(CHAIR, { type: 'GiveFloor' }));
  act(() => {
    view.rerender(<Announcer meeting={meetingAfter(history)} language="en" />);
  });
  expect(region()?.textContent).toBe('Councillor 1 has the floor.');

  history = play(history, command(CHAIR, { type: 'OpenVote', secret: false }));
  act(() => {
    view.rerender(<Announcer meeting={meetingAfter(history)} language="en" />);
  });
  expect(region()?.textContent).toBe('A vote is open: Approval of the minutes');
});

test('nothing is announced when the page first shows the meeting, nor when nothing changed', () => {
  const history = play(
    sitting({ present: 25 }),
    command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }),
    command(CHAIR, { type: 'GiveFloor' }),
  );
  const view = renderWithText(<Announcer meeting={meetingAfter(history)} language="en" />);
  act(() => {
    view.rerender(<Announcer meeting={meetingAfter(history)} language="en" />);
  });
  expect(region()?.textContent).toBe('');
});
