import { databases, overHttp } from './support/over-http';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type RunningService,
} from './support/service';

/** The demo council cut to 9 members in office, all present. */
const nineMembers = { ...demo, members: demo.members.slice(0, 9) };

describe.each(databases)(
  'public votes and qualified majorities, over HTTP on %s',
  (_name, databaseUrl) => {
    let running: RunningService;
    let sitting: DemoMeeting;

    beforeAll(async () => {
      running = await startService(databaseUrl);
    });
    afterAll(() => running.close());

    const { ok, read } = overHttp(() => sitting.meetingId);

    test('Wallonia CDLD L1122-27: a secret ballot on a general subject is refused with 409, and nothing changes', async () => {
      sitting = await openDemoMeeting(running, 9, nineMembers);
      const before = await read(sitting.chair);
      const refused = await sitting.chair.command(sitting.meetingId, {
        type: 'OpenVote',
        secret: true,
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('SECRET_VOTE_NOT_ALLOWED');
      expect(String(refused.body.message)).toMatch(/séance publique|in public/);
      const after = await read(sitting.chair);
      expect(after.version).toBe(before.version);
      expect(after.meeting.openVoteId).toBeNull();
    });

    test('Wallonia CDLD L1122-27: a council file announcing a secret ballot on a general item is refused with 400', async () => {
      const director = personOf(running, demo.director.aadObjectId);
      const agenda = demo.agenda.map((item) =>
        item.n === 1 ? { ...item, expectedVote: 'secret' } : item,
      );
      const created = await director.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: { ...demo, agenda },
      });
      expect(created.status).toBe(400);
      expect(created.body.code).toBe('SECRET_ITEM_NOT_ALLOWED');
    });

    test('a base the rules do not list is refused with 400; a base that is no base, with INVALID_COMMAND', async () => {
      const votesCastOnly = {
        ...nineMembers,
        rulesOverrides: { thresholdBases: ['votesCast' as const] },
      };
      sitting = await openDemoMeeting(running, 9, votesCastOnly);
      const unlisted = await sitting.chair.command(sitting.meetingId, {
        type: 'OpenVote',
        threshold: '2/3',
        base: 'membersPresent',
      });
      expect(unlisted.status).toBe(400);
      expect(unlisted.body.code).toBe('THRESHOLD_BASE_NOT_ALLOWED');
      const unknown = await sitting.chair.command(sitting.meetingId, {
        type: 'OpenVote',
        base: 'membersAwake',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('INVALID_COMMAND');
      expect((await read(sitting.chair)).meeting.openVoteId).toBeNull();
    });

    test('two thirds of the members present: the result states its base, the votes needed and those present', async () => {
      sitting = await openDemoMeeting(running, 9, nineMembers);
      const { chair, director, members } = sitting;
      await ok(chair, { type: 'OpenVote', threshold: '2/3', base: 'membersPresent' });
      const voteId = (await read(chair)).meeting.openVoteId ?? '';
      // 5 yes, 1 no, 3 abstain: 5 of 6 votes cast, but 6 of the 9 present are needed.
      for (const [i, member] of members.slice(0, 9).entries()) {
        await ok(member, {
          type: 'CastBallot',
          voteId,
          choice: i < 5 ? 'yes' : i < 6 ? 'no' : 'abstain',
        });
      }
      await ok(director, { type: 'PublishResult', voteId });
      const vote = (await read(chair)).meeting.votes[voteId];
      expect(vote?.base).toBe('membersPresent');
      expect(vote?.presentAtClose).toBe(9);
      expect(vote?.result).toMatchObject({
        outcome: { kind: 'rejected' },
        votesCast: 6,
        base: 'membersPresent',
        baseCount: 9,
        needed: 6,
        rule: { threshold: '2/3' },
      });
      expect(vote?.result?.rule.basis.map((b) => b.rule)).toContain('thresholdBases');
    });
  },
);
