/** @jest-environment jsdom */
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { FloorRequest } from '../../shared/src';
import { SpeakingQueue } from '../../tab/src/ui/parts/SpeakingQueue';
import { renderWithText } from './support/harness';

const request = (id: string, kind: FloorRequest['kind'] = 'contribution'): FloorRequest => ({
  id,
  member: id,
  kind,
  at: '2026-11-23T18:30:00.000Z',
});
const names: Record<string, string> = { a: 'Anne', b: 'Bruno', c: 'Chloé' };

/** The chair's queue, reordered locally as the service would (the move is what is asserted). */
function ChairQueue({ onMove }: { onMove: (id: string, position: number) => void }) {
  const [requests, setRequests] = useState([request('a'), request('b'), request('c')]);
  return (
    <SpeakingQueue
      requests={requests}
      nameOf={(id) => names[id] ?? id}
      actions={{
        move: (id, position) => {
          onMove(id, position);
          setRequests((all) => {
            const moved = all.find((r) => r.id === id);
            const rest = all.filter((r) => r.id !== id);
            return moved ? [...rest.slice(0, position), moved, ...rest.slice(position)] : all;
          });
        },
        give: () => undefined,
        remove: () => undefined,
      }}
    />
  );
}

const order = () =>
  Array.from(document.querySelectorAll('[data-request]')).map((li) =>
    li.getAttribute('data-request'),
  );

test('the chair moves a request down with Alt+ArrowDown and the focus stays on it', async () => {
  const moves: [string, number][] = [];
  renderWithText(<ChairQueue onMove={(id, position) => moves.push([id, position])} />);
  const user = userEvent.setup();
  const down = screen.getByRole('button', { name: 'Move Anne down' });
  down.focus();
  await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
  expect(moves).toEqual([['a', 1]]);
  expect(order()).toEqual(['b', 'a', 'c']);
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Anne down' }));
  await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
  expect(order()).toEqual(['b', 'c', 'a']);
  // At the end of the queue "down" is disabled: the focus moves to "up" in the same entry.
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Anne up' }));
});

test('a focused move button moves the request with Enter, and keeps the focus', async () => {
  const moves: [string, number][] = [];
  renderWithText(<ChairQueue onMove={(id, position) => moves.push([id, position])} />);
  const user = userEvent.setup();
  screen.getByRole('button', { name: 'Move Chloé up' }).focus();
  await user.keyboard('{Enter}');
  expect(moves).toEqual([['c', 1]]);
  expect(order()).toEqual(['a', 'c', 'b']);
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Chloé up' }));
});

test('dragging a request onto another entry moves it to that place', () => {
  const moves: [string, number][] = [];
  renderWithText(<ChairQueue onMove={(id, position) => moves.push([id, position])} />);
  const [first, , third] = Array.from(document.querySelectorAll('[data-request]'));
  const dataTransfer = {
    setData: jest.fn(),
    getData: () => 'c',
    effectAllowed: '',
    dropEffect: '',
  };
  act(() => {
    fireEvent.dragStart(third as Element, { dataTransfer });
  });
  fireEvent.dragOver(first as Element, { dataTransfer });
  fireEvent.drop(first as Element, { dataTransfer });
  expect(moves).toEqual([['c', 0]]);
  expect(order()).toEqual(['c', 'a', 'b']);
});

test('whoever is not the chair sees the queue without any control to reorder it', () => {
  renderWithText(
    <SpeakingQueue
      requests={[request('a'), request('b', 'pointOfOrder')]}
      nameOf={(id) => names[id] ?? id}
      me="b"
    />,
  );
  expect(screen.queryAllByRole('button')).toHaveLength(0);
  expect(document.querySelector('[draggable="true"]')).toBeNull();
  expect(screen.getByText('2. Bruno (you)')).toBeTruthy();
  expect(screen.getByText('Point of order')).toBeTruthy();
});
