import type { Meeting } from '../../shared/src';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type RunningService,
} from './support/service';

let running: RunningService;
let council: DemoMeeting;

beforeAll(async () => {
  running = await startService();
  council = await openDemoMeeting(running);
});
afterAll(() => running.close());

const versionOf = async () =>
  (await council.chair.get(`/api/meetings/${council.meetingId}`)).body.version;
const raw = async (body: string, headers: Record<string, string> = {}) => {
  const token = await running.tokenFor(demo.members[1]?.aadObjectId ?? '');
  return fetch(`${running.url}/api/meetings/${council.meetingId}/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body,
  });
};

describe('sign-in over HTTP', () => {
  test('a request without a valid token is refused with 401 and a code', async () => {
    const none = await fetch(`${running.url}/api/meetings/${council.meetingId}`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const forged = await fetch(`${running.url}/api/meetings`, {
      headers: { authorization: 'Bearer a.b.c' },
    });
    expect(forged.status).toBe(401);
  });

  test("a member of another tenant cannot read or change this tenant's meeting", async () => {
    const stranger = personOf(running, demo.members[0]?.aadObjectId ?? '', 'another-tenant');
    expect((await stranger.get(`/api/meetings/${council.meetingId}`)).status).toBe(404);
    expect((await stranger.command(council.meetingId, { type: 'NextItem' })).status).toBe(404);
    expect((await stranger.get('/api/meetings')).body).toEqual({ meetings: [] });
  });

  test('the refusal message is in the caller’s language', async () => {
    const reply = await council.observer.command(
      council.meetingId,
      { type: 'NextItem' },
      nextCommandId(),
      {
        'accept-language': 'nl-BE,nl;q=0.9',
      },
    );
    expect(reply).toMatchObject({
      status: 403,
      body: { code: 'NOT_AUTHORIZED', message: expect.stringContaining('rol') as string },
    });
  });
});

describe('bad input gets a 4xx with a code and changes nothing', () => {
  test.each([
    ['malformed JSON', '{"commandId": "x", "command": {'],
    [
      'a wrong type',
      JSON.stringify({
        commandId: 'x1',
        command: { type: 'MoveRequest', requestId: 'r', position: 'first' },
      }),
    ],
    [
      'an unknown command',
      JSON.stringify({ commandId: 'x2', command: { type: 'DissolveCouncil' } }),
    ],
    [
      'an extra field',
      JSON.stringify({ commandId: 'x3', command: { type: 'CheckIn', admin: true } }),
    ],
    ['no command id', JSON.stringify({ command: { type: 'CheckOut' } })],
    ['a body that is not an object', '42'],
  ])('%s', async (_case, body) => {
    const before = await versionOf();
    const reply = await raw(body);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(await reply.json()).toMatchObject({
      code: expect.any(String) as string,
      message: expect.any(String) as string,
    });
    expect(await versionOf()).toBe(before);
  });

  test('a body over the size limit is refused with 413', async () => {
    const before = await versionOf();
    const huge = JSON.stringify({
      commandId: 'big',
      command: { type: 'ProposeMotion', text: 'x'.repeat(2_000_000) },
    });
    const reply = await raw(huge);
    expect(reply.status).toBe(413);
    expect(await reply.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(await versionOf()).toBe(before);
  });

  test('a motion whose text holds a NUL character, which no database stores, is a 400 (found by fuzzing)', async () => {
    const before = await versionOf();
    const reply = await raw(
      JSON.stringify({ commandId: 'nul', command: { type: 'ProposeMotion', text: 'a\u0000b' } }),
    );
    expect(reply.status).toBe(400);
    expect(await reply.json()).toMatchObject({ code: 'INVALID_COMMAND' });
    expect(await versionOf()).toBe(before);
  });

  test('a compressed body is refused with 400, and the service stays up (found by fuzzing)', async () => {
    const before = await versionOf();
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const reply = await raw(JSON.stringify({ commandId: 'gz', command: { type: 'CheckIn' } }), {
        'content-encoding': encoding,
      });
      expect(reply.status).toBe(400);
      expect(await reply.json()).toMatchObject({ code: 'INVALID_COMMAND' });
    }
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(await versionOf()).toBe(before);
  });

  test('a meeting id with a NUL character names no meeting: 404 (found by fuzzing)', async () => {
    const reply = await council.chair.command('%00', { type: 'NextItem' });
    expect(reply).toMatchObject({ status: 404, body: { code: 'MEETING_NOT_FOUND' } });
    expect((await council.chair.get('/api/meetings/%00')).status).toBe(404);
  });

  test('an unknown route answers 404 with a code', async () => {
    const reply = await fetch(`${running.url}/api/nothing-here`);
    expect(reply.status).toBe(404);
    expect(await reply.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('nothing acknowledged is lost, nothing is applied twice', () => {
  test('50 concurrent retries of one command id are applied once', async () => {
    const member = council.members[2];
    if (!member) throw new Error('no member');
    const commandId = nextCommandId();
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        member.command(
          council.meetingId,
          { type: 'RequestFloor', kind: 'contribution' },
          commandId,
        ),
      ),
    );
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(replies.map((r) => r.body.version)).size).toBe(1);
    const meeting = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body
      .meeting as Meeting;
    const requests = meeting.queues['item-1']?.requests.filter((r) => r.member === member.id);
    expect(requests).toHaveLength(1);
  });

  test('200 concurrent secret ballots on one vote are all counted once', async () => {
    const running200 = await startService();
    try {
      const secretAnywhere = { ...demo, rulesOverrides: { secretOtherwise: true } };
      const big = await openDemoMeeting(running200, 49, secretAnywhere, { tellers: {} });
      const open = await big.chair.command(big.meetingId, { type: 'OpenVote', secret: true });
      expect(open.status).toBe(200);
      const meeting = (await big.chair.get(`/api/meetings/${big.meetingId}`)).body
        .meeting as Meeting;
      const voteId = meeting.openVoteId ?? '';
      // 49 members each press 4 times at once (double clicks and Teams retries): 196 requests, plus 4 from the chair.
      const presses = [
        ...big.members,
        ...big.members,
        ...big.members,
        ...big.members,
        big.chair,
        big.chair,
        big.chair,
        big.chair,
      ];
      const replies = await Promise.all(
        presses.map((m, i) =>
          m.command(big.meetingId, {
            type: 'CastBallot',
            voteId,
            choice: i % 3 === 0 ? 'no' : 'yes',
          }),
        ),
      );
      expect(replies).toHaveLength(200);
      expect(replies.filter((r) => r.status === 200)).toHaveLength(49);
      // A press while the member's first ballot is still being sealed is refused for a moment
      // (429, retry): told 409 then, the member would take a first ballot that fails for counted.
      // Once all 49 have voted the vote closes itself: a late press finds it closed.
      const refused =
        (codes: readonly string[]) => (r: { status: number; body: { code?: unknown } }) =>
          r.status === 409 && codes.includes(String(r.body.code));
      const settled = refused(['ALREADY_VOTED', 'VOTE_NOT_OPEN']);
      expect(
        replies
          .filter((r) => r.status !== 200)
          .every((r) => settled(r) || (r.status === 429 && r.body.code === 'RATE_LIMITED')),
      ).toBe(true);
      const retried = await Promise.all(
        presses.flatMap((m, i) =>
          replies[i]?.status === 429
            ? [m.command(big.meetingId, { type: 'CastBallot', voteId, choice: 'no' })]
            : [],
        ),
      );
      expect(retried.every(settled)).toBe(true);
      await big.tellers?.counted(voteId);
      const view = (await big.director.get(`/api/meetings/${big.meetingId}`)).body
        .meeting as Meeting;
      const vote = view.votes[voteId];
      expect(vote?.participants).toHaveLength(49);
      const tally = vote?.result?.tally ?? {};
      expect(Object.values(tally).reduce((a, b) => a + b, 0)).toBe(49);
    } finally {
      await running200.close();
    }
  });
});
