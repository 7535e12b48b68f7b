import {
  loadSealed,
  type DealtShares,
  type Scalar,
  type SealedBallot,
  type Sealed,
  type SittingKey,
  type TallyRecord,
  type Trustee,
  type TrusteeCommitment,
  type TrusteeSecret,
} from '@council/shared/sealed';
import { currentCeremony, waitingTrustees, type Meeting } from '../../shared/src';
import { canonicalJson } from '../../bot/src/store';
import { createHash } from 'node:crypto';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { databases, overHttp } from './support/over-http';
import { personOf, startService, type Person, type RunningService } from './support/service';
import { button, hasButton, textOf, type ChatPerson } from './support/teams';
import { testDatabases, type TestDatabase } from './store/databases';
import { BOT_START_MS, chatHelpers, startBot, type RunningBot } from './teams/bot';

/** A trustee as their tab would act: the secret and the share kept here, in the test's memory. */
interface TestTrustee {
  readonly person: Person;
  readonly trustee: Trustee;
  readonly secret: TrusteeSecret;
  readonly commitment: TrusteeCommitment;
  dealt?: DealtShares;
  share?: Scalar;
}

/**
 * The key ceremony of the meeting's current trustees, run as their tabs would run it (issue 15,
 * point 2) with the crypto module: each commits, deals, checks what they received and confirms.
 */
async function holdCeremony(
  sealed: Sealed,
  meetingId: string,
  people: readonly Person[],
): Promise<{ trustees: TestTrustee[]; key: SittingKey }> {
  const must = async (person: Person, command: unknown) => {
    const reply = await person.command(meetingId, command);
    expect({ command, reply }).toMatchObject({ reply: { status: 200 } });
  };
  const state = (await people[0]?.get(`/api/meetings/${meetingId}`))?.body.meeting as Meeting;
  const named = currentCeremony(state);
  if (!named) throw new Error('no tellers named');
  const trustees: TestTrustee[] = named.trustees.map((trustee) => {
    const person = people.find((p) => p.id === trustee.member);
    if (!person) throw new Error(`trustee ${trustee.member} is not among the people given`);
    return { person, trustee, ...sealed.newTrustee(named.threshold) };
  });
  for (const t of trustees) await must(t.person, { type: 'CommitTrusteeKey', ...t.commitment });
  for (const t of trustees) {
    const others = trustees.filter((o) => o !== t);
    const to = others.map((o) => ({ ...o.trustee, boxKey: o.commitment.boxKey }));
    t.dealt = sealed.dealShares(t.secret, t.trustee, to);
    await must(t.person, { type: 'DealTrusteeShares', shares: t.dealt.shares });
  }
  for (const t of trustees) {
    const from = trustees
      .filter((o) => o !== t)
      .map((o) => ({
        trustee: o.trustee,
        commitment: o.commitment,
        dealt: o.dealt ?? { shares: {} },
      }));
    const received = sealed.receiveShares(t.secret, t.trustee, from);
    if (!received.ok) throw new Error(`the share from ${received.against} does not hold`);
    t.share = received.share;
    await must(t.person, { type: 'ConfirmTrusteeShares' });
  }
  const commitments = Object.fromEntries(trustees.map((t) => [t.trustee.member, t.commitment]));
  const key = sealed.sittingKey(named.trustees, commitments, named.threshold);
  return { trustees, key };
}

describe.each(databases)('the sealed ballot box over HTTP on %s', (_name, databaseUrl) => {
  let sealed: Sealed;
  let running: RunningService;
  let sitting: DemoMeeting;
  let trustees: TestTrustee[];
  let key: SittingKey;
  let voteId: string;
  /** What each ballot cast in the test holds, to check the count against. */
  const cast: number[] = [];

  beforeAll(async () => {
    sealed = await loadSealed();
    running = await startService(databaseUrl);
    sitting = await openDemoMeeting(running, 30);
  });
  afterAll(() => running.close());

  const { ok, read, meeting } = overHttp(() => sitting.meetingId);
  const vote = async (person = sitting.director) => (await meeting(person)).votes[voteId];
  const context = () => ({ meetingId: sitting.meetingId, voteId });

  test('the chair names two tellers; with the director they hold the key, which no one has whole', async () => {
    const [, first, second] = sitting.members;
    if (!first || !second) throw new Error('the demo council has members');
    await ok(sitting.chair, { type: 'NameTellers', tellers: [first.id, second.id] });
    ({ trustees, key } = await holdCeremony(sealed, sitting.meetingId, [
      sitting.director,
      first,
      second,
    ]));

    const held = currentCeremony(await meeting(sitting.director));
    expect(held?.status).toBe('ready');
    expect(held?.trustees.map((t) => t.member)).toEqual([sitting.director.id, first.id, second.id]);
  });

  test('a secret appointment opens under the ceremony that is ready', async () => {
    for (let item = 1; item < 5; item++) await ok(sitting.chair, { type: 'NextItem' });
    await ok(sitting.chair, { type: 'OpenVote' });
    const state = await meeting(sitting.chair);
    voteId = state.openVoteId ?? '';
    expect(state.votes[voteId]?.secret).toBe(true);
  });

  test('a ballot whose proof fails is refused with 400 BALLOT_PROOF_INVALID, and nothing changes', async () => {
    const choices = (await vote())?.choices.length ?? 0;
    const valid = sealed.encryptBallot(key.publicKey, context(), 0, choices);
    const [first, second] = valid.choices;
    if (!first || !second) throw new Error('an appointment has two choices at least');
    const swapped: SealedBallot = {
      ...valid,
      choices: [
        { ...first, proof: second.proof },
        { ...second, proof: first.proof },
        ...valid.choices.slice(2),
      ],
    };
    const forAnotherVote = sealed.encryptBallot(
      key.publicKey,
      { ...context(), voteId: 'another-vote' },
      0,
      choices,
    );
    const before = await read(sitting.director);
    const voter = sitting.members[3] as Person;

    for (const ballot of [swapped, forAnotherVote]) {
      const refused = await voter.command(sitting.meetingId, {
        type: 'CastBallot',
        voteId,
        ballot,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('BALLOT_PROOF_INVALID');
    }

    const after = await read(sitting.director);
    expect(after.version).toBe(before.version);
    expect(after.meeting.votes[voteId]?.participants).not.toContain(voter.id);
  });

  test('ballots sealed in the tab and clear choices from the API, which the service seals, each get a tracker', async () => {
    const choices = (await vote())?.choices ?? [];
    const voters = sitting.members.slice(3, 13);
    const trackers = await Promise.all(
      voters.map(async (voter, i) => {
        const choice = i % 3 === 0 ? 1 : 0;
        cast.push(choice);
        const command =
          i % 2 === 0
            ? { type: 'CastBallot', voteId, choice: choices[choice] }
            : {
                type: 'CastBallot',
                voteId,
                ballot: sealed.encryptBallot(key.publicKey, context(), choice, choices.length),
              };
        const reply = await voter.command(sitting.meetingId, command);
        expect(reply.status).toBe(200);
        return String(reply.body.tracker);
      }),
    );

    for (const tracker of trackers) expect(tracker).toMatch(/^[0-9a-f]{64}$/);
    const stored = await running.db.query(
      'SELECT tracker, ballot FROM sealed_ballots WHERE vote_id = $1',
      [voteId],
    );
    expect(stored.map((row) => row.tracker).sort()).toEqual([...trackers].sort());
    for (const row of stored) {
      const ballot = row.ballot as SealedBallot;
      expect(sealed.tracker(ballot)).toBe(row.tracker);
      expect(sealed.verifyBallot(key.publicKey, context(), ballot, choices.length)).toBe(true);
    }
    // The voter's tracker is theirs alone: nothing stored with them names it.
    const kept = await running.db.query(
      `SELECT count(*)::int AS n FROM commands WHERE strpos(result::text, $1) > 0
       UNION ALL SELECT count(*)::int FROM events WHERE strpos(data::text, $1) > 0`,
      [trackers[0]],
    );
    expect(kept.map((row) => row.n)).toEqual([0, 0]);
  });

  test('whoever may not vote is refused before any proof is checked: a forged ballot from the director or from a member who has voted says why', async () => {
    const choices = (await vote())?.choices.length ?? 0;
    const valid = sealed.encryptBallot(key.publicKey, context(), 0, choices);
    const forged: SealedBallot = { ...valid, choices: [...valid.choices].reverse() };
    expect(sealed.verifyBallot(key.publicKey, context(), forged, choices)).toBe(false);
    const before = await read(sitting.director);
    const voted = sitting.members[3] as Person;
    const again = await voted.command(sitting.meetingId, {
      type: 'CastBallot',
      voteId,
      ballot: forged,
    });
    expect(again.body.code).toBe('ALREADY_VOTED');
    const director = await sitting.director.command(sitting.meetingId, {
      type: 'CastBallot',
      voteId,
      choice: (await vote())?.choices[0],
    });
    // The director's role casts no ballot: the domain's own reason, as for a named vote.
    expect(director.body.code).toBe('NOT_AUTHORIZED');
    expect((await read(sitting.director)).version).toBe(before.version);
  });

  test('at close the service adds the board up; one trustee of three is not enough, and the vote says for whom it waits', async () => {
    await ok(sitting.chair, { type: 'CloseVote', voteId });
    expect((await vote())?.sealed?.aggregate?.ballots).toBe(cast.length);
    const [director, , absent] = trustees;
    await decrypt(director);

    const waiting = await vote();
    expect(waiting?.status).toBe('closed');
    expect(waiting?.result).toBeNull();
    expect(Object.keys(waiting?.sealed?.decrypted ?? {})).toEqual([director?.trustee.member]);
    expect(waiting && waitingTrustees(await meeting(sitting.director), waiting)).toEqual(
      trustees.slice(1).map((t) => t.trustee.member),
    );
    expect(absent?.share).toBeDefined();
  });

  test('a partial decryption forged with another share is refused by its proof, and changes nothing', async () => {
    const [, teller, other] = trustees;
    if (!teller || !other?.share) throw new Error('three trustees');
    const aggregate = (await vote())?.sealed?.aggregate;
    if (!aggregate) throw new Error('not added up');
    const before = await read(sitting.director);

    const forged = sealed.decryptShare(other.share, teller.trustee, aggregate, context());
    const refused = await teller.person.command(sitting.meetingId, {
      type: 'DecryptTally',
      voteId,
      partial: forged,
    });

    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('PARTIAL_PROOF_INVALID');
    expect((await read(sitting.director)).version).toBe(before.version);
  });

  test('two trustees of three count the vote: the totals are those of the ballots cast', async () => {
    const before = await sitting.director.get(
      `/api/meetings/${sitting.meetingId}/votes/${voteId}/tally-record`,
    );
    expect(before.status).toBe(409);
    expect(before.body.code).toBe('RESULT_NOT_READY');

    await decrypt(trustees[1]);

    const counted = await vote();
    const choices = counted?.choices ?? [];
    expect(counted?.status).toBe('counted');
    expect(counted?.result?.tally).toEqual(
      Object.fromEntries(choices.map((choice, i) => [choice, cast.filter((c) => c === i).length])),
    );
  });

  test('the tally record verifies independently of the service, and its hash is the evidence the count keeps', async () => {
    const path = `/api/meetings/${sitting.meetingId}/votes/${voteId}/tally-record`;
    const member = sitting.members[20] as Person;
    expect((await member.get(path)).body.code).toBe('RESULT_NOT_READY');

    await ok(sitting.director, { type: 'PublishResult', voteId });
    const reply = await member.get(path);
    expect(reply.status).toBe(200);
    const record = reply.body as unknown as TallyRecord;
    const verified = sealed.verifyTally(record);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(record.ballots).toHaveLength(cast.length);
    expect(Object.keys(record.partials)).toHaveLength(2);
    const evidence = createHash('sha256').update(canonicalJson(record)).digest('hex');
    expect((await vote())?.sealed?.evidence).toBe(evidence);
    expect((await sitting.observer.get(path)).status).toBe(200);
  });

  async function decrypt(trustee: TestTrustee | undefined): Promise<void> {
    const aggregate = (await vote())?.sealed?.aggregate;
    if (!trustee?.share || !aggregate) throw new Error('a trustee with a share, an aggregate');
    const partial = sealed.decryptShare(trustee.share, trustee.trustee, aggregate, context());
    await ok(trustee.person, { type: 'DecryptTally', voteId, partial });
  }
});

describe.each(testDatabases())('a secret ballot from the bot’s card, on %s', (_engine, fresh) => {
  let sealed: Sealed;
  let database: TestDatabase;
  let bot: RunningBot;
  const { postedCard, press, viewFor, say, must } = chatHelpers(() => bot);

  beforeAll(async () => {
    sealed = await loadSealed();
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    await say(bot.director, `link ${bot.meetingId}`);
    await say(bot.chair, 'open');
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  test('the card sends a clear choice, the service seals it, and the receipt shows its tracker, which is on the board', async () => {
    const on = (member: ChatPerson) => personOf(bot.running, member.aadObjectId);
    const [chair, first, second] = bot.members.map(on);
    const director = on(bot.director);
    if (!chair || !first || !second) throw new Error('the demo council has members');
    await Promise.all(bot.members.slice(0, 30).map((m) => must(on(m), { type: 'CheckIn' })));
    await must(chair, { type: 'NameTellers', tellers: [first.id, second.id] });
    await holdCeremony(sealed, bot.meetingId, [director, first, second]);
    const state = async () =>
      (await director.get(`/api/meetings/${bot.meetingId}`)).body.meeting as Meeting;
    const appointment = (await state()).setup.agenda[4]?.id;
    while ((await state()).currentItemId !== appointment) await must(chair, { type: 'NextItem' });
    const before = bot.connector.calls.length;
    await must(chair, { type: 'OpenVote' });

    const { card } = await postedCard(/Scrutin secret/, before);
    const voter = bot.members[5] as ChatPerson;
    const choice = button(await viewFor(voter, card), 'vote.cast').data.choice;
    const receipt = textOf(await press(voter, await viewFor(voter, card), 'vote.cast', { choice }));

    const tracker = /\b[0-9a-f]{64}\b/.exec(receipt)?.[0];
    expect(receipt).toContain('Your ballot is sealed.');
    expect(tracker).toBeDefined();
    const stored = await bot.running.db.query('SELECT tracker, ballot FROM sealed_ballots');
    expect(stored.map((row) => row.tracker)).toEqual([tracker]);
    expect(sealed.tracker(stored[0]?.ballot as SealedBallot)).toBe(tracker);
  });

  test('the press is answered with the receipt alone, not the vote drawn again; the voter’s next view of the card says received, without the tracker', async () => {
    const { card } = await postedCard(/Scrutin secret/);
    const voter = bot.members[6] as ChatPerson;
    const choice = button(await viewFor(voter, card), 'vote.cast').data.choice;
    const answer = await press(voter, await viewFor(voter, card), 'vote.cast', { choice });

    const receipt = textOf(answer);
    const tracker = /\b[0-9a-f]{64}\b/.exec(receipt)?.[0];
    expect(tracker).toBeDefined();
    expect(receipt).toContain('Your ballot has been received.');
    expect(receipt).not.toMatch(/have voted/);
    expect(hasButton(answer, 'vote.cast')).toBe(false);
    expect(answer).not.toHaveProperty('refresh');
    const later = textOf(await viewFor(voter, card));
    expect(later).toMatch(/2 of \d+ have voted/);
    expect(later).toContain('Your ballot has been received.');
    expect(later).not.toContain(tracker);
  });
});
