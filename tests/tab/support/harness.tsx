import {
  actorOf,
  decide,
  fold,
  meetingFor,
  type Event,
  type Language,
  type Meeting,
  type Role,
  type WireCommand,
} from '../../../shared/src';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, configure, render } from '@testing-library/react';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Unanswered, type Api, type Outcome } from '../../../tab/src/api/client';
import { createI18n } from '../../../tab/src/i18n';
import { catalogs } from '../../../tab/src/i18n/catalogs';
import { createServerClock } from '../../../tab/src/live/clock';
import type { ConnectionState } from '../../../tab/src/live/stream';
import { SessionProvider, type LoadedSession } from '../../../tab/src/ui/session';
import { nextTime } from '../../shared/support/council';

// The views load their chunks when first shown: on a busy machine (CI) that can take more than
// Testing Library's default second. Only a failing wait takes longer.
configure({ asyncUtilTimeout: 10_000 });

/** What the tab under test sent and was told. */
export interface Record {
  readonly sent: WireCommand[];
  /** The id each command in `sent` went with. */
  readonly commandIds: string[];
  readonly reported: (string | null)[];
}

/** What the service adds to a command's answer, as a sealed ballot's tracker. */
export type Answering = (command: WireCommand) => { readonly tracker?: string };

/**
 * The way to the service, which a test may break: `unsent` loses the request, `unanswered` loses
 * the answer of a command the service applied, `busy` has the service refuse every command (its
 * rate limit, say) and apply none.
 */
export interface Network {
  failing: 'no' | 'unsent' | 'unanswered' | 'busy';
}

/** Where a test gives the commands of other people, which reach the view as live events. */
interface Elsewhere {
  decide?: (by: string, command: WireCommand) => void;
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
  network,
  language,
  connection,
  answer,
  elsewhere,
  publicPage,
  children,
}: {
  history: readonly Event[];
  me: string;
  record: Record;
  api: Api;
  network: Network;
  language: Language;
  connection: ConnectionState;
  answer: Answering | undefined;
  elsewhere: Elsewhere;
  publicPage: string | undefined;
  children: ReactNode;
}) {
  const [events, setEvents] = useState<readonly Event[]>(history);
  const latest = useRef(events);
  latest.current = events;
  // As the service does: a command id seen before is answered as it was, never applied twice.
  const answered = useRef(new Map<string, Outcome>());
  const i18n = useMemo(() => createI18n(language, catalogs), [language]);
  const clock = useMemo(() => createServerClock(() => Date.parse(nextTime())), []);
  const state = fold(events) as Meeting;
  const actor = actorOf(state.setup.roster, me);
  const role: Role | null = actor === 'system' ? null : actor;
  const meeting = meetingFor(state, role);

  async function send(command: WireCommand, commandId = `cmd-${String(++ids)}`): Promise<Outcome> {
    record.sent.push(command);
    record.commandIds.push(commandId);
    if (network.failing === 'unsent') throw new Unanswered('TypeError: Failed to fetch');
    if (network.failing === 'busy')
      return { ok: false, code: 'RATE_LIMITED', message: 'RATE_LIMITED' };
    const outcome = answered.current.get(commandId) ?? decided(command);
    answered.current.set(commandId, outcome);
    if (network.failing === 'unanswered') throw new Unanswered('TypeError: Failed to fetch');
    return Promise.resolve(outcome);
  }

  function decided(command: WireCommand, by = me): Outcome {
    const decision = decide(fold(latest.current), {
      ...command,
      by,
      at: nextTime(),
      newId: `new-${String(++ids)}`,
    });
    if (!decision.ok) {
      return { ok: false, code: decision.error.code, message: decision.error.code };
    }
    const next = [...latest.current, ...decision.events];
    latest.current = next;
    setEvents(next);
    return { ok: true, version: next.length, ...answer?.(command) };
  }

  elsewhere.decide = (by, command) => {
    const outcome = decided(command, by);
    if (!outcome.ok) throw new Error(`${by}'s ${command.type} refused: ${outcome.message}`);
  };

  const session: LoadedSession = {
    snapshot: {
      version: events.length,
      you: { memberId: me, role },
      meeting,
      ...(publicPage ? { publicPage } : {}),
    },
    meeting,
    failure: null,
    connection,
    clock,
    send,
    move: (_itemId, requestId, position, commandId) =>
      send({ type: 'MoveRequest', requestId, position }, commandId),
    retry: () => undefined,
    api,
    meetingId: 'meeting-1',
    language,
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

/**
 * Renders `ui` for `me` in the meeting that `history` describes; `api` for what is not a command,
 * `network` to break the way to the service, `language` for the panel's, `answer` for what the
 * service adds to an answer. `connect` changes the state of the live connection.
 */
export function renderFor(
  me: string,
  history: readonly Event[],
  ui: ReactNode,
  options: {
    readonly api?: Api;
    readonly network?: Network;
    readonly language?: Language;
    readonly answer?: Answering;
    /** The public page's address, as the service gives it with the meeting. */
    readonly publicPage?: string;
  } = {},
) {
  const record: Record = { sent: [], commandIds: [], reported: [] };
  const network = options.network ?? { failing: 'no' };
  const elsewhere: Elsewhere = {};
  const harness = (connection: ConnectionState) => (
    <Harness
      history={history}
      me={me}
      record={record}
      api={options.api ?? ({} as Api)}
      network={network}
      language={options.language ?? 'en'}
      connection={connection}
      answer={options.answer}
      elsewhere={elsewhere}
      publicPage={options.publicPage}
    >
      {ui}
    </Harness>
  );
  const result = render(harness('live'));
  return {
    ...result,
    record,
    connect: (connection: ConnectionState) => {
      result.rerender(harness(connection));
    },
    /** Another person's command, decided by the domain, reaching the view as a live event. */
    elsewhere: (by: string, command: WireCommand) => {
      act(() => {
        elsewhere.decide?.(by, command);
      });
    },
  };
}

/** Icon buttons' tooltips come in a chunk of their own: wait for it, as a browser would. */
export async function tooltipsLoaded(): Promise<void> {
  await act(() => import('../../../tab/src/ui/parts/Hint'));
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
