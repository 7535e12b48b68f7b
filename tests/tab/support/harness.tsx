import {
  actorOf,
  decide,
  fold,
  meetingFor,
  type Event,
  type Meeting,
  type Role,
  type WireCommand,
} from '../../../shared/src';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Api, Outcome } from '../../../tab/src/api/client';
import { createI18n } from '../../../tab/src/i18n';
import { catalogs } from '../../../tab/src/i18n/catalogs';
import { createServerClock } from '../../../tab/src/live/clock';
import { SessionProvider, type LoadedSession } from '../../../tab/src/ui/session';
import { nextTime } from '../../shared/support/council';

/** What the tab under test sent and was told. */
export interface Record {
  readonly sent: WireCommand[];
  readonly reported: (string | null)[];
}

let ids = 0;

/**
 * A view rendered for one person of a meeting, as the service would show it to them: every command
 * the tab sends is decided by the real domain and the view re-renders with the outcome.
 */
function Harness({
  history,
  me,
  record,
  api,
  children,
}: {
  history: readonly Event[];
  me: string;
  record: Record;
  api: Api;
  children: ReactNode;
}) {
  const [events, setEvents] = useState<readonly Event[]>(history);
  const latest = useRef(events);
  latest.current = events;
  const i18n = useMemo(() => createI18n('en', catalogs), []);
  const clock = useMemo(() => createServerClock(() => Date.parse(nextTime())), []);
  const state = fold(events) as Meeting;
  const actor = actorOf(state.setup.roster, me);
  const role: Role | null = actor === 'system' ? null : actor;
  const meeting = meetingFor(state, role);

  async function send(command: WireCommand): Promise<Outcome> {
    record.sent.push(command);
    const decision = decide(fold(latest.current), {
      ...command,
      by: me,
      at: nextTime(),
      newId: `new-${String(++ids)}`,
    });
    if (!decision.ok) {
      return Promise.resolve({
        ok: false,
        code: decision.error.code,
        message: decision.error.code,
      });
    }
    const next = [...latest.current, ...decision.events];
    latest.current = next;
    setEvents(next);
    return Promise.resolve({ ok: true, version: next.length });
  }

  const session: LoadedSession = {
    snapshot: { version: events.length, you: { memberId: me, role }, meeting },
    meeting,
    failure: null,
    connection: 'live',
    clock,
    send,
    move: (_itemId, requestId, position) => send({ type: 'MoveRequest', requestId, position }),
    retry: () => undefined,
    api,
    meetingId: 'meeting-1',
    language: 'en',
    host: { inTeams: false, shareToStage: null },
    report: (message) => {
      record.reported.push(message);
    },
    role,
    me,
  };
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme}>
        <SessionProvider value={session}>{children}</SessionProvider>
      </FluentProvider>
    </I18nextProvider>
  );
}

/** Renders `ui` for `me` in the meeting that `history` describes; `api` for what is not a command. */
export function renderFor(
  me: string,
  history: readonly Event[],
  ui: ReactNode,
  options: { readonly api?: Api } = {},
) {
  const record: Record = { sent: [], reported: [] };
  const result = render(
    <Harness history={history} me={me} record={record} api={options.api ?? ({} as Api)}>
      {ui}
    </Harness>,
  );
  return { ...result, record };
}

/** Text and language providers only, for parts that take their data as props. */
export function renderWithText(ui: ReactNode) {
  const i18n = createI18n('en', catalogs);
  const wrapped = (inner: ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={teamsLightTheme}>{inner}</FluentProvider>
    </I18nextProvider>
  );
  const result = render(wrapped(ui));
  return {
    ...result,
    rerender: (next: ReactNode) => {
      result.rerender(wrapped(next));
    },
  };
}
