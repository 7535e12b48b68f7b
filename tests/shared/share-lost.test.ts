import {
  countNeeds,
  decide,
  fold,
  languages,
  permissions,
  tellersReady,
  waitingTrustees,
  type Event,
  type Meeting,
} from '../../shared/src';
import { CHAIR, DIRECTOR, OBSERVER, councillor, sitting, tellersNamed } from './support/council';
import { linesOf, section, Sitting } from './support/minutes';
import { meetingOf } from './support/payloads';
import { command, given, play } from './support/spec';
import { placeholderAggregate, placeholderBallot, placeholderPartial } from './support/tellers';

const [c1, c2, c3] = [1, 2, 3].map(councillor) as [string, string, string];
const SYSTEM = 'system';
const CHOICES = 4;

const meetingAfter = (log: readonly Event[]): Meeting => meetingOf(fold(log));
const voteAfter = (log: readonly Event[], voteId = 'v1') => {
  const vote = meetingAfter(log).votes[voteId];
  if (!vote) throw new Error(`no vote ${voteId}`);
  return vote;
};
const ceremonyAfter = (log: readonly Event[]) => meetingAfter(log).tellers?.at(-1);

const declare = (by: string, ceremony = 1) => command(by, { type: 'DeclareShareLost', ceremony });
const decrypt = (by: string) =>
  command(by, { type: 'DecryptTally', voteId: 'v1', partial: placeholderPartial(CHOICES) });
/** The service counts v1 from the shares given: three ballots, all for the older candidate. */
const count = () =>
  command(SYSTEM, {
    type: 'CountVote',
    voteId: 'v1',
    tally: { 'cand-old': 3 },
    evidence: 'e5'.repeat(32),
  });
const sealedCast = (by: string) =>
  command(by, { type: 'CastBallot', voteId: 'v1', ballot: placeholderBallot(CHOICES) });

/** Straight through decide: the support's play would add up the box and give shares at once. */
function decided(log: readonly Event[], ...commands: ReturnType<typeof command>[]): Event[] {
  let history = [...log];
  for (const cmd of commands) {
    const decision = decide(fold(history), cmd);
    if (!decision.ok) throw new Error(`${cmd.type} by ${cmd.by}: ${decision.error.code}`);
    history = [...history, ...decision.events];
  }
  return history;
}

/** The secret appointment v1 (trustees: the director, c1 and c2, any two), three ballots in. */
const opened = () =>
  play(
    sitting({ members: 9, present: 6, item: 'water' }),
    command(CHAIR, { type: 'OpenVote' }, 'v1'),
    sealedCast(CHAIR),
    sealedCast(c1),
    sealedCast(c3),
  );

/** Closed and added up; no trustee has given a share yet. */
const aggregated = () =>
  decided(
    opened(),
    command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
    command(SYSTEM, {
      type: 'AggregateBallots',
      voteId: 'v1',
      aggregate: placeholderAggregate(CHOICES, 3),
    }),
  );

describe('a trustee declares their share of the key lost', () => {
  test('one loss of three with two needed voids nothing: the other two still count the vote', () => {
    const log = aggregated();
    const events = given(...log)
      .when(declare(c1))
      .then({ type: 'TrusteeShareLost', ceremony: 1, trustee: c1, by: c1 });
    expect(events).toHaveLength(1);
    const after = [...log, ...events];
    expect(ceremonyAfter(after)).toMatchObject({ status: 'ready', lost: [c1] });
    given(...after)
      .when(decrypt(c1))
      .thenRefuses('SHARE_DECLARED_LOST');
    const counted = decided(after, decrypt(DIRECTOR), decrypt(c2));
    given(...counted)
      .when(count())
      .then({ type: 'VoteCounted', voteId: 'v1' });
  });

  test('two losses of three with two needed: the closed vote is void, the ceremony fails, tellers may be named again and a new vote counts', () => {
    const log = decided(aggregated(), declare(c1));
    const events = given(...log)
      .when(declare(DIRECTOR))
      .then(
        { type: 'TrusteeShareLost', trustee: DIRECTOR },
        {
          type: 'VoteCounted',
          voteId: 'v1',
          result: {
            outcome: { kind: 'void', reason: 'keyLost', lost: 2, trustees: 3, threshold: 2 },
            tally: {},
            participation: 3,
          },
        },
      );
    const after = [...log, ...events];
    expect(voteAfter(after).status).toBe('counted');
    expect(ceremonyAfter(after)).toMatchObject({ status: 'failed', lost: [c1, DIRECTOR] });
    expect(tellersReady(meetingAfter(after))).toEqual({ ready: 0, needed: 3 });
    given(...after)
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('SEALED_BOX_NOT_READY');
    // A void vote is decided: a share given now counts nothing.
    given(...after)
      .when(decrypt(c2))
      .thenRefuses('VOTE_NOT_CLOSED');

    const published = decided(after, command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }));
    const renamed = [...published, ...tellersNamed(published, { members: 9 })];
    expect(ceremonyAfter(renamed)).toMatchObject({ ceremony: 2, status: 'ready' });
    const again = play(
      renamed,
      command(CHAIR, { type: 'OpenVote' }, 'v2'),
      command(CHAIR, { type: 'CastBallot', voteId: 'v2', choice: 'cand-old' }),
      command(c1, { type: 'CastBallot', voteId: 'v2', choice: 'cand-old' }),
      command(CHAIR, { type: 'CloseVote', voteId: 'v2' }),
    );
    expect(voteAfter(again, 'v2').sealed).toMatchObject({ ceremony: 2 });
    given(...again)
      .when(
        command(SYSTEM, {
          type: 'CountVote',
          voteId: 'v2',
          tally: { 'cand-old': 2 },
          evidence: 'e5'.repeat(32),
        }),
      )
      .then({ type: 'VoteCounted', voteId: 'v2', result: { outcome: { kind: 'elected' } } });
  });

  test('a vote still open when the key is lost closes void', () => {
    const log = decided(opened(), declare(c1), declare(c2));
    expect(ceremonyAfter(log)?.status).toBe('failed');
    expect(voteAfter(log).status).toBe('open');
    given(...log)
      .when(command(CHAIR, { type: 'CloseVote', voteId: 'v1' }))
      .then(
        { type: 'VoteClosed', voteId: 'v1' },
        { type: 'VoteCounted', result: { outcome: { kind: 'void', reason: 'keyLost' } } },
      );
  });

  test('a loss declared after the trustee released their share leaves that vote countable', () => {
    const log = decided(aggregated(), decrypt(c1), declare(c1));
    const events = given(...log)
      .when(declare(DIRECTOR))
      .then({ type: 'TrusteeShareLost', trustee: DIRECTOR });
    expect(events).toHaveLength(1);
    const after = [...log, ...events];
    expect(ceremonyAfter(after)?.status).toBe('failed');
    expect(voteAfter(after).status).toBe('closed');
    given(...decided(after, decrypt(c2)))
      .when(count())
      .then({ type: 'VoteCounted', voteId: 'v1' });
  });

  test('only a trustee declares, only their own share, once, for the current ready ceremony', () => {
    const log = aggregated();
    given(...log)
      .when(declare(CHAIR))
      .thenRefuses('NOT_TRUSTEE');
    given(...log)
      .when(declare(c3))
      .thenRefuses('NOT_TRUSTEE');
    given(...log)
      .when(declare(OBSERVER))
      .thenRefuses('NOT_AUTHORIZED');
    given(...log)
      .when(declare(c1, 2))
      .thenRefuses('CEREMONY_OUT_OF_ORDER');
    given(...decided(log, declare(c1)))
      .when(declare(c1))
      .thenRefuses('SHARE_DECLARED_LOST');
    expect(permissions.DeclareShareLost).not.toContain('system');
  });
});

describe('the minutes of a vote the sealed box could not open', () => {
  const expected: Record<(typeof languages)[number], string> = {
    fr: 'L’urne scellée n’a pu être ouverte : 2 des 3 détenteurs de la clé ont perdu leur part (2 requises). Le vote est nul et peut être recommencé.',
    nl: 'De verzegelde stembus kon niet geopend worden: 2 van de 3 sleutelhouders verloren hun deel van de sleutel (2 nodig). De stemming is nietig en kan opnieuw gehouden worden.',
    de: 'Die versiegelte Urne konnte nicht geöffnet werden: 2 der 3 Schlüsselverwahrer haben ihren Schlüsselanteil verloren (2 nötig). Die Abstimmung ist nichtig und kann wiederholt werden.',
    en: 'The sealed ballot box could not be opened: 2 of the 3 trustees lost their share of the key (2 needed). The vote is void and may be held again.',
  };

  test.each(languages)('%s: say so, with no count and no tally verified', (language) => {
    const log = decided(
      play(
        sitting({ members: 9, present: 6, item: 'water', language }),
        command(CHAIR, { type: 'OpenVote' }, 'v1'),
        sealedCast(CHAIR),
      ),
      command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
      declare(c1),
      declare(c2),
      command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }),
    );
    const lines = section(linesOf(new Sitting(log).minutes('director')), '3. ', '4. ');
    expect(lines.some((line) => line.includes(expected[language]))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/verified|vérifié|geverifieerd|geprüft|e5e5/);
  });
});

describe('what the count still needs once a share is lost', () => {
  test('the count waits for no trustee who declared their share lost: it says how many shares it needs and from whom', () => {
    const after = decided(aggregated(), declare(c1));
    expect(countNeeds(meetingAfter(after), voteAfter(after))).toEqual({
      more: 2,
      from: [DIRECTOR, c2],
      lost: [c1],
    });
    expect(waitingTrustees(meetingAfter(after), voteAfter(after))).toEqual([DIRECTOR, c2]);
    expect(decide(fold(after), count())).toEqual({
      ok: false,
      error: {
        code: 'TALLY_SHARES_MISSING',
        params: { have: 0, needed: 2, waiting: 'The Director, Councillor 2' },
      },
    });
  });
});
