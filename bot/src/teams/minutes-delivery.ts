import { directorsOf, type Language } from '@council/shared';
import type {
  Activity,
  ConversationReference,
  FileConsentCardResponse,
  TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../log';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import type { Clerk, MinutesFile } from '../minutes';
import { localeOf, memberOf, tenantOf } from './activity';
import { textsFor, type Texts } from './i18n';
import { escapeMarkdown } from './markdown';
import type { BotMemory } from './memory';
import type { Messenger } from './messenger';
import { personalChat } from './personal-chat';
import { readerOf, titleOf } from './views';

type Reference = Partial<ConversationReference>;

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

export interface MinutesDeskDeps {
  readonly clerk: Clerk;
  readonly meetings: MeetingService;
  readonly log: Logger;
  readonly memory: BotMemory;
  readonly messenger: Messenger;
  /** Where the bot may PUT a file: OneDrive's upload session in Teams, loopback in local mode. */
  readonly mayUploadTo: (url: URL) => boolean;
}

/**
 * What a file consent card carries back to the bot: which minutes (the meeting and the event they
 * stop at), never who may have them. The reader's role is checked again when they accept.
 */
const consentContextSchema = z.object({
  meetingId: z.string().min(1).max(100),
  seq: z.number().int().positive(),
});

type ConsentContext = z.infer<typeof consentContextSchema>;

const uploadInfoSchema = z.looseObject({
  name: z.string().min(1).max(400),
  uploadUrl: z.url(),
  contentUrl: z.url(),
  uniqueId: z.string().min(1).max(400),
  fileType: z.string().max(20).optional(),
});

/** A bot must answer an invoke within about 10 s: the upload may not take longer than this. */
const UPLOAD_TIMEOUT_MS = 8_000;

/**
 * The minutes, to the general director in their 1:1 chat with the bot, as Teams has bots send
 * files: a file consent card; once accepted, the PDF PUT to the upload session Teams opened in the
 * director's OneDrive, then a file card. The director's copy, as the clerk draws it: final once
 * the meeting is closed, a draft while it runs.
 */
export function createMinutesDesk(deps: MinutesDeskDeps) {
  const { clerk, meetings, log, memory, messenger } = deps;

  function consentCard(loaded: LoadedMeeting, minutes: MinutesFile, t: Texts): Partial<Activity> {
    const context: ConsentContext = { meetingId: loaded.record.id, seq: minutes.seq };
    const title = titleOf(loaded);
    return {
      type: 'message',
      text: t(minutes.final ? 'minutes.finalOffer' : 'minutes.draftOffer', {
        title: escapeMarkdown(title),
      }),
      attachments: [
        {
          contentType: FILE_CONSENT,
          name: minutes.fileName,
          content: {
            description: t(
              minutes.final ? 'minutes.finalDescription' : 'minutes.draftDescription',
              {
                title,
                seq: minutes.seq,
              },
            ),
            sizeInBytes: minutes.pdf.length,
            acceptContext: context,
            declineContext: context,
          },
        },
      ],
    };
  }

  /** The director's copy as the meeting stands now, on a consent card; none if there is no log. */
  async function offerOf(loaded: LoadedMeeting, director: string, language: Language) {
    const minutes = await clerk.minutesFor(loaded.record.id, director, loaded.version);
    return minutes ? consentCard(loaded, minutes, textsFor(language)) : undefined;
  }

  /** Sends the offer to the director's 1:1 chat, opened from `from` when there is none yet. */
  async function offer(
    loaded: LoadedMeeting,
    from: Reference,
    director: string,
    language: Language,
  ): Promise<void> {
    const card = await offerOf(loaded, director, language);
    if (!card) return;
    const personal = await personalChat(memory, messenger, loaded.record.tenantId, from, director);
    await messenger.send(personal.chat, card);
  }

  /** The meeting is closed: each director receives the final minutes, once across instances. */
  async function toDirectors(loaded: LoadedMeeting, meetingChat: Reference): Promise<void> {
    if (loaded.state.status === 'none') return;
    const { setup } = loaded.state;
    for (const member of directorsOf(setup.roster)) {
      if (!(await memory.once(`minutes:${loaded.record.id}:${loaded.version}:${member.id}`))) {
        continue;
      }
      try {
        await offer(loaded, meetingChat, member.id, setup.language);
      } catch (error) {
        log.warn(
          { err: error, meetingId: loaded.record.id },
          'the final minutes could not be offered to the director: they wait in the tab',
        );
      }
    }
  }

  /** The meeting, if it is of this tenant and the member is its director: none otherwise. */
  async function directed(meetingId: string, tenantId: string, member: string) {
    const loaded = await meetings.load(meetingId);
    if (!loaded || loaded.state.status === 'none' || loaded.record.tenantId !== tenantId) {
      return undefined;
    }
    return readerOf(loaded.state, member) === 'director' ? loaded : undefined;
  }

  /** The meeting a consent card names, if the person accepting it is its director. */
  async function meetingOfDirector(context: unknown, tenantId: string, member: string) {
    const named = consentContextSchema.safeParse(context);
    if (!named.success) return undefined;
    const loaded = await directed(named.data.meetingId, tenantId, member);
    if (!loaded || named.data.seq > loaded.version) return undefined;
    return { loaded, seq: named.data.seq };
  }

  async function upload(url: string, pdf: Buffer): Promise<boolean> {
    // One fragment holds the whole file: OneDrive's upload sessions take up to 60 MiB at once.
    const response = await fetch(url, {
      method: 'PUT',
      headers: {
        'content-type': 'application/pdf',
        'content-range': `bytes 0-${pdf.length - 1}/${pdf.length}`,
      },
      body: new Uint8Array(pdf),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok;
  }

  async function say(context: TurnContext, text: string): Promise<void> {
    await context.sendActivity({ type: 'message', text });
  }

  /** The director accepted: the PDF goes to their OneDrive, and a file card into the chat. */
  async function accepted(context: TurnContext, answer: FileConsentCardResponse): Promise<void> {
    const { activity } = context;
    const t = textsFor(localeOf(activity));
    const tenantId = tenantOf(activity);
    const member = memberOf(activity);
    const found =
      tenantId && member ? await meetingOfDirector(answer.context, tenantId, member) : undefined;
    if (!found || !member) return say(context, t('minutes.notDirector'));
    const info = uploadInfoSchema.safeParse(answer.uploadInfo);
    if (!info.success || !deps.mayUploadTo(new URL(info.data.uploadUrl))) {
      log.warn({ meetingId: found.loaded.record.id }, 'a file consent without a usable upload URL');
      return say(context, t('minutes.uploadFailed'));
    }
    const meetingId = found.loaded.record.id;
    const minutes = await clerk.minutesFor(meetingId, member, found.seq);
    if (!minutes) return say(context, t('minutes.notDirector'));
    const uploaded = await upload(info.data.uploadUrl, minutes.pdf).catch((error: unknown) => {
      log.warn({ err: error, meetingId }, 'the minutes could not be uploaded');
      return false;
    });
    if (!uploaded) return say(context, t('minutes.uploadFailed'));
    log.info({ meetingId, seq: minutes.seq, final: minutes.final }, 'minutes sent to the director');
    await context.sendActivity({
      type: 'message',
      attachments: [
        {
          contentType: FILE_INFO,
          contentUrl: info.data.contentUrl,
          name: info.data.name,
          content: { uniqueId: info.data.uniqueId, fileType: info.data.fileType ?? 'pdf' },
        },
      ],
    });
  }

  return {
    directed,
    toDirectors,
    offer,
    offerOf,
    accepted,
    async declined(context: TurnContext): Promise<void> {
      await say(context, textsFor(localeOf(context.activity))('minutes.declined'));
    },
  };
}

export type MinutesDesk = ReturnType<typeof createMinutesDesk>;
