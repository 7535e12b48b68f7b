/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import Stage from '../../tab/src/ui/stage/Stage';
import { OBSERVER, sitting } from '../shared/support/council';
import { renderFor } from './support/harness';

const PAGE = 'https://council.example.be/public/liege/meeting-1';

test('the stage shows the public page’s address, for the room to follow the sitting there', () => {
  renderFor(OBSERVER, sitting({ members: 9, present: 5 }), <Stage />, {
    language: 'fr',
    publicPage: PAGE,
  });
  const link = screen.getByRole('link', { name: PAGE });
  expect(link.getAttribute('href')).toBe(PAGE);
  expect(link.closest('p')?.textContent).toBe(`Le public suit la séance sur ${PAGE}`);
});

test('without an address (a meeting not yet convened) the stage shows none', () => {
  renderFor(OBSERVER, sitting({ members: 9, present: 5 }), <Stage />);
  expect(screen.queryByRole('link', { name: /\/public\// })).toBeNull();
});
