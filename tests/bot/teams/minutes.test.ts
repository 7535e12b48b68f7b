import type { Call } from '../support/connector';
import { pdfText } from '../support/pdf';
import { demo, nextCommandId, personOf } from '../support/service';
import { chatOf, type Chat, type ChatPerson } from '../support/teams';
import { BOT_START_MS, MEETING_CHAT, startBot, type RunningBot } from './bot';

/**
 * The minutes to the general director, as a Teams bot sends a file in a 1:1 chat: a file consent
 * card, the director's accept invoke with an upload session, the PDF PUT there, a file card.
 */

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

interface Attachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content: Record<string, unknown>;
}

const attachmentOf = (call: Call, contentType: string): Attachment | undefined =>
  (call.body.attachments as Attachment[] | undefined)?.find((a) => a.contentType === contentType);

// Rendering the PDF and poppler's tools run in child processes: slow on a busy machine.
jest.setTimeout(90_000);

describe('the minutes to the general director in the 1:1 chat', () => {
  let bot: RunningBot;
  let personal: Chat;
  let personalId: string;

  const sentSince = (before: number, contentType: string) =>
    bot.connector.calls
      .slice(before)
      .filter((c) => (c.kind === 'send' || c.kind === 'reply') && attachmentOf(c, contentType));

  async function consentCardSince(before: number) {
    const call = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= before && attachmentOf(c, FILE_CONSENT) !== undefined,
    );
    return { call, card: attachmentOf(call, FILE_CONSENT) as Attachment };
  }

  /** What the bot said in text in a conversation since `before`. */
  const saidSince = (before: number, conversationId: string) =>
    bot.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === conversationId && typeof c.body.text === 'string')
      .map((c) => String(c.body.text));

  async function say(chat: Chat, person: ChatPerson, text: string, locale?: string) {
    const before = bot.connector.calls.length;
    const answer = await bot.send(chat.message(person, text, locale));
    expect(answer.status).toBe(200);
    return before;
  }

  let uploads = 0;
  const uploadInfo = (name: string) => {
    const id = `upload-${++uploads}`;
    return {
      name,
      uploadUrl: bot.connector.uploadUrl(id),
      contentUrl: `https://contoso-my.sharepoint.com/personal/director/Documents/Applications/${name}`,
      uniqueId: id,
      fileType: 'pdf',
    };
  };

  async function accept(person: ChatPerson, context: unknown, name = 'minutes.pdf') {
    const before = bot.connector.calls.length;
    const uploadsBefore = bot.connector.uploads.length;
    const info = uploadInfo(name);
    const answer = await bot.send(personal.fileConsent(person, 'accept', context, info));
    return {
      answer,
      info,
      before,
      said: saidSince(before, personalId),
      upload: bot.connector.uploads.slice(uploadsBefore).find((u) => u.name === info.uniqueId),
    };
  }

  const lastEvent = async () => ({
    seq: (await bot.running.service.meetings.load(bot.meetingId))?.version ?? 0,
  });

  /** The director's copy as the tab downloads it. */
  async function downloaded(): Promise<Buffer> {
    const token = await bot.running.tokenFor(bot.director.aadObjectId);
    const response = await fetch(`${bot.running.url}/api/meetings/${bot.meetingId}/minutes.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  beforeAll(async () => {
    bot = await startBot();
    await say(bot.chat, bot.director, `link ${bot.meetingId}`);
    const opened = await say(bot.chat, bot.chair, 'open');
    // Opening refreshes the welcome card a moment later: let it land before the tests count calls.
    await bot.connector.waitFor(
      (c) => bot.connector.calls.indexOf(c) >= opened && c.kind === 'update',
    );
  }, BOT_START_MS);
  afterAll(() => bot.close());

  test.each([
    ['fr-BE', 'aide', '**pv**'],
    ['nl-BE', 'hulp', '**notulen**'],
    ['de-BE', 'hilfe', '**protokoll**'],
    ['en-GB', 'help', '**minutes**'],
  ])(
    'in %s, "%s" lists the command %s to the director, and not to a councillor',
    async (locale, word, listed) => {
      const before = await say(bot.chat, bot.director, word, locale);
      const [help] = saidSince(before, MEETING_CHAT);
      expect(help).toContain(listed);
      const asked = await say(bot.chat, bot.members[2] as ChatPerson, word, locale);
      const [councillors] = saidSince(asked, MEETING_CHAT);
      expect(councillors).not.toContain(listed);
    },
  );

  test('a councillor who asks for the minutes in the meeting chat is refused in their language, and nothing is offered', async () => {
    const councillor = bot.members[3] as ChatPerson;
    const before = await say(bot.chat, councillor, 'notulen', 'nl-BE');
    // Only what the bot said: a card the chair's `open` posted may land here on a busy machine.
    expect(saidSince(before, MEETING_CHAT)).toEqual([
      'Alleen de algemeen directeur van een zitting krijgt de notulen van mij. De anderen vinden ze in het tabblad van de zitting.',
    ]);
    await say(bot.chat, councillor, 'procès-verbal', 'fr-BE');
    expect(sentSince(before, FILE_CONSENT)).toEqual([]);
  });

  test('the director asks in the meeting chat: nothing is said in the group; the draft is offered in their 1:1 chat and arrives in their OneDrive', async () => {
    const before = await say(bot.chat, bot.director, 'pv', 'fr-BE');
    const { call, card } = await consentCardSince(before);
    expect(call.conversationId).not.toBe(MEETING_CHAT);
    // Said: a new message or reply. A refresh of a card already in the chat says nothing new.
    const inGroup = bot.connector.calls
      .slice(before)
      .filter(
        (c) => c.conversationId === MEETING_CHAT && (c.kind === 'send' || c.kind === 'reply'),
      );
    expect(inGroup).toEqual([]);
    personalId = call.conversationId;
    personal = chatOf({
      serviceUrl: bot.connector.url,
      conversationId: personalId,
      tenantId: demo.tenantId,
      conversationType: 'personal',
    });
    expect(card.name).toBe('proces-verbal-ville-de-meuse-sur-ourthe-2026-11-23-draft.pdf');
    const { seq } = await lastEvent();
    expect(card.content).toMatchObject({
      acceptContext: { meetingId: bot.meetingId, seq },
      declineContext: { meetingId: bot.meetingId, seq },
    });
    expect(String(card.content.description)).toContain('Projet de procès-verbal');

    const accepted = await accept(bot.director, card.content.acceptContext, card.name);
    expect(accepted.answer.status).toBe(200);
    expect(accepted.upload?.bytes.length).toBe(card.content.sizeInBytes);
    const text = await pdfText(accepted.upload?.bytes ?? Buffer.alloc(0));
    expect(text).toContain('PROJET');
  });

  test('when the meeting closes, whoever closes it, the director receives the final minutes: accepted, the PDF is uploaded and a file card follows', async () => {
    const before = bot.connector.calls.length;
    const chair = personOf(bot.running, bot.chair.aadObjectId);
    const closed = await chair.command(bot.meetingId, { type: 'CloseMeeting' });
    expect(closed.status).toBe(200);
    const { call, card } = await consentCardSince(before);
    expect(call.conversationId).toBe(personalId);
    expect(card.name).toBe('proces-verbal-ville-de-meuse-sur-ourthe-2026-11-23.pdf');
    const last = await lastEvent();
    expect(card.content.acceptContext).toEqual({ meetingId: bot.meetingId, seq: last.seq });
    expect(String(call.body.text)).toContain('est levée');

    const accepted = await accept(bot.director, card.content.acceptContext, card.name);
    expect(accepted.answer.status).toBe(200);
    const bytes = accepted.upload?.bytes ?? Buffer.alloc(0);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBe(card.content.sizeInBytes);
    expect(accepted.upload?.contentRange).toBe(`bytes 0-${bytes.length - 1}/${bytes.length}`);
    const text = await pdfText(bytes);
    expect(text).toContain(demo.municipality.name);
    expect(text).toContain(`(n° ${last.seq})`);
    expect(text).toMatch(/^[0-9a-f]{64}$/m);
    expect(text).not.toContain('PROJET');
    expect(bytes.equals(await downloaded())).toBe(true);

    const [info] = sentSince(accepted.before, FILE_INFO);
    expect(info?.conversationId).toBe(personalId);
    expect(attachmentOf(info as Call, FILE_INFO)).toEqual({
      contentType: FILE_INFO,
      contentUrl: accepted.info.contentUrl,
      name: card.name,
      content: { uniqueId: accepted.info.uniqueId, fileType: 'pdf' },
    });
  });

  test('declining is answered politely, and nothing is uploaded', async () => {
    const before = bot.connector.calls.length;
    const uploadsBefore = bot.connector.uploads.length;
    const context = { meetingId: bot.meetingId, seq: (await lastEvent()).seq };
    const answer = await bot.send(personal.fileConsent(bot.director, 'decline', context));
    expect(answer.status).toBe(200);
    expect(saidSince(before, personalId)).toEqual([
      'Very well: I have not sent the minutes. Write “minutes” whenever you want them.',
    ]);
    expect(bot.connector.uploads.length).toBe(uploadsBefore);
  });

  describe('the accept context is never trusted', () => {
    let elsewhere: string;

    beforeAll(async () => {
      const director = personOf(bot.running, bot.director.aadObjectId, 'another-tenant');
      const created = await director.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: demo,
      });
      expect(created.status).toBe(201);
      elsewhere = created.body.meetingId as string;
    });

    test.each([
      ['a councillor with the real card’s context', 'councillor', 'real'],
      ['the observer with the real card’s context', 'observer', 'real'],
      ['the director, for a meeting of another organisation', 'director', 'elsewhere'],
      ['the director, for a meeting that does not exist', 'director', 'unknown'],
      ['the director, for a version of the log not written yet', 'director', 'future'],
      ['the director, with a context that is not ours', 'director', 'garbage'],
    ] as const)('%s: refused, nothing uploaded', async (_name, who, forged) => {
      const person = {
        councillor: bot.members[5] as ChatPerson,
        observer: bot.observer,
        director: bot.director,
      }[who];
      const { seq } = await lastEvent();
      const context = {
        real: { meetingId: bot.meetingId, seq },
        elsewhere: { meetingId: elsewhere, seq: 1 },
        unknown: { meetingId: 'no-such-meeting', seq: 1 },
        future: { meetingId: bot.meetingId, seq: seq + 1 },
        garbage: { meetingId: bot.meetingId, seq: 'all' },
      }[forged];
      const accepted = await accept(person, context);
      expect(accepted.answer.status).toBe(200);
      expect(accepted.upload).toBeUndefined();
      expect(accepted.said).toEqual([
        'Only the general director of a meeting receives its minutes from me. Everyone else finds them in the meeting’s tab.',
      ]);
      expect(sentSince(accepted.before, FILE_INFO)).toEqual([]);
    });

    test('in local mode, an upload URL off this machine is not used', async () => {
      const { seq } = await lastEvent();
      const before = bot.connector.calls.length;
      const answer = await bot.send(
        personal.fileConsent(
          bot.director,
          'accept',
          { meetingId: bot.meetingId, seq },
          { ...uploadInfo('minutes.pdf'), uploadUrl: 'https://example.org/upload' },
        ),
      );
      expect(answer.status).toBe(200);
      expect(saidSince(before, personalId)).toEqual([
        'I could not place the minutes in your OneDrive; nothing was sent. Write “minutes” to try again.',
      ]);
    });
  });

  test('in the 1:1 chat, the director may ask at any time and gets the consent card there; a councillor is refused', async () => {
    const before = await say(personal, bot.director, 'protokoll', 'de-BE');
    const { call, card } = await consentCardSince(before);
    expect(call.conversationId).toBe(personalId);
    expect(card.name).toBe('proces-verbal-ville-de-meuse-sur-ourthe-2026-11-23.pdf');
    expect(String(card.content.description)).toContain('Endgültiges Protokoll');

    const councillorChat = chatOf({
      serviceUrl: bot.connector.url,
      conversationId: 'personal-councillor',
      tenantId: demo.tenantId,
      conversationType: 'personal',
    });
    const refused = await say(councillorChat, bot.members[6] as ChatPerson, 'minutes');
    expect(saidSince(refused, 'personal-councillor')).toEqual([
      'Only the general director of a meeting receives its minutes from me. Everyone else finds them in the meeting’s tab.',
    ]);
    expect(sentSince(refused, FILE_CONSENT)).toEqual([]);
  });

  test('with next month’s meeting convened already, “minutes” still means the meeting that sat; the other is had by its id', async () => {
    const director = personOf(bot.running, bot.director.aadObjectId);
    const created = await director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: {
        ...demo,
        meeting: { ...demo.meeting, scheduledStart: '2026-12-21T19:30:00+01:00' },
      },
    });
    expect(created.status).toBe(201);
    const next = created.body.meetingId as string;
    expect(
      (
        await director.command(next, {
          type: 'ConveneMeeting',
          place: 'Council chamber',
          reason: 'Chamber under renovation',
        })
      ).status,
    ).toBe(200);

    const before = await say(personal, bot.director, 'minutes');
    const { card } = await consentCardSince(before);
    expect(card.name).toBe('proces-verbal-ville-de-meuse-sur-ourthe-2026-11-23.pdf');

    const named = await say(personal, bot.director, `minutes ${next}`);
    const offered = await consentCardSince(named);
    expect(offered.card.name).toContain('2026-12-21');
    expect(offered.card.content.acceptContext).toMatchObject({ meetingId: next });
  });
});
