import { pickLanguage } from '@council/shared';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createApi, type Api, type TokenSource } from '../api/client';
import { browserSignIn, devTokens, type BrowserSignIn, type DemoPerson } from '../host/dev';
import { placeFromAddress, tabAddress, viewInAddress, type Place, type View } from '../host/place';
import { connectTeams, mayBeInTeams, type TeamsHost } from '../host/teams';
import { createServerClock, type ServerClock } from '../live/clock';
import { askEarly } from '../live/early';
import { loadCatalogs, type Catalogs } from '../i18n';
import { DevPicker } from './DevPicker';
import { Frame, type ShownTheme } from './Frame';
import { MeetingChooser } from './MeetingChooser';
import type { HostActions } from './session';
import { preloadView, Shell } from './Shell';
import { useLayout } from './styles';
import { loadTheme } from './theme';

/** Who the reader is and how the tab talks to the service, once known. */
export interface Reader {
  readonly api: Api;
  readonly clock: ServerClock;
  readonly id: string | undefined;
  readonly name: string | undefined;
}

function useReader(
  token: TokenSource | null,
  place: Place,
  id?: string,
  name?: string,
): Reader | null {
  return useMemo(() => {
    if (!token) return null;
    const clock = createServerClock();
    const api = createApi({
      token,
      language: place.language,
      onServerDate: (date) => {
        clock.observeHeader(date);
      },
    });
    return { api, clock, id, name };
  }, [token, place.language, id, name]);
}

const useStyles = makeStyles({
  devBar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
});

/** Outside Teams, with dev sign-in: who the reader acts as, and a way to be someone else. */
function DevBar({ person, onSwitch }: { person: DemoPerson; onSwitch: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.devBar} data-dev-person={person.objectId}>
      <span>
        {t('dev.actingAs', {
          name: person.name,
          role: t(`roles.${person.role}`, { context: person.gender ?? 'neutral' }),
        })}
      </span>
      <Button size="small" appearance="transparent" onClick={onSwitch}>
        {t('dev.switch')}
      </Button>
    </div>
  );
}

/** The reader's meeting, or the list to choose one from when the address names none. */
export function MeetingPage({
  reader,
  place,
  host,
}: {
  reader: Reader;
  place: Place;
  host: HostActions;
}) {
  const { t } = useTranslation();
  const layout = useLayout();
  const [meetingId, setMeetingId] = useState(place.meetingId);
  if (!meetingId) {
    return (
      <main>
        <h1 className={layout.heading}>{t('app.name')}</h1>
        <MeetingChooser
          api={reader.api}
          chosen={null}
          action={t('config.open')}
          onChoose={(id) => {
            const query = new URLSearchParams(location.search);
            query.set('meeting', id);
            history.replaceState(null, '', `?${query.toString()}`);
            setMeetingId(id);
          }}
        />
      </main>
    );
  }
  return (
    <Shell api={reader.api} clock={reader.clock} place={place} host={host} meetingId={meetingId} />
  );
}

/**
 * Browser mode: only where the service allows dev sign-in (on loopback), as one of the demo
 * council's people, chosen in a picker or named by `?as=<object id>`.
 */
export function InBrowser({
  place,
  signIn,
  children,
}: {
  place: Place;
  /** Started with the page (browserSignIn), so that it is on its way while the page renders. */
  signIn: Promise<BrowserSignIn>;
  children: (reader: Reader) => ReactNode;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'dev' | 'entra' | null>(null);
  const [signedIn, setSignedIn] = useState<{ person: DemoPerson; token: TokenSource } | null>(null);
  useEffect(() => {
    void signIn.then((answer) => {
      if (answer.person && answer.token) {
        setSignedIn({ person: answer.person, token: answer.token });
      }
      setMode(answer.mode);
    });
  }, [signIn]);
  const person = signedIn?.person ?? null;
  const reader = useReader(signedIn?.token ?? null, place, person?.objectId, person?.name);

  function pick(chosen: DemoPerson | null) {
    const query = new URLSearchParams(location.search);
    if (chosen) query.set('as', chosen.objectId);
    else query.delete('as');
    history.replaceState(null, '', `?${query.toString()}`);
    setSignedIn(chosen ? { person: chosen, token: devTokens(chosen) } : null);
  }

  if (mode === null) return <Spinner label={t('app.loading')} />;
  if (mode === 'entra') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('app.openInTeams')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!person || !reader) return <DevPicker onPick={pick} />;
  return (
    <>
      <DevBar
        person={person}
        onSwitch={() => {
          pick(null);
        }}
      />
      {children(reader)}
    </>
  );
}

function InTeams({
  teams,
  place,
  children,
}: {
  teams: TeamsHost;
  place: Place;
  children: (reader: Reader) => ReactNode;
}) {
  const reader = useReader(teams.token, place, teams.userId, teams.userName);
  return reader ? <>{children(reader)}</> : null;
}

/** What a page needs before its first render: where it is, who reads, its text and theme. */
export interface Booted {
  readonly place: Place;
  readonly teams: TeamsHost | null;
  readonly signIn: Promise<BrowserSignIn> | null;
  readonly catalogs: Catalogs;
  readonly theme: ShownTheme;
}

/**
 * Started as the page's script runs, before React renders anything: Teams' context (or the
 * address outside Teams), the catalogue and theme, who reads, the meeting and the view's code.
 */
export function startBoot(): Promise<Booted> {
  const fromAddress = placeFromAddress(location.search, navigator.language);
  const { meetingId } = fromAddress;
  // In the order the first render needs them: a browser allows six requests at once to the
  // service. First who reads (signing in and the meeting after it take the longest), then the
  // catalogue and theme, whose language and theme are usually Teams', then the view's code.
  const as = new URLSearchParams(location.search).get('as');
  const framed = mayBeInTeams(window);
  const signIn = framed ? null : browserSignIn(as);
  if (signIn && meetingId) {
    void signIn.then(({ token }) => {
      if (token) askEarly(token, meetingId, fromAddress.language);
    });
  }
  // A view's code is asked for at once (modulepreload links), the other imports a microtask
  // later: asked for a task later, the view's code queues behind them rather than ahead.
  const preload = (view: View) => {
    if (meetingId) {
      setTimeout(() => {
        preloadView(view);
      }, 0);
    }
  };
  // Inside Teams the frame says which view this is, unless the address names it: the side panel,
  // the stage and the meeting's tab share one address.
  const named = viewInAddress(location.search) !== null || !framed;
  const inTeams = connectTeams(window, undefined, named ? undefined : preload);
  loadCatalogs(fromAddress.language).catch(() => undefined);
  loadTheme(fromAddress.theme).catch(() => undefined);
  if (named) preload(fromAddress.view);
  return inTeams.then(async (teams) => {
    const place = teams
      ? {
          ...fromAddress,
          view: teams.view,
          theme: teams.theme,
          language: pickLanguage(teams.locale),
        }
      : fromAddress;
    if (teams && meetingId) askEarly(teams.token, meetingId, place.language);
    const [catalogs, theme] = await Promise.all([
      loadCatalogs(place.language),
      loadTheme(place.theme),
    ]);
    return {
      teams,
      place,
      signIn: teams ? null : (signIn ?? browserSignIn(as)),
      catalogs,
      theme: { name: place.theme, theme },
    };
  });
}

/** The page in its theme and language, once booted (startBoot). */
export function Boot({
  booting,
  page,
}: {
  booting: Promise<Booted>;
  page: (reader: Reader, place: Place, teams: TeamsHost | null) => ReactNode;
}) {
  const [booted, setBooted] = useState<Booted | null>(null);
  useEffect(() => {
    void booting.then(setBooted);
  }, [booting]);
  if (!booted) return null;
  const { place, teams, signIn, catalogs, theme } = booted;
  return (
    <Frame
      language={place.language}
      catalogs={catalogs}
      theme={theme}
      onThemeChange={teams?.onThemeChange}
    >
      {teams ? (
        <InTeams teams={teams} place={place}>
          {(reader) => page(reader, place, teams)}
        </InTeams>
      ) : (
        signIn && (
          <InBrowser place={place} signIn={signIn}>
            {(reader) => page(reader, place, null)}
          </InBrowser>
        )
      )}
    </Frame>
  );
}

/** The side panel asks Teams once whether this user may share to the stage. */
export function useHostActions(teams: TeamsHost | null, meetingId: string | null): HostActions {
  const [mayShare, setMayShare] = useState(false);
  useEffect(() => {
    if (!teams || teams.view !== 'panel') return;
    void teams.canShareToStage().then(setMayShare);
  }, [teams]);
  return useMemo(
    () => ({
      inTeams: teams !== null,
      shareToStage:
        teams && mayShare && meetingId
          ? () => teams.shareToStage(tabAddress(location.origin, meetingId, 'stage'))
          : null,
    }),
    [teams, mayShare, meetingId],
  );
}
