/** @jest-environment jsdom */
import { connectTeams, mayBeInTeams } from '../../tab/src/host/teams';

const teams = {
  initialize: jest.fn<Promise<void>, []>(),
  getContext: jest.fn(),
  getAuthToken: jest.fn(() => Promise.resolve('sso-token')),
  frameContext: undefined as string | undefined,
  themeHandler: null as ((theme: string) => void) | null,
};

jest.mock('@microsoft/teams-js', () => ({
  app: {
    initialize: () => teams.initialize(),
    getContext: () => teams.getContext() as unknown,
    getFrameContext: () => teams.frameContext,
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

/** A token as Entra signs it, read only for its expiry here. */
const jwtExpiringIn = (seconds: number) =>
  `e30.${btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + seconds }))}.signature`;

test('inside Teams the token is asked for while the context comes, and that one answer serves the first calls', async () => {
  const sso = jwtExpiringIn(3_600);
  const asked: string[] = [];
  teams.initialize.mockResolvedValue();
  teams.getAuthToken.mockImplementation(() => {
    asked.push('token');
    return Promise.resolve(sso);
  });
  teams.getContext.mockImplementation(() => {
    asked.push('context');
    return Promise.resolve({ app: { locale: 'fr-BE', theme: 'default' }, page: {}, user: {} });
  });
  const host = await connectTeams(framed, 1_000);
  expect(asked).toEqual(['token', 'context']);
  expect(await host?.token()).toBe(sso);
  expect(await host?.token()).toBe(sso);
  expect(asked).toEqual(['token', 'context']);
  // A 401 asks for a fresh one.
  expect(await host?.token({ fresh: true })).toBe(sso);
  expect(asked).toEqual(['token', 'context', 'token']);
});

test("the view is known from Teams' answer to initialize, before the context comes", async () => {
  const told: string[] = [];
  teams.initialize.mockResolvedValue();
  teams.frameContext = 'task';
  teams.getContext.mockImplementation(() => {
    told.push('context');
    return Promise.resolve({ app: { locale: 'de-BE', theme: 'default' }, page: {}, user: {} });
  });
  await connectTeams(framed, 1_000, (view) => told.push(view));
  expect(told).toEqual(['trustee', 'context']);
});
