/**
 * The review's attack (sealed-attack.test.ts) against a sitting where the service is a trustee: the
 * reader holds the database AND the key file, i.e. all the key material of the database and of the
 * service's configuration. They unwrap the service's sealed secret and share, and try every 32-byte
 * value they now hold, and the service's share as weighted in any count, as the key: no ballot
 * opens, and no total; the service's share is one share of k.
 */
import { readFile } from 'node:fs/promises';
import { SYSTEM, type Meeting } from '../../shared/src';
import type { Ciphertext, SealedBallot } from '@council/shared/sealed';
import { lagrangeAtZero } from '../../shared/src/sealed/trustee';
import { unseal } from '../../bot/src/meetings/trustee-keys';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import { databases } from '../bot/support/over-http';
import { demo, startService, type RunningService } from '../bot/support/service';
import { newKeyFile, serviceTrustee, type KeyFile } from '../bot/support/service-trustee';
import { loadBoth, must } from '../shared/sealed/support';
import { keyTester, storedScalars } from './support/key-material';
import { liveRows } from './support/row-versions';

jest.setTimeout(300_000);

const director = demo.director.aadObjectId;
const teller = demo.members[1]?.aadObjectId ?? '';

const seed = Number(process.env.SECRECY_SEED ?? Math.floor(Math.random() * 2 ** 31));

const meetingOf = async (sitting: DemoMeeting) =>
  (await sitting.director.get(`/api/meetings/${sitting.meetingId}`)).body.meeting as Meeting;

/** Two secret questions, the nine members choosing at random; counted by the director and the service. */
async function secretVotes(sitting: DemoMeeting): Promise<Map<string, Record<string, number>>> {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const totals = new Map<string, Record<string, number>>();
  for (let round = 0; round < 2; round++) {
    const opened = await sitting.chair.command(sitting.meetingId, {
      type: 'OpenVote',
      secret: true,
    });
    expect(opened.status).toBe(200);
    const vote = (await meetingOf(sitting)).openVoteId ?? '';
    for (const member of sitting.members.slice(0, 9)) {
      const choice = ['yes', 'no', 'abstain'][Math.floor(random() * 3)] ?? 'yes';
      expect(
        (await member.command(sitting.meetingId, { type: 'CastBallot', voteId: vote, choice }))
          .status,
      ).toBe(200);
    }
    await sitting.tellers?.counted(vote);
    totals.set(vote, { ...(await meetingOf(sitting)).votes[vote]?.result?.tally });
  }
  return totals;
}

describe.each(databases)('the attacker with the database and the key file, on %s', (_name, url) => {
  let key: KeyFile;
  let running: RunningService;

  beforeAll(async () => {
    key = await newKeyFile('service-trustee-attack');
    running = await startService(url, { env: key.env });
  });
  afterAll(async () => {
    await running.close();
    await key.remove();
  });

  test('unwraps the service’s share, and still opens no ballot and no total', async () => {
    const { sealed, group } = await loadBoth();
    const sitting = await openDemoMeeting(running, 9, serviceTrustee, {
      tellers: { members: [teller], absent: [teller] },
    });
    let totals: Map<string, Record<string, number>>;
    try {
      totals = await secretVotes(sitting);
    } finally {
      await sitting.tellers?.stop();
    }
    const meeting = await meetingOf(sitting);
    const votes = new Set(Object.keys(meeting.votes));
    // Every row this sitting left (on PostgreSQL the database holds other tests' sittings too).
    const rows = (await liveRows(running.db)).filter(
      ({ row }) =>
        (!('meeting_id' in row) && !('vote_id' in row)) ||
        row.meeting_id === sitting.meetingId ||
        votes.has(String(row.vote_id)),
    );

    // What the key file opens: the service's secret and its share of the sitting's key.
    const keyFileText = await readFile(key.keyFile, 'utf8');
    const fileKey = Buffer.from(keyFileText.trim(), 'base64');
    const opened = rows
      .filter((r) => r.table === 'service_trustee_keys')
      .map(({ row }) => {
        const binding = `council-meetings/service-trustee/${String(row.meeting_id)}/${String(row.ceremony)}`;
        const dataKey = unseal(fileKey, String(row.data_key), `${binding}/secret`);
        return {
          secret: unseal(dataKey, String(row.secret), `${binding}/secret`).toString('utf8'),
          share: unseal(dataKey, String(row.share), `${binding}/share`).toString('utf8'),
        };
      });
    expect(opened).toHaveLength(1);
    const { secret, share } = must(opened[0]);
    const shareScalar = must(group.scalar(share));

    const ceremony = must(meeting.tellers?.at(-1));
    const indexOf = (member: string) =>
      must(ceremony.trustees.find((t) => t.member === member)).index;
    const indices = ceremony.trustees.map((t) => t.index);
    // The service's share as any count would weigh it, with each other trustee.
    const weighted = indices
      .filter((j) => j !== indexOf(SYSTEM))
      .map((j) =>
        group.scalarMul(lagrangeAtZero(group, [indexOf(SYSTEM), j], indexOf(SYSTEM)), shareScalar),
      );

    const keys = [
      ...storedScalars(group, [
        ...rows.map((r) => JSON.stringify(r.row)),
        keyFileText,
        JSON.stringify(key.env),
        secret,
        share,
      ]).values(),
      ...weighted,
    ];
    const targets: { ciphertext: Ciphertext; plaintexts: number[] }[] = [];
    for (const [voteId, tally] of totals) {
      const vote = must(meeting.votes[voteId]);
      const board = rows
        .filter((r) => r.table === 'sealed_ballots' && r.row.vote_id === voteId)
        .map((r) => r.row.ballot as SealedBallot);
      expect(board).toHaveLength(9);
      for (const ballot of board) {
        for (const choice of ballot.choices)
          targets.push({ ciphertext: choice.ciphertext, plaintexts: [0, 1] });
      }
      sealed
        .aggregate(board, vote.choices.length)
        .ciphertexts.forEach((ciphertext, i) =>
          targets.push({ ciphertext, plaintexts: [tally[vote.choices[i] ?? ''] ?? 0] }),
        );
    }
    const opens = keyTester(group);
    const openedBy = keys.flatMap((key) =>
      targets.filter((t) => opens(key, t.ciphertext, t.plaintexts)).map(() => group.encode(key)),
    );
    expect(openedBy).toEqual([]);

    // The check would have seen a key: the service's share with the director's (a second of k) opens every total.
    const directorShare = must(sitting.tellers?.kept.get(director)?.shares.get(ceremony.ceremony));
    const pair = [indexOf(director), indexOf(SYSTEM)];
    const whole = group.scalarAdd(
      group.scalarMul(
        lagrangeAtZero(group, pair, indexOf(director)),
        must(group.scalar(directorShare)),
      ),
      group.scalarMul(lagrangeAtZero(group, pair, indexOf(SYSTEM)), shareScalar),
    );
    expect(targets.every((t) => opens(whole, t.ciphertext, t.plaintexts))).toBe(true);
  });
});
