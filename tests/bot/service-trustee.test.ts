/**
 * The meeting service as one trustee of the sealed box (sealedBox.service), its share sealed by a
 * key file outside the database: with the director's and one teller's tabs it makes the ceremony,
 * gives its share of each count, and is never enough alone.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SYSTEM, waitingTrustees, type Meeting } from '../../shared/src';
import { keyVaultKeys } from '../../bot/src/meetings/trustee-keys';
import { openPglite } from '../../bot/src/store';
import { fakeKeyVault } from './support/key-vault';
import { openDemoMeeting } from './support/meeting';
import { databases } from './support/over-http';
import { demo, personOf, startService, type RunningService } from './support/service';
import { newKeyFile, serviceTrustee, type KeyFile } from './support/service-trustee';
import { trusteeTabs, type Tellers } from './support/tellers';
import { eventually, readMeeting, secretQuestion } from './support/secret-question';

const director = demo.director.aadObjectId;
const teller = demo.members[1]?.aadObjectId ?? '';

/** Two services one after the other on a new embedded database, each with its own start. */
const RESTART_MS = 120_000;

const keyFileEnv = (keyFile: string) => ({ SEALED_BOX_KEY_FILE: keyFile });

describe.each(databases)('the service as a trustee over HTTP on %s', (_name, databaseUrl) => {
  let key: KeyFile;

  beforeAll(async () => {
    key = await newKeyFile('service-trustee');
  });
  afterAll(() => key.remove());

  /** The service on this test's database: PGlite in `dataDir` when given, so it can be restarted. */
  const start = async (env: Readonly<Record<string, string>>, dataDir?: string) =>
    startService(databaseUrl, {
      env,
      ...(databaseUrl || !dataDir ? {} : { db: await openPglite(dataDir) }),
    });

  describe('with a key file', () => {
    let running: RunningService;
    beforeAll(async () => {
      running = await start(key.env);
    });
    afterAll(() => running.close());

    test('the director’s and one teller’s tabs and the service make the key ceremony', async () => {
      const sitting = await openDemoMeeting(running, 9, serviceTrustee, {
        tellers: { members: [teller] },
      });
      try {
        const ceremony = (await readMeeting(sitting)).tellers?.at(-1);
        expect(ceremony).toMatchObject({
          status: 'ready',
          threshold: 2,
          trustees: [
            { member: director, index: 1 },
            { member: teller, index: 2 },
            { member: SYSTEM, index: 3 },
          ],
        });
        expect([...(ceremony?.ready ?? [])].sort()).toEqual([director, teller, SYSTEM].sort());
        expect(sitting.tellers?.refusals).toEqual([]);
        // What the database keeps of the service's secret opens with the key file only.
        const [kept, ...more] = await running.db.query(
          'SELECT data_key, secret, share FROM service_trustee_keys WHERE meeting_id = $1',
          [sitting.meetingId],
        );
        expect(more).toEqual([]);
        for (const value of Object.values(kept ?? {})) {
          expect(String(value)).not.toMatch(/coefficients|boxSecret|[{"]/);
        }
      } finally {
        await sitting.tellers?.stop();
      }
    });

    test('a secret vote is counted from the service’s share and one human trustee’s', async () => {
      const sitting = await openDemoMeeting(running, 9, serviceTrustee, {
        tellers: { members: [teller], absent: [teller] },
      });
      try {
        const voteId = await secretQuestion(sitting);
        await sitting.tellers?.counted(voteId);
        const vote = (await readMeeting(sitting)).votes[voteId];
        expect(vote?.result?.tally).toEqual({ yes: 6, no: 3, abstain: 0 });
        expect(Object.keys(vote?.sealed?.decrypted ?? {}).sort()).toEqual(
          [director, SYSTEM].sort(),
        );
      } finally {
        await sitting.tellers?.stop();
      }
    });

    test('with both human trustees absent the service alone is not enough: the count waits and names them', async () => {
      const sitting = await openDemoMeeting(running, 9, serviceTrustee, {
        tellers: { members: [teller], absent: [director, teller] },
      });
      try {
        const voteId = await secretQuestion(sitting);
        const waiting = await eventually(
          sitting,
          (meeting) => meeting.votes[voteId]?.sealed?.decrypted[SYSTEM] !== undefined,
        );
        const vote = waiting.votes[voteId];
        expect(vote?.status).toBe('closed');
        expect(vote && waitingTrustees(waiting, vote)).toEqual([director, teller]);
        const early = await sitting.director.command(sitting.meetingId, {
          type: 'PublishResult',
          voteId,
        });
        expect(early.status).toBe(409);
        sitting.tellers?.arrive(teller);
        await sitting.tellers?.counted(voteId);
        expect((await readMeeting(sitting)).votes[voteId]?.result?.tally).toEqual({
          yes: 6,
          no: 3,
          abstain: 0,
        });
      } finally {
        await sitting.tellers?.stop();
      }
    });
  });

  /** A sitting whose box is ready and whose secret question is cast, on a service then stopped. */
  async function castThenStop(dataDir: string) {
    const first = await start(key.env, dataDir);
    const sitting = await openDemoMeeting(first, 9, serviceTrustee, {
      tellers: { members: [teller], absent: [teller] },
    });
    const tabs = sitting.tellers as Tellers;
    await tabs.stop();
    // The last ballot closes the vote: the service adds the ballots up and gives its share.
    const opened = await sitting.chair.command(sitting.meetingId, {
      type: 'OpenVote',
      secret: true,
    });
    expect(opened.status).toBe(200);
    const voteId = (await readMeeting(sitting)).openVoteId ?? '';
    for (const [i, member] of sitting.members.slice(0, 8).entries()) {
      const cast = { type: 'CastBallot', voteId, choice: i < 6 ? 'yes' : 'no' };
      expect((await member.command(sitting.meetingId, cast)).status).toBe(200);
    }
    await first.close();
    return { sitting, voteId, kept: tabs.kept };
  }

  test(
    'a service restarted on the same data and key file still gives its share',
    async () => {
      const dataDir = path.join(key.folder, 'restarted');
      const { sitting, voteId, kept } = await castThenStop(dataDir);
      const again = await start(key.env, dataDir);
      try {
        const member = demo.members[8]?.aadObjectId ?? '';
        const last = await personOf(again, member).command(sitting.meetingId, {
          type: 'CastBallot',
          voteId,
          choice: 'no',
        });
        expect(last.status).toBe(200);
        const tabs = await trusteeTabs(again, sitting.meetingId, [teller], {
          kept,
          absent: [teller],
        });
        try {
          await tabs.counted(voteId);
          const vote = (
            (await personOf(again, director).get(`/api/meetings/${sitting.meetingId}`)).body
              .meeting as Meeting
          ).votes[voteId];
          expect(vote?.result?.tally).toEqual({ yes: 6, no: 3, abstain: 0 });
          expect(Object.keys(vote?.sealed?.decrypted ?? {}).sort()).toEqual(
            [director, SYSTEM].sort(),
          );
        } finally {
          await tabs.stop();
        }
      } finally {
        await again.close();
      }
    },
    RESTART_MS,
  );

  test(
    'restarted with another key, the service gives no share and the count waits for the human trustees',
    async () => {
      const dataDir = path.join(key.folder, 'rekeyed');
      const { sitting, voteId, kept } = await castThenStop(dataDir);
      const otherKey = path.join(key.folder, 'other.key');
      await writeFile(otherKey, randomBytes(32).toString('base64'), { mode: 0o600 });
      const again = await start(keyFileEnv(otherKey), dataDir);
      try {
        const member = demo.members[8]?.aadObjectId ?? '';
        const last = await personOf(again, member).command(sitting.meetingId, {
          type: 'CastBallot',
          voteId,
          choice: 'no',
        });
        expect(last.status).toBe(200);
        const tabs = await trusteeTabs(again, sitting.meetingId, [teller], {
          kept,
          absent: [teller],
        });
        try {
          const directorOf = personOf(again, director);
          const meetingNow = async () =>
            (await directorOf.get(`/api/meetings/${sitting.meetingId}`)).body.meeting as Meeting;
          const until = Date.now() + 15_000;
          while (!(await meetingNow()).votes[voteId]?.sealed?.decrypted[director]) {
            if (Date.now() > until) throw new Error('the director’s share never came');
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
          const now = await meetingNow();
          const waiting = now.votes[voteId];
          expect(waiting?.status).toBe('closed');
          expect(waiting && waitingTrustees(now, waiting)).toEqual([teller, SYSTEM]);
          tabs.arrive(teller);
          await tabs.counted(voteId);
          const vote = (await meetingNow()).votes[voteId];
          expect(vote?.result?.tally).toEqual({ yes: 6, no: 3, abstain: 0 });
          expect(vote?.sealed?.decrypted[SYSTEM]).toBeUndefined();
        } finally {
          await tabs.stop();
        }
      } finally {
        await again.close();
      }
    },
    RESTART_MS,
  );

  test.each([
    ['no key source', {}],
    ['a key file that is not there', { SEALED_BOX_KEY_FILE: '/nonexistent/sealed-box.key' }],
    ['a key file of the wrong size', 'short'],
  ] as const)('with %s, naming tellers is refused and changes nothing', async (_case, settings) => {
    let env: Record<string, string> = { ...(typeof settings === 'object' ? settings : {}) };
    if (settings === 'short') {
      const shortKey = path.join(key.folder, 'short.key');
      await writeFile(shortKey, randomBytes(16).toString('base64'), { mode: 0o600 });
      env = keyFileEnv(shortKey);
    }
    const running = await start(env);
    try {
      const sitting = await openDemoMeeting(running, 9, serviceTrustee);
      const before = await sitting.director.get(`/api/meetings/${sitting.meetingId}`);
      const named = await sitting.chair.command(sitting.meetingId, {
        type: 'NameTellers',
        tellers: [teller],
      });
      expect(named.status).toBe(409);
      expect(named.body.code).toBe('SERVICE_TRUSTEE_UNAVAILABLE');
      const after = await sitting.director.get(`/api/meetings/${sitting.meetingId}`);
      expect(after.body.version).toBe(before.body.version);
      expect((after.body.meeting as Meeting).tellers ?? []).toEqual([]);
      // Not the chair: the domain's own refusal, as without the service.
      const byMember = await sitting.members[3]?.command(sitting.meetingId, {
        type: 'NameTellers',
        tellers: [teller],
      });
      expect(byMember?.body.code).toBe('NOT_AUTHORIZED');
    } finally {
      await running.close();
    }
  });
});

describe.each(databases)('the service as a trustee with Key Vault on %s', (_name, databaseUrl) => {
  test('its secret is wrapped by Key Vault: the ceremony and a count go as with a key file', async () => {
    const vault = fakeKeyVault();
    const running = await startService(databaseUrl, {
      trusteeKeys: keyVaultKeys(() => Promise.resolve(vault)),
    });
    try {
      const sitting = await openDemoMeeting(running, 9, serviceTrustee, {
        tellers: { members: [teller], absent: [teller] },
      });
      try {
        const voteId = await secretQuestion(sitting);
        await sitting.tellers?.counted(voteId);
        const vote = (await readMeeting(sitting)).votes[voteId];
        expect(vote?.result?.tally).toEqual({ yes: 6, no: 3, abstain: 0 });
        expect(vote?.sealed?.decrypted[SYSTEM]).toBeDefined();
        expect(vault.calls[0]).toBe('wrap RSA-OAEP-256');
        expect(vault.calls.slice(1).every((call) => call === 'unwrap RSA-OAEP-256')).toBe(true);
      } finally {
        await sitting.tellers?.stop();
      }
    } finally {
      await running.close();
    }
  });
});
