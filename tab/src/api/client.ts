import {
  previousMinutesPath,
  type Meeting,
  type MeetingSetupInput,
  type Role,
  type WireCommand,
  type CouncilFile,
} from '@council/shared';
import type { SealedBallot } from '@council/shared/sealed';

/** What GET /api/meetings/:id answers: the meeting as the caller may see it. */
export interface Snapshot {
  readonly version: number;
  readonly you: { readonly memberId: string; readonly role: Role | null };
  readonly meeting: Meeting;
  /** The sitting's public follow-along page, once it is convened. */
  readonly publicPage?: string;
}

export interface MeetingSummary {
  readonly id: string;
  readonly title: string;
  readonly municipality: string;
  readonly scheduledStart: string;
  readonly status: Meeting['status'];
  readonly role: Role | null;
}

/** What GET …/votes/:voteId/board answers: a closed secret vote's ballots, by tracker. */
export interface VoteBoard {
  readonly voteId: string;
  readonly ballots: readonly { readonly tracker: string; readonly ballot: SealedBallot }[];
}

/** A refusal from the service, its message already in the reader's language. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Outcome =
  | {
      readonly ok: true;
      readonly version: number;
      /** A sealed ballot's tracker, as the service recorded it. */
      readonly tracker?: string;
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Gives a valid bearer token, fetching a fresh one when needed. */
export type TokenSource = (options?: { readonly fresh?: boolean }) => Promise<string>;

export interface ApiOptions {
  readonly token: TokenSource;
  readonly language: string;
  readonly base?: string;
  /** Told the service's time from each answer's Date header. */
  readonly onServerDate?: (date: string) => void;
}

/** A command id nobody else will choose: a retry with it is never applied twice. */
export const newCommandId = () => `tab-${crypto.randomUUID()}`;

/** Past this, a command's answer is given up on: whether it was applied is then unknown. */
export const COMMAND_TIMEOUT_MS = 20_000;

/**
 * The service gave no answer to a command (unreachable, timed out, or failed midway with a 5xx):
 * it may or may not have been applied. Sending it again with the same id tells which.
 */
export class Unanswered extends Error {}

async function problemOf(response: Response): Promise<Refused> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  return new Refused(
    response.status,
    body.code ?? 'INTERNAL',
    body.message ?? `HTTP ${response.status}`,
  );
}

/** The service's sign-in mode, asked before anyone is signed in. */
export async function signInMode(base = ''): Promise<'dev' | 'entra'> {
  const response = await fetch(`${base}/api/config`);
  if (!response.ok) throw await problemOf(response);
  return ((await response.json()) as { authMode: 'dev' | 'entra' }).authMode;
}

export function createApi(options: ApiOptions) {
  const base = options.base ?? '';

  async function call(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<Response> {
    const send = async (fresh: boolean) =>
      fetch(`${base}${path}`, {
        method,
        ...(signal ? { signal } : {}),
        headers: {
          authorization: `Bearer ${await options.token({ fresh })}`,
          'accept-language': options.language,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    let response = await send(false);
    // A token may expire between two calls: one retry with a fresh one.
    if (response.status === 401) response = await send(true);
    const date = response.headers.get('date');
    if (date) options.onServerDate?.(date);
    return response;
  }

  async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await call(method, path, body);
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  }

  /** A PDF, under the file name the service gives it (else `fallback`). */
  async function pdfAt(path: string, fallback: string): Promise<{ pdf: Blob; fileName: string }> {
    const response = await call('GET', path);
    if (!response.ok) throw await problemOf(response);
    const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
    return { pdf: await response.blob(), fileName: named?.[1] ?? fallback };
  }

  return {
    language: options.language,
    token: options.token,
    meetings: () => json<{ meetings: MeetingSummary[] }>('GET', '/api/meetings'),
    meeting: (meetingId: string) =>
      json<Snapshot>('GET', `/api/meetings/${encodeURIComponent(meetingId)}`),
    createMeeting: (body: { setup: MeetingSetupInput } | { council: CouncilFile }) =>
      json<{ meetingId: string; version: number }>('POST', '/api/meetings', {
        commandId: newCommandId(),
        ...body,
      }),
    /**
     * Sends one command; a refusal is an answer, not an exception. No answer throws `Unanswered`:
     * sent again with the same `commandId`, the command is never applied twice, and the service
     * answers a command it applied already as it did the first time.
     */
    async command(
      meetingId: string,
      command: WireCommand,
      commandId = newCommandId(),
    ): Promise<Outcome> {
      let response: Response;
      try {
        response = await call(
          'POST',
          `/api/meetings/${encodeURIComponent(meetingId)}/commands`,
          { commandId, command },
          AbortSignal.timeout(COMMAND_TIMEOUT_MS),
        );
      } catch (error) {
        throw new Unanswered(String(error));
      }
      if (response.status >= 500) throw new Unanswered(`HTTP ${String(response.status)}`);
      if (response.ok) {
        const { version, tracker } = (await response.json()) as {
          version: number;
          tracker?: string;
        };
        return { ok: true, version, ...(tracker ? { tracker } : {}) };
      }
      const refused = await problemOf(response);
      return { ok: false, code: refused.code, message: refused.message };
    },
    /**
     * The minutes as this reader may have them (a draft while the meeting runs, then final), with
     * the file name the service gives them, the one the bot's file card carries too.
     */
    minutesPdf: (meetingId: string) =>
      pdfAt(`/api/meetings/${encodeURIComponent(meetingId)}/minutes.pdf`, 'minutes.pdf'),
    board: (meetingId: string, voteId: string) =>
      json<VoteBoard>(
        'GET',
        `/api/meetings/${encodeURIComponent(meetingId)}/votes/${encodeURIComponent(voteId)}/board`,
      ),
    /** The final minutes the director may submit, the submission and each signatory's approval. */
    async minutesSigning(meetingId: string): Promise<MinutesSigningState> {
      const response = await call(
        'GET',
        `/api/meetings/${encodeURIComponent(meetingId)}/minutes/signing`,
      );
      if (!response.ok) throw await problemOf(response);
      return (await response.json()) as MinutesSigningState;
    },
    /** The minutes submitted for signature, or sealed once every signatory approved. */
    signedMinutesPdf: (meetingId: string, which: 'submitted' | 'sealed') =>
      pdfAt(
        `/api/meetings/${encodeURIComponent(meetingId)}/minutes/${which}.pdf`,
        `minutes-${which}.pdf`,
      ),
    /** The sealed minutes an approval item names (issue 16 item 7), as the reader's token allows. */
    previousMinutesPdf: (meetingId: string, itemId: string) =>
      pdfAt(previousMinutesPath(meetingId, itemId), 'minutes-sealed.pdf'),
    streamUrl: (meetingId: string) =>
      `${base}/api/meetings/${encodeURIComponent(meetingId)}/stream`,
  };
}

export type Api = ReturnType<typeof createApi>;

/** What GET …/minutes/signing answers (bot/src/http/signing.ts). */
export interface MinutesSigningState {
  readonly final: { readonly seq: number; readonly pdf: string; readonly lastEvent: string } | null;
}
