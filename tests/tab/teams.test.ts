/** @jest-environment jsdom */
import { connectTeams, mayBeInTeams } from '../../tab/src/host/teams';

const teams = {
  initialize: jest.fn<Promise<void>, []>(),
  getContext: jest.fn(),
  getAuthToken: jest.fn(() => Promise.resolve('sso-token')),
  themeHandler: null as ((theme: string) => void) | null,
};

jest.mock('@microsoft/teams-js', () => ({
  app: {
    initialize: () => teams.initialize(),
    getContext: () => teams.getContext() as unknown,
    notifySuccess: () => Promise.resolve(),
    registerOnThemeChangeHandler: (handler: (theme: string) => void) => {
      teams.themeHandler = handler;
    },
  },
  authentication: { getAuthToken: () => teams.getAuthToken() },
  meeting: {},
  pages: { config: {} },
}));

/** A window framed by another page, as Teams frames a tab (or any other site would). */
const framed = { parent: {}, opener: null } as unknown as Window;

test('a page that is not framed is not in Teams, at once', async () => {
  expect(mayBeInTeams(window)).toBe(false);
  expect(await connectTeams(window, 10_000)).toBeNull();
  expect(teams.initialize).not.toHaveBeenCalled();
});

test('in a frame where Teams never answers, the tab gives up after the short timeout', async () => {
  teams.initialize.mockReturnValue(new Promise(() => undefined));
  expect(await connectTeams(framed, 20)).toBeNull();
});

test('inside Teams the context gives the view, the locale and the theme, which then follows Teams', async () => {
  teams.initialize.mockResolvedValue();
  teams.getContext.mockResolvedValue({
    app: { locale: 'nl-BE', theme: 'dark' },
    page: { frameContext: 'meetingStage' },
    user: { id: 'oid-1', displayName: 'Bruno Claes' },
  });
  const host = await connectTeams(framed, 1_000);
  expect(host).toMatchObject({ view: 'stage', locale: 'nl-BE', theme: 'dark', userId: 'oid-1' });
  expect(await host?.token()).toBe('sso-token');
  const themes: string[] = [];
  host?.onThemeChange((theme) => themes.push(theme));
  teams.themeHandler?.('contrast');
  teams.themeHandler?.('default');
  expect(themes).toEqual(['contrast', 'light']);
});
