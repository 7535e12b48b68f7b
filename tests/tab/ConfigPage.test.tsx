/** @jest-environment jsdom */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '../../tab/src/api/client';
import type { TeamsHost } from '../../tab/src/host/teams';
import { createI18n } from '../../tab/src/i18n';
import { catalogs } from '../../tab/src/i18n/catalogs';
import { createServerClock } from '../../tab/src/live/clock';
import { ConfigPage } from '../../tab/src/ui/config/ConfigPage';

function setUp() {
  const created: unknown[] = [];
  const api = {
    meetings: () =>
      Promise.resolve({
        meetings: [
          {
            id: 'm-1',
            title: 'Council of 23 November',
            municipality: 'Testville',
            scheduledStart: '2026-11-23T18:30:00Z',
            status: 'convened',
            role: 'director',
          },
        ],
      }),
    createMeeting: (body: unknown) => {
      created.push(body);
      return Promise.resolve({ meetingId: 'm-new', version: 1 });
    },
  } as unknown as Api;
  const valid: boolean[] = [];
  let save: (() => Promise<{ entityId: string; contentUrl: string; name: string }>) | null = null;
  const teams = {
    config: {
      setValid: (v: boolean) => valid.push(v),
      onSave: (handler: typeof save) => {
        save = handler;
      },
    },
  } as unknown as TeamsHost;
  render(
    <I18nextProvider i18n={createI18n('en', catalogs)}>
      <FluentProvider theme={teamsLightTheme}>
        <ConfigPage
          reader={{ api, clock: createServerClock(), id: 'oid-director', name: 'Dora Director' }}
          place={{ view: 'panel', meetingId: null, theme: 'light', language: 'en' }}
          teams={teams}
        />
      </FluentProvider>
    </I18nextProvider>,
  );
  return { created, valid, saved: () => save?.() };
}

test('choosing a meeting lets Teams save a tab whose address names that meeting', async () => {
  const { valid, saved } = setUp();
  const user = userEvent.setup();
  expect(valid).toEqual([false]);
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Council meeting' }), 'm-1');
  expect(valid.at(-1)).toBe(true);
  expect(await saved()).toEqual({
    entityId: 'm-1',
    contentUrl: `${location.origin}/tab/index.html?meeting=m-1`,
    name: 'Council meeting',
  });
});

test('a new meeting has the reader as its director and a chair to be named, and is then chosen', async () => {
  const { created, valid } = setUp();
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Extraordinary council');
  await user.type(screen.getByRole('textbox', { name: 'Municipality' }), 'Testville');
  await user.type(screen.getByLabelText(/^Start/), '2026-12-01T19:30');
  await user.click(screen.getByRole('button', { name: 'Create the meeting' }));
  await waitFor(() => {
    expect(valid.at(-1)).toBe(true);
  });
  expect(created).toEqual([
    {
      setup: expect.objectContaining({
        title: 'Extraordinary council',
        municipality: 'Testville',
        roster: [
          { id: 'oid-director', name: 'Dora Director', role: 'director' },
          { id: 'chair-to-be-named', name: 'Chair (to be named)', role: 'chair' },
        ],
        rules: { profile: 'wallonia', overrides: {} },
      }) as unknown,
    },
  ]);
});
