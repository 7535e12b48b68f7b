import { languages, minutesOf, minutesWords, type Language } from '../../shared/src';
import { CHAIR, DIRECTOR, council, councillor, created, sitting } from './support/council';
import { SEAL, Sitting, linesOf, section } from './support/minutes';

const c = councillor;
const name = (n: number) => `Councillor ${n}`;

/**
 * Nine members in office; the chair and councillors 1 to 5 are present at the roll call, councillor 8
 * is excused, councillor 6 arrives during the budget and councillor 4 leaves after its votes.
 * The minutes are approved by all; an amendment to the budget motion passes, then the motion.
 */
function budgetSitting(options: Parameters<typeof sitting>[0] = {}): Sitting {
  const s = new Sitting(sitting({ members: 9, present: 6, item: null, ...options }));
  s.do(DIRECTOR, { type: 'ExcuseMember', member: c(8) });
  s.do(CHAIR, { type: 'OpenRollCall' });
  for (const member of [CHAIR, c(1), c(2), c(3), c(4), c(5)]) {
    s.do(member, { type: 'AnswerRollCall' });
  }
  s.do(CHAIR, { type: 'CloseRollCall' });
  s.do(CHAIR, { type: 'NextItem' });
  s.vote({ type: 'OpenVote' }, () => 'yes');
  s.do(CHAIR, { type: 'NextItem' });
  s.do(c(6), { type: 'CheckIn' }, { at: '2026-11-23T19:05:00.000Z' });
  s.do(c(1), { type: 'RequestFloor', kind: 'contribution' });
  s.do(c(2), { type: 'RequestFloor', kind: 'pointOfOrder' });
  s.do(CHAIR, { type: 'GiveFloor' }).do(CHAIR, { type: 'EndSpeech' });
  s.do(CHAIR, { type: 'GiveFloor' });
  s.do(c(3), { type: 'RequestFloor', kind: 'reply' });
  s.do(CHAIR, { type: 'EndSpeech' })
    .do(CHAIR, { type: 'GiveFloor' })
    .do(CHAIR, { type: 'EndSpeech' });
  s.do(c(1), { type: 'ProposeMotion', text: 'Adopt budget amendment no. 2' }, { id: 'budget' });
  s.do(c(2), { type: 'SecondMotion', motionId: 'budget' });
  s.do(
    c(3),
    { type: 'ProposeAmendment', motionId: 'budget', text: 'Adopt it without line 12' },
    { id: 'line-12' },
  );
  s.do(c(4), { type: 'SecondMotion', motionId: 'line-12' });
  s.vote({ type: 'OpenVote', motionId: 'line-12' }, (member) =>
    member === c(1) || member === c(2) ? 'no' : member === c(3) ? 'abstain' : 'yes',
  );
  s.vote({ type: 'OpenVote', motionId: 'budget' }, (member) =>
    member === c(4) ? 'no' : member === c(5) ? 'abstain' : 'yes',
  );
  s.do(c(4), { type: 'CheckOut' }, { at: '2026-11-23T19:40:00.000Z' });
  return s;
}

/** The budget sitting, then a secret appointment on the third item where everyone votes. */
function appointmentSitting(options: Parameters<typeof sitting>[0] = {}): Sitting {
  const s = budgetSitting(options);
  s.do(CHAIR, { type: 'NextItem' });
  s.vote({ type: 'OpenVote' }, (_member, index) =>
    index < 4 ? 'cand-old' : index < 5 ? 'cand-young' : 'abstain',
  );
  return s;
}

describe('minutes: draft and final', () => {
  test('the minutes of a running meeting are a draft that says where it stands', () => {
    const minutes = budgetSitting().minutes('director');
    expect(minutes.final).toBe(false);
    expect(minutes.draft).toEqual({
      mark: 'DRAFT',
      notice: expect.stringContaining('Provisional') as string,
    });
    expect(linesOf(minutes)).toContainEqual(
      expect.stringMatching(/^As of \d\d:\d\d, after event no\. 42\.$/),
    );
  });

  test('once the meeting is closed the minutes are final and say when it closed', () => {
    const s = budgetSitting().do(CHAIR, { type: 'CloseMeeting' });
    const minutes = s.minutes('director');
    expect(minutes.final).toBe(true);
    expect(minutes.draft).toBeNull();
    expect(linesOf(minutes)).toContainEqual(
      expect.stringMatching(/^The meeting closed at \d\d:\d\d\.$/),
    );
  });

  test('every page carries the number and hash of the last event of the log', () => {
    expect(budgetSitting().minutes('councillor').footer).toBe(
      `SHA-256 fingerprint of the last event (no. 42): ${SEAL.hash}`,
    );
  });

  test('there are no minutes of a log that holds no meeting', () => {
    expect(minutesOf({ events: [], reader: 'director', seal: SEAL })).toBeNull();
  });
});

describe('minutes: the meeting and who attended', () => {
  test('the header names the municipality, the date, the remote mode with its tool, the chair and the director', () => {
    const lines = linesOf(budgetSitting().minutes('director'));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Municipality: Testville',
        'Meeting: Council meeting',
        'Date: Monday, 23 November 2026',
        'How the council met: remotely, using Microsoft Teams',
        'Chair: The Chair',
        'General director: The Director',
        'Rules of procedure: Wallonia — Code of local democracy and decentralisation',
      ]),
    );
  });

  test('a hybrid meeting of a third convocation says so', () => {
    const s = new Sitting(
      sitting({ members: 9, present: 3, convocation: 3, mode: 'hybrid', item: null }),
    );
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain(
      'How the council met: hybrid (in the chamber and remotely using Microsoft Teams)',
    );
    expect(lines).toContain('Convocation: convocation no. 3');
  });

  test('present, excused and absent members are listed, late arrivals among the present', () => {
    const lines = linesOf(budgetSitting().minutes('director'));
    expect(lines).toContain(`7 present: The Chair, ${[1, 2, 3, 4, 5, 6].map(name).join(', ')}`);
    expect(lines).toContain(`1 excused: ${name(8)}`);
    expect(lines).toContain(`1 absent: ${name(7)}`);
  });

  test('arrivals after the roll call and departures are listed with their time and item', () => {
    const lines = linesOf(budgetSitting().minutes('director'));
    expect(lines).toContain(`20:05 — ${name(6)} joins the meeting (item 2)`);
    expect(lines).toContain(`20:40 — ${name(4)} leaves the meeting (item 2)`);
    expect(lines.filter((line) => line.includes('joins the meeting'))).toHaveLength(1);
  });

  test('a roll call records the quorum it found', () => {
    const lines = linesOf(budgetSitting().minutes('director'));
    expect(lines).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d — 6 of 9 members present; quorum of 5: reached$/),
    );
  });

  test('a roll call without quorum says so, and says when this convocation needs none', () => {
    const roll = (convocation: number) => {
      const s = new Sitting(sitting({ members: 9, present: 2, convocation, item: null }));
      s.do(CHAIR, { type: 'OpenRollCall' }).do(CHAIR, { type: 'CloseRollCall' });
      return linesOf(s.minutes('director')).find((line) => line.includes('quorum of 5'));
    };
    expect(roll(1)).toMatch(/quorum of 5: not reached$/);
    expect(roll(3)).toMatch(/quorum of 5: not required at this convocation$/);
  });

  test('before the sitting opens the minutes list those checked in so far', () => {
    const s = new Sitting([created(council({ members: 9 }))]);
    s.do(DIRECTOR, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    }).do(c(1), { type: 'CheckIn' });
    expect(linesOf(s.minutes('director'))).toContain(`1 present: ${name(1)}`);
  });

  test('nobody excused is written as such', () => {
    const s = new Sitting(sitting({ members: 9, present: 9, item: null }));
    expect(linesOf(s.minutes('director'))).toEqual(
      expect.arrayContaining(['0 excused: nobody', '0 absent: nobody']),
    );
  });
});

describe('minutes: items, debate and motions', () => {
  test('the speakers of an item are listed in the order they spoke, with points of order and replies', () => {
    const lines = linesOf(budgetSitting().minutes('director'));
    expect(lines).toContain(
      `Speakers: ${name(2)} (point of order), ${name(1)}, ${name(3)} (reply)`,
    );
  });

  test('an adopted amendment: the motion is given as proposed and as amended', () => {
    const lines = section(linesOf(budgetSitting().minutes('director')), '2. ', '3. ');
    expect(lines).toEqual(
      expect.arrayContaining([
        `Motion by ${name(1)}, seconded by ${name(2)} — adopted`,
        '« Adopt budget amendment no. 2 »',
        'Text as amended: « Adopt it without line 12 »',
        `Amendment by ${name(3)}, seconded by ${name(4)} — adopted`,
        '« Adopt it without line 12 »',
      ]),
    );
  });

  test('a withdrawn motion is recorded as withdrawn', () => {
    const s = new Sitting(sitting({ members: 9, present: 6 }));
    s.do(c(1), { type: 'ProposeMotion', text: 'Postpone the item' }, { id: 'm' });
    s.do(c(1), { type: 'WithdrawMotion', motionId: 'm' });
    expect(linesOf(s.minutes('director'))).toContain(`Motion by ${name(1)} — withdrawn`);
  });

  test('an item without a vote says so; one not taken up says it was not, or not yet', () => {
    const running = budgetSitting();
    const draft = linesOf(running.minutes('director'));
    expect(section(draft, '3. ', '4. ')).toContain('Not yet taken up.');
    running.do(CHAIR, { type: 'NextItem' }).do(CHAIR, { type: 'CloseMeeting' });
    const final = linesOf(running.minutes('director'));
    expect(section(final, '3. ', '4. ')).toContain('No vote on this item.');
    expect(section(final, '4. ')).toContain('Not taken up.');
  });
});

describe('minutes: votes', () => {
  test('in Wallonia a named vote gives the total for, and the names of those against and abstaining', () => {
    const lines = section(
      linesOf(budgetSitting().minutes('director')),
      'Vote 1 — named vote, on the amendment',
    );
    expect(lines.slice(0, 5)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Vote 1 — named vote, on the amendment by ${name(3)} \\(opened at \\d\\d:\\d\\d, closed at \\d\\d:\\d\\d\\)$`,
        ),
      ),
      'For: 4',
      `Against: 2 — ${name(1)}, ${name(2)}`,
      `Abstentions: 1 — ${name(3)}`,
      'Votes cast: 6; majority needed: 4.',
    ]);
    expect(lines).toContain('Decision: The amendment is adopted.');
  });

  test('in Flanders a named vote gives every member’s vote', () => {
    const lines = linesOf(budgetSitting({ profile: 'flanders' }).minutes('director'));
    const vote = section(lines, 'Vote 2 — named vote, on the motion');
    expect(vote).toContain(`For: 5 — The Chair, ${[1, 2, 3, 6].map(name).join(', ')}`);
    expect(vote).toContain(`Against: 1 — ${name(4)}`);
    expect(vote).toContain(`Abstentions: 1 — ${name(5)}`);
  });

  test('members entitled who did not vote in a named vote are named', () => {
    const s = new Sitting(sitting({ members: 9, present: 6 }));
    s.vote({ type: 'OpenVote' }, (member) => (member === c(5) ? null : 'yes'));
    expect(linesOf(s.minutes('director'))).toContain(`Did not take part in the vote: ${name(5)}`);
  });

  test('a result names the rule applied and its basis', () => {
    const lines = linesOf(budgetSitting().minutes('director'));
    expect(lines).toContain(
      'Rule applied: absolute majority of the votes cast; abstentions and blank ballots not counted.',
    );
    expect(lines).toContain('Basis: CDLD L1122-26');
  });

  test('a tie rejects the item, and the minutes say it was a tie', () => {
    const s = new Sitting(sitting({ members: 9, present: 6 }));
    s.vote({ type: 'OpenVote', threshold: '2/3' }, (_member, index) => (index % 2 ? 'yes' : 'no'));
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain('Decision: Tied vote. The item is rejected.');
    expect(lines).toContain(
      'Rule applied: two-thirds majority of the votes cast; abstentions and blank ballots not counted.',
    );
  });

  test('a secret ballot gives how many took part and the count per choice, and names nobody', () => {
    const lines = linesOf(appointmentSitting().minutes('director'));
    const ballot = section(lines, '3. ', '4. ');
    expect(ballot).toEqual(
      expect.arrayContaining([
        '6 voters of 6 members entitled to vote.',
        'Older candidate: 4',
        'Younger candidate: 1',
        'Third candidate: 0',
        'Blank ballots: 1',
        'Secret ballot: only the totals are recorded; no choice is linked to a member.',
        'Decision: Older candidate is appointed.',
      ]),
    );
    // The trustees who held the key are named; no voter is, beside a choice or anywhere else.
    const sealedBox =
      'Sealed ballot box, 2 of 3 trustees (The Director, Councillor 1, and Councillor 2), tally verified.';
    expect(ballot).toContain(sealedBox);
    const counted = ballot.filter((line) => line !== sealedBox).join('\n');
    for (const member of ['The Chair', ...[1, 2, 3, 5, 6].map(name)]) {
      expect(counted).not.toContain(member);
    }
  });

  test('where the service is a trustee, the minutes name it among those who held the key', () => {
    const overrides = { sealedBox: { tellers: 1, threshold: 2, director: true, service: true } };
    const ballot = section(linesOf(appointmentSitting({ overrides }).minutes('director')), '3. ');
    expect(ballot).toContain(
      'Sealed ballot box, 2 of 3 trustees (The Director, Councillor 1, and the meeting service), tally verified.',
    );
  });

  test('an appointment without an absolute majority goes to a runoff, then to the older candidate on a tie', () => {
    const s = new Sitting(sitting({ members: 9, present: 6, item: 'water' }));
    const first = s.vote({ type: 'OpenVote' }, (_m, index) =>
      index < 3 ? 'cand-old' : index < 5 ? 'cand-young' : 'cand-third',
    );
    s.vote({ type: 'OpenVote', runoffOf: first }, (_m, index) =>
      index % 2 ? 'cand-old' : 'cand-young',
    );
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain(
      'Decision: No candidate has an absolute majority: runoff between Older candidate and Younger candidate.',
    );
    expect(lines).toContainEqual(expect.stringMatching(/^Vote 2 — secret ballot, runoff \(/));
    expect(lines).toContain('Decision: Older candidate is appointed as the older candidate.');
  });

  test('an appointment nobody wins says so', () => {
    const s = new Sitting(
      sitting({
        members: 9,
        present: 6,
        item: 'water',
        overrides: {
          tieRule: { question: 'rejected', appointment: { runoff: false, tieBreak: 'none' } },
        },
      }),
    );
    s.vote({ type: 'OpenVote' }, (_m, index) => (index % 2 ? 'cand-old' : 'cand-young'));
    expect(linesOf(s.minutes('director'))).toContain('Decision: Tied vote. Nobody is appointed.');
  });

  test('an appointment without a winner and without a tie says nobody is appointed', () => {
    const s = new Sitting(
      sitting({
        members: 9,
        present: 6,
        item: 'water',
        overrides: {
          tieRule: { question: 'rejected', appointment: { runoff: false, tieBreak: 'none' } },
        },
      }),
    );
    s.vote({ type: 'OpenVote' }, (_m, index) =>
      index < 2 ? 'cand-old' : index < 3 ? 'cand-young' : index < 4 ? 'cand-third' : 'abstain',
    );
    expect(linesOf(s.minutes('director'))).toContain('Decision: Nobody is appointed.');
  });

  test('a vote in progress shows how many have voted, not what they chose', () => {
    const s = new Sitting(sitting({ members: 9, present: 6 }));
    s.do(CHAIR, { type: 'OpenVote' }, { id: 'running' });
    s.do(c(1), { type: 'CastBallot', voteId: 'running', choice: 'no' });
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain('Voting in progress: 1 of 6 members has voted.');
    expect(lines.join('\n')).not.toContain('Against');
  });

  test('a result not yet published is in the director’s copy only, marked as such', () => {
    const s = new Sitting(sitting({ members: 9, present: 6 }));
    s.vote({ type: 'OpenVote' }, () => 'no', { publish: false });
    const director = linesOf(s.minutes('director'));
    expect(director).toContain('Decision: The item is rejected.');
    expect(director).toContain('Result not yet published by the general director.');
    for (const reader of ['chair', 'councillor', 'observer', null] as const) {
      const lines = linesOf(s.minutes(reader));
      expect(lines).toContain('Vote closed; the result is not yet published.');
      expect(lines.join('\n')).not.toMatch(/Against|rejected/);
    }
  });
});

describe('minutes: closed session and readers', () => {
  /** The budget sitting, then the closed-session staff item, where councillor 5 leaves. */
  function withClosedSession(): Sitting {
    const s = budgetSitting();
    s.do(CHAIR, { type: 'NextItem' }).do(CHAIR, { type: 'NextItem' });
    s.vote({ type: 'OpenVote' }, () => 'yes');
    s.do(c(5), { type: 'CheckOut' });
    return s;
  }

  test('closed-session items come in a section of their own after the public ones', () => {
    const lines = linesOf(withClosedSession().minutes('councillor'));
    const publicAt = lines.indexOf('Public session');
    const closedAt = lines.indexOf('Closed session');
    expect(publicAt).toBeGreaterThan(-1);
    expect(closedAt).toBeGreaterThan(publicAt);
    expect(lines[closedAt + 1]).toBe('4. Staff appointment');
  });

  test('an observer’s copy has no closed-session item and does not say which closed item was under way', () => {
    for (const reader of ['observer', null] as const) {
      const minutes = withClosedSession().minutes(reader);
      const text = linesOf(minutes).join('\n');
      expect(text).not.toContain('Closed session');
      expect(text).not.toContain('Staff appointment');
      expect(text).toContain(`${name(5)} leaves the meeting`);
      expect(text).not.toMatch(new RegExp(`${name(5)} leaves the meeting \\(item`));
      expect(text).toContain('Public copy: the items handled in closed session are not included.');
      expect(text.match(/^Vote \d/gm)).toHaveLength(3);
    }
  });

  test('the observer on the roster reads what the public reads', () => {
    const s = withClosedSession();
    expect(linesOf(s.minutes('observer'))).toEqual(linesOf(s.minutes(null)));
  });
});

describe('minutes: signatures and languages', () => {
  test('the signatories are those the rules profile names, with their titles', () => {
    const signatures = (profile: 'wallonia' | 'roberts') => {
      const block = budgetSitting({ profile }).minutes('director').blocks.at(-1);
      return block?.kind === 'signatures' ? block.signatories : [];
    };
    expect(signatures('wallonia')).toEqual([
      { role: 'The Chair', name: 'The Chair' },
      { role: 'The General Director', name: 'The Director' },
    ]);
    expect(signatures('roberts')).toEqual([{ role: 'The General Director', name: 'The Director' }]);
  });

  test('a member’s title on the roster is the title they sign with', () => {
    const setup = council({ members: 9 });
    const roster = setup.roster.map((m) =>
      m.role === 'director' ? { ...m, title: 'Directrice générale' } : m,
    );
    const s = new Sitting([created({ ...setup, roster })]);
    const block = s.minutes('director').blocks.at(-1);
    expect(block?.kind === 'signatures' && block.signatories[1]).toEqual({
      role: 'Directrice générale',
      name: 'The Director',
    });
  });

  const expected: Record<Language, readonly string[]> = {
    fr: [
      'Procès-verbal',
      '7 présents',
      'Séance publique',
      'Pour',
      'Décision',
      'Approval of the minutes (fr)',
    ],
    nl: [
      'Notulen',
      '7 aanwezigen',
      'Openbare zitting',
      'Voor',
      'Besluit',
      'Approval of the minutes (nl)',
    ],
    de: [
      'Protokoll',
      '7 anwesend',
      'Öffentliche Sitzung',
      'Dafür',
      'Beschluss',
      'Approval of the minutes (de)',
    ],
    en: ['Minutes', '7 present', 'Public session', 'For', 'Decision', 'Approval of the minutes'],
  };

  test.each(languages)(
    'a meeting held in %s has its minutes in that language, whoever reads them',
    (language) => {
      const setup = { ...council({ members: 9 }), language };
      const s = new Sitting([created(setup)]);
      s.do(DIRECTOR, {
        type: 'ConveneMeeting',
        place: 'Council chamber',
        reason: 'Chamber under renovation',
      }).do(CHAIR, { type: 'OpenMeeting' });
      for (const member of [CHAIR, ...[1, 2, 3, 4, 5, 6].map(c)]) s.do(member, { type: 'CheckIn' });
      s.do(CHAIR, { type: 'NextItem' });
      s.vote({ type: 'OpenVote' }, () => 'yes');
      const minutes = s.minutes('observer');
      const text = [minutes.title, ...linesOf(minutes)].join('\n');
      for (const word of expected[language]) expect(text).toContain(word);
      expect(minutes.language).toBe(language);
    },
  );

  test('French sets a space before the colon and the semicolon', () => {
    const setup = { ...council({ members: 9 }), language: 'fr' as const };
    const s = new Sitting(
      sitting({ members: 9, present: 6 }).map((e) =>
        e.type === 'MeetingCreated' ? { ...e, setup } : e,
      ),
    );
    s.vote({ type: 'OpenVote' }, () => 'yes');
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain('Pour : 6');
    expect(lines).toContain('Suffrages exprimés : 6 ; majorité requise : 4.');
  });

  test('every language has every word of the minutes, and none is empty', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : typeof value === 'string' && value.trim().length > 0;
    const english = shape(minutesWords.en);
    for (const language of languages) expect(shape(minutesWords[language])).toEqual(english);
  });
});
