import type { Meeting } from '../../shared/src';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { bodyText, pdfText } from './support/pdf';
import { demo, personOf, startService, type Person, type RunningService } from './support/service';

const footer = /^(Empreinte SHA-256|Page \d+ sur \d+)/;

// Rendering and poppler's tools run in child processes: slow on a busy machine.
jest.setTimeout(90_000);

describe('the minutes over HTTP', () => {
  let running: RunningService;
  let council: DemoMeeting;

  async function download(person: Person, meetingId = council.meetingId) {
    const token = await running.tokenFor(person.id);
    const response = await fetch(`${running.url}/api/meetings/${meetingId}/minutes.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const all = response.ok ? await pdfText(bytes) : bytes.toString();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      bytes,
      text: response.ok ? bodyText(all, footer) : all,
      /** Every word, page footers included, on one line. */
      all: all.replace(/\s+/g, ' '),
    };
  }

  const ok = async (person: Person, command: unknown) => {
    const reply = await person.command(council.meetingId, command);
    expect({ command, reply }).toMatchObject({ reply: { status: 200 } });
  };

  beforeAll(async () => {
    running = await startService();
    council = await openDemoMeeting(running, 30, demo, { tellers: {} });
    const { chair, director, members } = council;
    for (let item = 2; item <= 8; item++) await ok(chair, { type: 'NextItem' });
    await ok(chair, { type: 'OpenVote' });
    const seen = (await chair.get(`/api/meetings/${council.meetingId}`)).body.meeting as Meeting;
    const vote = seen.votes[seen.openVoteId ?? ''];
    for (const [index, member] of members.slice(0, 30).entries()) {
      await ok(member, { type: 'CastBallot', voteId: vote?.id, choice: vote?.choices[index % 2] });
    }
    await council.tellers?.counted(vote?.id ?? '');
    await ok(director, { type: 'PublishResult', voteId: vote?.id });
  }, 120_000);
  afterAll(() => running.close());

  test('the director downloads a draft while the meeting runs, closed session included', async () => {
    const minutes = await download(council.director);
    expect(minutes.status).toBe(200);
    expect(minutes.type).toBe('application/pdf');
    expect(minutes.disposition).toBe(
      'attachment; filename="proces-verbal-ville-de-meuse-sur-ourthe-2026-11-23-draft.pdf"',
    );
    expect(minutes.text).toContain('PROJET — Document provisoire établi pendant la séance');
    expect(minutes.text).toContain('Séance à huis clos');
    expect(minutes.text).toContain('Candidate X : 15 Candidate Y : 15');
  });

  test('a councillor’s copy has the closed session too, as the councillor attended it', async () => {
    const minutes = await download(council.members[5] as Person);
    expect(minutes.status).toBe(200);
    expect(minutes.text).toContain('Séance à huis clos');
  });

  test('an observer’s copy never holds a closed-session item', async () => {
    for (const reader of [council.observer, personOf(running, 'someone-of-the-public')]) {
      const minutes = await download(reader);
      expect(minutes.status).toBe(200);
      expect(minutes.text).toContain('Copie publique');
      expect(minutes.text).not.toContain('Séance à huis clos');
      expect(minutes.text).not.toContain('architecte');
      expect(minutes.text).not.toContain('Candidate X');
    }
  });

  test('an observer’s copy tells no number of event, and what happens in closed session leaves it as it was', async () => {
    const sealOfCopy = 'Empreinte SHA-256 du dernier événement repris dans cette copie :';
    const seq = async () =>
      Number(/du dernier événement \(n° (\d+)\)/.exec((await download(council.director)).all)?.[1]);
    const before = await download(council.observer);
    const directorBefore = await seq();
    expect(before.all).toContain(sealOfCopy);
    expect(before.all).not.toMatch(/n° \d/);

    for (const member of council.members.slice(1, 4)) {
      await ok(member, { type: 'RequestFloor', kind: 'contribution' });
    }

    const after = await download(council.observer);
    expect(after.all).toBe(before.all);
    expect(await seq()).toBe(directorBefore + 3);
  });

  test('without sign-in, for another tenant or an unknown meeting, there are no minutes', async () => {
    const anonymous = await fetch(`${running.url}/api/meetings/${council.meetingId}/minutes.pdf`);
    expect(anonymous.status).toBe(401);
    const stranger = personOf(running, demo.director.aadObjectId, 'another-tenant');
    const elsewhere = await stranger.get(`/api/meetings/${council.meetingId}/minutes.pdf`);
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'MEETING_NOT_FOUND' } });
    const unknown = await council.director.get('/api/meetings/no-such-meeting/minutes.pdf');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'MEETING_NOT_FOUND' } });
  });

  test('once the chair closes the meeting, the minutes are final', async () => {
    await ok(council.chair, { type: 'CloseMeeting' });
    const minutes = await download(council.director);
    expect(minutes.disposition).toBe(
      'attachment; filename="proces-verbal-ville-de-meuse-sur-ourthe-2026-11-23.pdf"',
    );
    expect(minutes.text).not.toContain('PROJET');
    expect(minutes.text).toMatch(/La séance est levée à \d\d:\d\d\./);
  });
});
