import { databases, overHttp } from './support/over-http';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { bodyText, pdfText } from './support/pdf';
import {
  demo,
  nextCommandId,
  startService,
  type Person,
  type RunningService,
} from './support/service';

const footer = /^(Empreinte SHA-256|Page \d+ sur \d+)/;

/** The demo council cut to 9 members, its budget item carrying a draft decision. */
const budgetWithDraft = {
  ...demo,
  members: demo.members.slice(0, 9),
  agenda: demo.agenda.map((item) =>
    item.n === 2
      ? {
          ...item,
          deliberation: {
            recitals: [
              'Vu le Code de la démocratie locale et de la décentralisation ;',
              'Considérant la nécessité d’adapter le budget ;',
            ],
            articles: ['Le budget est modifié.', 'La délibération est transmise à la tutelle.'],
          },
        }
      : item,
  ),
};

// Rendering and poppler's tools run in child processes: slow on a busy machine.
jest.setTimeout(120_000);

describe.each(databases)('minutes a secretariat signs, over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;

  beforeAll(async () => {
    running = await startService(databaseUrl);
    sitting = await openDemoMeeting(running, 9, budgetWithDraft);
  }, 120_000);
  afterAll(() => running.close());

  const { meeting, ok } = overHttp(() => sitting.meetingId);
  /** A named vote where every member present answers `choice`, published by the director. */
  const vote = async (choice: string, motionId?: string) => {
    await ok(sitting.chair, { type: 'OpenVote', ...(motionId ? { motionId } : {}) });
    const voteId = (await meeting(sitting.chair)).openVoteId ?? '';
    for (const member of sitting.members.slice(0, 9)) {
      await ok(member, { type: 'CastBallot', voteId, choice });
    }
    if ((await meeting(sitting.chair)).votes[voteId]?.status === 'open') {
      await ok(sitting.chair, { type: 'CloseVote', voteId });
    }
    await ok(sitting.director, { type: 'PublishResult', voteId });
  };
  const motionIds = async () => Object.keys((await meeting(sitting.chair)).motions);

  test('an amendment naming an article the draft decision lacks is refused with ARTICLE_NOT_FOUND, and changes nothing', async () => {
    await vote('yes');
    await ok(sitting.chair, { type: 'NextItem' });
    const [member] = sitting.members.slice(1);
    await ok(member as Person, { type: 'ProposeMotion', text: 'Adopter le projet' });
    const [motionId] = await motionIds();
    const before = await meeting(sitting.chair);
    const refused = await (sitting.members[2] as Person).command(sitting.meetingId, {
      type: 'ProposeAmendment',
      motionId,
      text: 'Article 7 nouveau',
      article: 7,
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'ARTICLE_NOT_FOUND' } });
    expect(await meeting(sitting.chair)).toEqual(before);
    const malformed = await (sitting.members[2] as Person).command(sitting.meetingId, {
      type: 'ProposeAmendment',
      motionId,
      text: 'Article zéro',
      article: 0,
    });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'INVALID_COMMAND' } });
  });

  test('the final minutes name offices, cite articles in French without a status mark, and give the deliberation as amended', async () => {
    const [motionId] = await motionIds();
    await ok(sitting.members[2] as Person, {
      type: 'ProposeAmendment',
      motionId,
      text: 'La délibération est transmise au Gouvernement wallon.',
      article: 2,
    });
    const amendmentId = (await motionIds()).find((id) => id !== motionId);
    await vote('yes', amendmentId);
    await vote('yes', motionId);
    await ok(sitting.chair, { type: 'CloseMeeting' });

    const token = await running.tokenFor(sitting.director.id);
    const response = await fetch(`${running.url}/api/meetings/${sitting.meetingId}/minutes.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const text = bodyText(await pdfText(Buffer.from(await response.arrayBuffer())), footer);
    for (const expected of [
      '9 présents : Mme Amélie Lambert, Bourgmestre ; Bruno Claes, Échevin ; Chloé Laurent, Échevine',
      'Assiste sans voix délibérative : Mme Hélène Vandersmissen, Directrice générale',
      'Décision : Le procès-verbal de la séance du 20 octobre 2026 est approuvé.',
      'Vu le Code de la démocratie locale et de la décentralisation ;',
      'DÉCIDE :',
      'Article 1er : Le budget est modifié.',
      'Article 2 : La délibération est transmise au Gouvernement wallon. (texte amendé en séance)',
      'Fondement : CDLD L1122-26',
      'Par le Conseil, Bourgmestre Mme Amélie Lambert Directrice générale Mme Hélène Vandersmissen',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/confirmé|lecture usuelle|unconfirmed| and /);
    expect(text).toContain('Motion de Bruno Claes — adoptée « Adopter le projet » Amendement');
  });

  test('a roster whose member holds an office the app does not know is refused, and no meeting is made', async () => {
    const council = {
      ...demo,
      members: demo.members.map((m, i) => (i === 1 ? { ...m, function: 'king' } : m)),
    };
    const reply = await sitting.director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toEqual(expect.any(String));
  });
});
