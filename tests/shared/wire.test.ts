import demo from '../../bot/fixtures/council-demo.json';
import {
  commandTypes,
  councilFileSchema,
  decide,
  fold,
  initialState,
  meetingSetupSchema,
  membersInOffice,
  profileIds,
  profiles,
  profileWith,
  rulesChoiceSchema,
  setupFromCouncilFile,
  wireCommandSchema,
  type RuleName,
} from '../../shared/src';
import { council } from './support/council';
import { payloads } from './support/payloads';
import { command } from './support/spec';

const accepts = (input: unknown) => wireCommandSchema.safeParse(input).success;

describe('wire commands', () => {
  test('the sample payloads cover every command type', () => {
    expect(Object.keys(payloads()).sort()).toEqual([...commandTypes].sort());
  });

  test.each(commandTypes)('%s with a valid payload is accepted as it is', (type) => {
    const payload = payloads()[type];
    expect(wireCommandSchema.parse(payload)).toEqual(payload);
  });

  test('an unknown command type is refused', () => {
    expect(accepts({ type: 'DissolveCouncil' })).toBe(false);
    expect(accepts({ type: 'castBallot', voteId: 'v-1', choice: 'yes' })).toBe(false);
    expect(accepts({})).toBe(false);
    expect(accepts(null)).toBe(false);
  });

  test.each(commandTypes)('%s cannot name its own issuer: an extra field is refused', (type) => {
    expect(accepts({ ...payloads()[type], by: 'chair' })).toBe(false);
    expect(accepts({ ...payloads()[type], at: '2026-11-23T19:30:00Z' })).toBe(false);
  });

  test.each([
    ['a position given as text', { type: 'MoveRequest', requestId: 'r-1', position: '2' }],
    ['a negative position', { type: 'MoveRequest', requestId: 'r-1', position: -1 }],
    ['a fractional position', { type: 'MoveRequest', requestId: 'r-1', position: 1.5 }],
    ['a position past any queue', { type: 'MoveRequest', requestId: 'r-1', position: 10_001 }],
    ['an unknown kind of request', { type: 'RequestFloor', kind: 'speech' }],
    ['a request without its kind', { type: 'RequestFloor' }],
    ['secrecy given as text', { type: 'OpenVote', secret: 'yes' }],
    ['a majority the rules do not know', { type: 'OpenVote', threshold: '3/5' }],
    ['a vote id given as a number', { type: 'CloseVote', voteId: 1 }],
    ['a ballot without a choice', { type: 'CastBallot', voteId: 'v-1' }],
    ['a negative counter', { type: 'CountVote', voteId: 'v-1', tally: { yes: -1, no: 2 } }],
    ['a fractional counter', { type: 'CountVote', voteId: 'v-1', tally: { yes: 0.5 } }],
    ['a motion text given as a list', { type: 'ProposeMotion', text: ['a'] }],
    ['a roster that is not a list', { type: 'ReviseRoster', roster: {} }],
    ['an empty roster', { type: 'ReviseRoster', roster: [] }],
    ['an unknown rules profile', { type: 'ChooseRules', rules: { profile: 'france' } }],
  ])('%s is refused', (_, input) => {
    expect(accepts(input)).toBe(false);
  });

  test('a motion or an amendment is at most 5,000 characters', () => {
    const text = (length: number) => 'x'.repeat(length);
    expect(accepts({ type: 'ProposeMotion', text: text(5_000) })).toBe(true);
    expect(accepts({ type: 'ProposeMotion', text: text(5_001) })).toBe(false);
    expect(accepts({ type: 'ProposeAmendment', motionId: 'm-1', text: text(5_000) })).toBe(true);
    expect(accepts({ type: 'ProposeAmendment', motionId: 'm-1', text: text(5_001) })).toBe(false);
  });

  test('a blank motion is refused, and a motion is trimmed', () => {
    expect(accepts({ type: 'ProposeMotion', text: '   ' })).toBe(false);
    expect(wireCommandSchema.parse({ type: 'ProposeMotion', text: '  Keep it  ' })).toEqual({
      type: 'ProposeMotion',
      text: 'Keep it',
    });
  });

  test('a text with a NUL character or half a surrogate pair is refused: no database keeps it', () => {
    expect(accepts({ type: 'ProposeMotion', text: 'a\u0000b' })).toBe(false);
    expect(accepts({ type: 'ProposeMotion', text: 'broken \uD83D' })).toBe(false);
    expect(accepts({ type: 'ProposeMotion', text: '\uDC4D broken' })).toBe(false);
    expect(accepts({ type: 'ProposeMotion', text: 'Adopted 👍🏽, with é and 𝕏' })).toBe(true);
  });

  test.each([
    ['a vote id with a space', { type: 'CloseVote', voteId: 'vote 1' }],
    ['a choice with a space', { type: 'CastBallot', voteId: 'v-1', choice: 'yes no' }],
    ['a request id with a tab', { type: 'WithdrawRequest', requestId: 'r\t1' }],
    ['a motion id with a newline', { type: 'SecondMotion', motionId: 'm\n1' }],
    ['a member id with a space', { type: 'ExcuseMember', member: 'c 1' }],
    ['a member id with a slash', { type: 'ExcuseMember', member: '../c1' }],
    ['an empty vote id', { type: 'PublishResult', voteId: '' }],
    ['a vote id of 101 characters', { type: 'PublishResult', voteId: 'v'.repeat(101) }],
    [
      'a counter for a choice with a space',
      { type: 'CountVote', voteId: 'v', tally: { 'a b': 1 } },
    ],
  ])('%s is refused', (_, input) => {
    expect(accepts(input)).toBe(false);
  });

  test('ids are letters, digits and . _ : -, up to 100 characters', () => {
    expect(accepts({ type: 'PublishResult', voteId: 'v'.repeat(100) })).toBe(true);
    expect(accepts({ type: 'ExcuseMember', member: '3fb443e6-da84-479e-a167-6170b308e965' })).toBe(
      true,
    );
    expect(accepts({ type: 'CloseVote', voteId: 'meeting:1.vote_2' })).toBe(true);
  });

  test('a council sets only the rules a profile has', () => {
    const choose = (overrides: unknown) =>
      rulesChoiceSchema.safeParse({ profile: 'wallonia', overrides }).success;
    expect(choose({ abstentionsCount: true })).toBe(true);
    expect(choose({ abstentionsCount: 'yes' })).toBe(false);
    expect(choose({ quorumBase: 'membersPresent' })).toBe(false);
    expect(choose({ chairHasCastingVote: true })).toBe(false);
  });
});

describe('meeting setup', () => {
  const input = () => structuredClone(council({ members: 9 }));

  test('a valid setup is accepted', () => {
    expect(meetingSetupSchema.safeParse(input()).success).toBe(true);
  });

  test('no member may take the id "system", which is the service itself', () => {
    const setup = input();
    setup.roster.push({ id: 'system', name: 'Impostor', role: 'councillor' });
    expect(meetingSetupSchema.safeParse(setup).success).toBe(false);
  });

  test('a birth date must be a real date', () => {
    const setup = input();
    setup.roster.push({ id: 'c99', name: 'X', role: 'councillor', birthDate: '1950-13-01' });
    expect(meetingSetupSchema.safeParse(setup).success).toBe(false);
  });

  test('a meeting has a roster', () => {
    expect(meetingSetupSchema.safeParse({ ...input(), roster: [] }).success).toBe(false);
  });
});

describe('the demo council', () => {
  const file = () => councilFileSchema.parse(demo);
  const setup = () => meetingSetupSchema.parse(setupFromCouncilFile(file()));
  const director = () => setup().roster.find((m) => m.role === 'director');

  test('the demo council file parses', () => {
    expect(councilFileSchema.safeParse(demo).success).toBe(true);
  });

  test('the demo council becomes a setup that the meeting schema accepts', () => {
    const result = meetingSetupSchema.safeParse(setupFromCouncilFile(file()));
    expect(result.error?.issues).toBeUndefined();
    expect(setup()).toMatchObject({ language: 'fr', mode: 'remote', convocation: 1 });
    expect(setup().rules).toEqual({ profile: 'wallonia', overrides: {} });
  });

  test('it has 49 members in office, one chair, a director and an observer', () => {
    const roster = setup().roster;
    expect(membersInOffice(roster)).toHaveLength(49);
    expect(roster.filter((m) => m.role === 'chair')).toHaveLength(1);
    expect(roster.filter((m) => m.role === 'director')).toHaveLength(1);
    expect(roster.filter((m) => m.role === 'observer')).toHaveLength(1);
    expect(new Set(roster.map((m) => m.id)).size).toBe(roster.length);
  });

  test('it has 9 items, item 5 a secret appointment between 2 candidates who sit on the council', () => {
    const { agenda, roster } = setup();
    expect(agenda.map((item) => item.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `item-${i + 1}`),
    );
    const item5 = agenda[4];
    expect(item5).toMatchObject({ subject: 'appointment', expectedVote: 'secret' });
    expect(item5?.candidates).toHaveLength(2);
    for (const candidate of item5?.candidates ?? []) {
      expect(roster.map((m) => m.id)).toContain(candidate.memberId);
    }
    expect(profiles.wallonia.secretSubjects.value).toContain(item5?.subject);
  });

  test('item 8 is a closed-session appointment whose candidates get ids of their own', () => {
    const item8 = setup().agenda[7];
    expect(item8).toMatchObject({ session: 'closed', subject: 'appointment' });
    expect(item8?.candidates.map((c) => c.id)).toEqual([
      'item-8-candidate-1',
      'item-8-candidate-2',
    ]);
  });

  test('the director may create the meeting', () => {
    const by = director()?.id ?? '';
    const decision = decide(initialState, command(by, { type: 'CreateMeeting', setup: setup() }));
    expect(decision.ok ? decision.events.map((e) => e.type) : decision.error.code).toEqual([
      'MeetingCreated',
    ]);
  });

  test('a councillor may not create the meeting', () => {
    const councillor = setup().roster.find((m) => m.role === 'councillor');
    const decision = decide(
      initialState,
      command(councillor?.id ?? '', { type: 'CreateMeeting', setup: setup() }),
    );
    expect(decision.ok ? 'accepted' : decision.error.code).toBe('NOT_AUTHORIZED');
  });
});

describe('rules profiles', () => {
  const ruleNames = (id: (typeof profileIds)[number]) =>
    Object.keys(profiles[id]).filter((key): key is RuleName => key !== 'id');

  test('every profile has the same rules', () => {
    for (const id of profileIds) {
      expect(profiles[id].id).toBe(id);
      expect(ruleNames(id).sort()).toEqual(ruleNames('wallonia').sort());
    }
  });

  test.each(profileIds)('every rule of %s has a status and a source', (id) => {
    const profile = profiles[id];
    for (const name of ruleNames(id)) {
      const rule = profile[name];
      expect({ name, status: rule.status }).toEqual({
        name,
        status: expect.stringMatching(/^(confirmed|unconfirmed|council)$/) as unknown,
      });
      expect({ name, source: rule.source.trim().length > 0 }).toEqual({ name, source: true });
    }
  });

  test('a council’s own rule is marked "council" and the other rules stay as the region has them', () => {
    const wallonia = profiles.wallonia;
    const own = profileWith('wallonia', { abstentionsCount: true });
    expect(own.abstentionsCount).toEqual({
      value: true,
      status: 'council',
      source: expect.any(String) as unknown,
    });
    expect(own.abstentionsCount.source).not.toBe('');
    for (const name of ruleNames('wallonia').filter((n) => n !== 'abstentionsCount')) {
      expect(own[name]).toEqual(wallonia[name]);
    }
    expect(own.id).toBe('wallonia');
    expect(wallonia.abstentionsCount).toMatchObject({ value: false, status: 'unconfirmed' });
  });

  test('without overrides, the profile is the region’s', () => {
    expect(profileWith('flanders')).toEqual(profiles.flanders);
    expect(profileWith('roberts', {})).toEqual(profiles.roberts);
  });

  test('a meeting applies the council’s overrides to its profile', () => {
    const setup = council({ members: 9, overrides: { abstentionsCount: true } });
    const state = fold([
      {
        type: 'MeetingCreated',
        meetingId: 'm',
        setup,
        at: '2026-11-23T18:00:00Z',
        by: 'director',
      },
    ]);
    expect(state.status !== 'none' && state.profile.abstentionsCount).toMatchObject({
      value: true,
      status: 'council',
    });
  });
});
