import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentType,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../api/client';
import type { Place } from '../host/place';
import type { ServerClock } from '../live/clock';
import { useReconnected } from '../live/reconnected';
import { useMeeting } from '../live/useMeeting';
import { Announcer } from './parts/Announcer';
import { ConnectionNotice } from './parts/ConnectionNotice';
import { ConnectionState } from './parts/ConnectionState';
import { IconButton } from './parts/IconButton';
import { StatusHeader } from './parts/StatusHeader';
import { useRenderedMark } from './rendered';
import { SessionProvider, type HostActions, type LoadedSession } from './session';

const load = {
  panel: () => import('./panel/Panel'),
  stage: () => import('./stage/Stage'),
  details: () => import('./details/Details'),
  trustee: () => import('./trustee/TrusteeView'),
};
type ViewName = Place['view'];

/**
 * Each view's code, once it has loaded. A view is not React.lazy: its code, asked for while the
 * reader signs in, is usually here when the meeting is, and a lazy view would still suspend once
 * and show its fallback first, which holds the view back by a commit and, as React paces what a
 * fallback hid, by up to 300 ms more.
 */
const loadedViews = new Map<ViewName, ComponentType>();
const loadingViews = new Map<ViewName, Promise<ComponentType>>();

function loadView(view: ViewName): Promise<ComponentType> {
  let loading = loadingViews.get(view);
  if (!loading) {
    loading = load[view]().then((module) => {
      loadedViews.set(view, module.default);
      return module.default;
    });
    loadingViews.set(view, loading);
  }
  return loading;
}

/** Starts loading a view's code while sign-in and the meeting load, instead of after them. */
export function preloadView(view: ViewName): void {
  loadView(view).catch(() => undefined);
}

/** The view's code; undefined while it loads, null if it could not be loaded. */
function useViewCode(view: ViewName): ComponentType | null | undefined {
  const [code, setCode] = useState<ComponentType | null | undefined>(() => loadedViews.get(view));
  useEffect(() => {
    let current = true;
    loadView(view).then(
      (loaded) => {
        if (current) setCode(() => loaded);
      },
      () => {
        if (current) setCode(null);
      },
    );
    return () => {
      current = false;
    };
  }, [view]);
  return code;
}

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlockEnd: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  /** The sitting's state stays in view however far the panel scrolls. */
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingBlockStart: tokens.spacingVerticalXS,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    minWidth: 0,
    flexGrow: 1,
  },
  /** One line at most in the narrow panel, so the status header stays compact. */
  panelTitle: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', flexBasis: 0 },
  stageTitle: { fontSize: tokens.fontSizeBase500 },
  main: { minWidth: 0 },
});

/**
 * Whatever the panel scrolls into view (a focused control, a refusal next to its button) stops
 * below the sticky header instead of under it (WCAG 2.2, 2.4.11 focus not obscured).
 */
function useScrollBelow(header: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = header.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${element.getBoundingClientRect().height}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, [header]);
}

/** What could not be loaded, with a way to try again. */
function Failure({
  message,
  alert = false,
  onRetry,
}: {
  message: string;
  alert?: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" {...(alert ? { role: 'alert' } : {})}>
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Marks the moment a view first shows the meeting (the bench's time to first render). */
function Rendered() {
  useRenderedMark();
  return null;
}

/** One meeting in one view: header, connection state, refusals, the view, the live region. */
export function Shell({
  api,
  clock,
  place,
  host,
  meetingId,
}: {
  api: Api;
  clock: ServerClock;
  place: Place;
  host: HostActions;
  meetingId: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const live = useMeeting(api, meetingId, clock, t('feedback.unreachable'));
  const [notice, setNotice] = useState<string | null>(null);
  const report = useCallback((message: string | null) => {
    setNotice(message);
  }, []);
  // What failed while the connection was lost is stale once it is back.
  useReconnected(live.connection, () => {
    setNotice(null);
  });
  const View = useViewCode(place.view);
  const header = useRef<HTMLElement>(null);
  useScrollBelow(header);

  const session = useMemo<LoadedSession | null>(
    () =>
      live.snapshot && live.meeting
        ? {
            ...live,
            snapshot: live.snapshot,
            meeting: live.meeting,
            role: live.snapshot.you.role,
            me: live.snapshot.you.memberId,
            api,
            meetingId,
            language: place.language,
            host,
            report,
          }
        : null,
    [live, api, meetingId, place.language, host, report],
  );

  return (
    <>
      <header ref={header} className={`${styles.header} ${styles.sticky}`}>
        <h1
          className={`${styles.title} ${place.view === 'stage' ? styles.stageTitle : styles.panelTitle}`}
        >
          {live.meeting?.setup.title ?? t('app.name')}
        </h1>
        <ConnectionState state={live.connection} />
        {session && (
          <SessionProvider value={session}>
            <StatusHeader
              large={place.view === 'stage' || session.role === 'observer'}
              floor={place.view !== 'stage'}
            />
          </SessionProvider>
        )}
      </header>
      <ConnectionNotice state={live.connection} />
      {notice && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <IconButton
                appearance="transparent"
                label={t('app.dismiss')}
                icon={<DismissRegular />}
                onClick={() => {
                  setNotice(null);
                }}
              />
            }
          />
        </MessageBar>
      )}
      <main className={styles.main}>
        {live.failure && !session ? (
          <Failure message={live.failure} onRetry={live.retry} />
        ) : View === null ? (
          // A browser keeps a module it failed to fetch as failed until the page loads again.
          <Failure
            message={t('app.partFailed')}
            alert
            onRetry={() => {
              location.reload();
            }}
          />
        ) : session && View ? (
          <SessionProvider value={session}>
            <View />
            <Rendered />
          </SessionProvider>
        ) : (
          <Spinner label={t('app.loading')} />
        )}
      </main>
      <Announcer meeting={live.meeting} language={place.language} />
    </>
  );
}
