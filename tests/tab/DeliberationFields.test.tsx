/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Details from '../../tab/src/ui/details/Details';
import { DIRECTOR, council, created } from '../shared/support/council';
import { renderFor } from './support/harness';

const draft = () => [created(council({ members: 5 }))];

test('the director enters an item’s draft decision, recitals and articles one per line, and saves it with the agenda', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  const item = within(screen.getByRole('listitem', { name: 'Item 2' }));
  await user.type(
    item.getByRole('textbox', { name: /Recitals of the draft decision/ }),
    'Vu le Code ;{Enter}Considérant le budget ;',
  );
  await user.type(
    item.getByRole('textbox', { name: /Articles of the draft decision/ }),
    'Le budget est modifié.{Enter}{Enter}La délibération est transmise.',
  );
  await user.click(screen.getByRole('button', { name: 'Save the agenda' }));
  const sent = record.sent[0];
  expect(sent?.type === 'ReviseAgenda' && sent.agenda[1]).toMatchObject({
    id: 'budget',
    deliberation: {
      recitals: ['Vu le Code ;', 'Considérant le budget ;'],
      articles: ['Le budget est modifié.', 'La délibération est transmise.'],
    },
  });
});

test('recitals without an article are no draft decision: the item carries none', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  const item = within(screen.getByRole('listitem', { name: 'Item 2' }));
  await user.type(item.getByRole('textbox', { name: /Recitals of the draft decision/ }), 'Vu ;');
  await user.click(screen.getByRole('button', { name: 'Save the agenda' }));
  const sent = record.sent[0];
  expect(sent?.type === 'ReviseAgenda' && sent.agenda[1]).not.toHaveProperty('deliberation');
});

test('on the approval of minutes, the director gives the date of the sitting they record', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  const item = within(screen.getByRole('listitem', { name: 'Item 1' }));
  expect(item.queryByLabelText(/Date of the sitting/)).toBeNull();
  await user.selectOptions(item.getByRole('combobox', { name: 'Subject' }), 'minutesApproval');
  await user.type(item.getByLabelText(/Date of the sitting/), '2026-11-12');
  await user.click(screen.getByRole('button', { name: 'Save the agenda' }));
  const sent = record.sent[0];
  expect(sent?.type === 'ReviseAgenda' && sent.agenda[0]).toMatchObject({
    subject: 'minutesApproval',
    previousSitting: '2026-11-12',
  });
});
