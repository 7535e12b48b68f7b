/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Details from '../../tab/src/ui/details/Details';
import { CHAIR, DIRECTOR, council, created, convened, opened } from '../shared/support/council';
import { renderFor } from './support/harness';

// jsdom's Blob lacks text(), which every browser the tab supports has.
Blob.prototype.text = function text(this: Blob) {
  return new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(reader.result as string);
    };
    reader.readAsText(this);
  });
};

const draft = () => [created(council({ members: 5 }))];

test('the director imports the roster from a CSV file and saves it as one revision', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Roster and roles' }));
  const csv =
    'id,name,role,seat\nm1,Anne Chair,chair,1\nm2,Bruno,councillor,2\ndg,Dora,director,\n';
  await user.upload(
    await screen.findByLabelText('Import a roster (CSV or JSON)'),
    new File([csv], 'roster.csv', { type: 'text/csv' }),
  );
  await screen.findByText('3 people read from the file. Save to apply.');
  await user.click(screen.getByRole('button', { name: 'Save the roster' }));
  expect(record.sent).toEqual([
    {
      type: 'ReviseRoster',
      roster: [
        { id: 'm1', name: 'Anne Chair', role: 'chair', seat: 1 },
        { id: 'm2', name: 'Bruno', role: 'councillor', seat: 2 },
        { id: 'dg', name: 'Dora', role: 'director' },
      ],
    },
  ]);
  expect(screen.queryByText('Not applied')).toBeNull();
});

test('the director changes a role in the roster', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Roster and roles' }));
  await user.selectOptions(
    await screen.findByRole('combobox', { name: 'Role of Councillor 1' }),
    'observer',
  );
  await user.click(screen.getByRole('button', { name: 'Save the roster' }));
  const sent = record.sent[0];
  expect(sent?.type === 'ReviseRoster' && sent.roster.find((m) => m.id === 'c1')?.role).toBe(
    'observer',
  );
});

test('the director adds an agenda item in four languages with a secret vote, and saves the agenda', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Add an item' }));
  const item = screen.getByRole('listitem', { name: 'Item 5' });
  const titles = {
    French: 'Nomination',
    Dutch: 'Benoeming',
    German: 'Ernennung',
    English: 'Appointment',
  };
  for (const [language, title] of Object.entries(titles)) {
    await user.type(within(item).getByRole('textbox', { name: `Title in ${language}` }), title);
  }
  await user.selectOptions(item.querySelectorAll('select')[1] as HTMLSelectElement, 'secret');
  // Only its subject lets an item be voted in secret in Wallonia (CDLD L1122-27).
  await user.selectOptions(item.querySelectorAll('select')[2] as HTMLSelectElement, 'appointment');
  await user.click(screen.getByRole('button', { name: 'Save the agenda' }));
  const sent = record.sent[0];
  expect(sent?.type === 'ReviseAgenda' && sent.agenda.at(-1)).toMatchObject({
    id: 'item-5',
    title: { fr: 'Nomination', nl: 'Benoeming', de: 'Ernennung', en: 'Appointment' },
    expectedVote: 'secret',
    subject: 'appointment',
  });
  await waitFor(() => {
    expect(screen.getByText('Saved.')).toBeTruthy();
  });
});

test('the director chooses the rules profile and the meeting language, then convenes', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Rules and language' }));
  await user.selectOptions(
    await screen.findByRole('combobox', { name: 'Rules profile' }),
    'flanders',
  );
  await user.click(screen.getByRole('button', { name: 'Save the profile' }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Meeting language' }), 'nl');
  await user.click(screen.getByRole('button', { name: 'Save the language' }));
  await user.type(
    await screen.findByRole('textbox', { name: /Why the sitting is held remotely/ }),
    'Chamber under renovation',
  );
  await user.click(screen.getByRole('button', { name: 'Convene the meeting' }));
  expect(record.sent).toEqual([
    { type: 'ChooseRules', rules: { profile: 'flanders', overrides: {} } },
    { type: 'ChooseLanguage', language: 'nl' },
    {
      type: 'ConveneMeeting',
      mode: 'remote',
      tool: 'Microsoft Teams',
      reason: 'Chamber under renovation',
    },
  ]);
  expect(screen.queryByText('Not applied')).toBeNull();
});

test('the director sets that joining the call is enough to be present, as a house rule', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Rules and language' }));
  const save = await screen.findByRole('button', { name: 'Save the profile' });
  expect(save.hasAttribute('disabled')).toBe(true);
  const joining = screen.getByRole('switch', { name: /Joining the call is enough to be present/ });
  expect((joining as HTMLInputElement).checked).toBe(false);
  await user.click(joining);
  await user.click(save);
  expect(record.sent).toEqual([
    {
      type: 'ChooseRules',
      rules: { profile: 'wallonia', overrides: { joiningCallIsPresence: true } },
    },
  ]);
});

test('the director sets when quorum must hold and whether a returning member may vote, as house rules', async () => {
  const { record } = renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Rules and language' }));
  const atClose = await screen.findByRole('switch', {
    name: /Quorum must also hold when a vote closes/,
  });
  const returning = screen.getByRole('switch', { name: /may vote in it on returning/ });
  expect((atClose as HTMLInputElement).checked).toBe(true);
  expect((returning as HTMLInputElement).checked).toBe(true);
  await user.click(atClose);
  await user.click(returning);
  await user.click(screen.getByRole('button', { name: 'Save the profile' }));
  expect(record.sent).toEqual([
    {
      type: 'ChooseRules',
      rules: {
        profile: 'wallonia',
        overrides: {
          quorumAt: 'opening',
          presenceToCast: { present: true, returningMayVote: false },
        },
      },
    },
  ]);
});

test('others read the setup but cannot change it, nor can the director once the sitting opened', () => {
  const chairView = renderFor(CHAIR, draft(), <Details />);
  expect(screen.queryByRole('button', { name: 'Add an item' })).toBeNull();
  expect(screen.queryByRole('textbox')).toBeNull();
  chairView.unmount();
  renderFor(DIRECTOR, [...draft(), convened(), opened()], <Details />);
  expect(screen.getByText('The sitting has opened: its setup can no longer change.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Save the agenda' })).toBeNull();
});

test('the setup tabs follow the ARIA tabs pattern: arrows move the selection and the focus', async () => {
  renderFor(DIRECTOR, draft(), <Details />);
  const user = userEvent.setup();
  const agenda = screen.getByRole('tab', { name: 'Agenda' });
  expect(agenda.getAttribute('aria-selected')).toBe('true');
  agenda.focus();
  await user.keyboard('{ArrowRight}');
  const documents = screen.getByRole('tab', { name: 'Documents' });
  expect(document.activeElement).toBe(documents);
  expect(documents.getAttribute('aria-selected')).toBe('true');
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(documents.id);
  await user.keyboard('{End}');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Rules and language' }));
  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(agenda);
});

test('during the sitting the director records a correction of the previous minutes the council adopted, on their approval item', async () => {
  const agenda = [
    {
      id: 'minutes',
      title: { en: 'Approval of the minutes of 20 October' },
      session: 'public' as const,
      subject: 'minutesApproval' as const,
      previousSitting: '2026-10-20',
    },
    { id: 'budget', title: { en: 'Budget amendment' }, session: 'public' as const },
  ];
  const sitting = [created(council({ members: 5, agenda })), convened(), opened()];
  const { record } = renderFor(DIRECTOR, sitting, <Details />);
  const user = userEvent.setup();
  const form = await screen.findByRole('region', { name: 'Corrections to the previous minutes' });
  expect(within(form).getByText('No correction adopted.')).toBeTruthy();
  const recordButton = within(form).getByRole('button', { name: 'Record the correction' });
  expect(recordButton.hasAttribute('disabled')).toBe(true);
  await user.type(
    within(form).getByRole('textbox', { name: /Correction adopted by the council/ }),
    '  Item 4: the amount reads 12,500 euros, not 1,250.  ',
  );
  await user.click(recordButton);
  expect(record.sent).toEqual([
    {
      type: 'CorrectMinutes',
      itemId: 'minutes',
      text: 'Item 4: the amount reads 12,500 euros, not 1,250.',
    },
  ]);
});

test('the corrections form is the director’s, and only while the sitting is open', async () => {
  const agenda = [
    {
      id: 'minutes',
      title: { en: 'Approval of the minutes' },
      session: 'public' as const,
      subject: 'minutesApproval' as const,
    },
  ];
  const setup = created(council({ members: 5, agenda }));
  renderFor(CHAIR, [setup, convened(), opened()], <Details />);
  await screen.findAllByRole('tab');
  expect(screen.queryByRole('region', { name: 'Corrections to the previous minutes' })).toBeNull();
});
