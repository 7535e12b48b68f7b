import {
  articlesOf,
  decisionListOf,
  languages,
  meetingSetupSchema,
  profiles,
  ruleDescription,
  type Language,
  type MeetingSetupInput,
  type Reader,
  type RuleName,
} from '../../shared/src';
import { CHAIR, DIRECTOR, council, councillor as c, created } from './support/council';
import { linesOf, section, Sitting } from './support/minutes';
import { command, given } from './support/spec';

/** The people of a Walloon council as its secretariat names them. */
const people: Record<string, Partial<MeetingSetupInput['roster'][number]>> = {
  [CHAIR]: { name: 'Amélie Lambert', title: 'Mme', gender: 'female', function: 'mayor' },
  [c(1)]: { name: 'Bruno Claes', title: 'M.', gender: 'male', function: 'alderman' },
  [c(2)]: { name: 'Chloé Laurent', title: 'Mme', gender: 'female', function: 'alderman' },
  [c(3)]: { name: 'Denise Piron', gender: 'female', function: 'cpasPresident' },
  [c(4)]: { name: 'Éric Dubois', gender: 'male', function: 'councillor' },
  [c(5)]: { name: 'Fanny Henrard', gender: 'female', function: 'councillor' },
  [c(6)]: { name: 'Gilles Jacquet', gender: 'male', function: 'councillor' },
  [c(7)]: { name: 'Hugo Massart', gender: 'male', function: 'councillor' },
  [c(8)]: { name: 'Inès Renard', gender: 'female', function: 'councillor' },
  [DIRECTOR]: {
    name: 'Hélène Vandersmissen',
    title: 'Mme',
    gender: 'female',
    function: 'director',
  },
};

const draft = {
  fr: {
    recitals: [
      'Vu le Code de la démocratie locale et de la décentralisation ;',
      'Considérant que le budget doit être adapté ;',
    ],
    articles: ['Le budget est modifié comme suit.', 'La présente délibération est transmise.'],
  },
  nl: {
    recitals: ['Gelet op het Decreet over het Lokaal Bestuur;', 'Overwegende dat …;'],
    articles: ['De begroting wordt gewijzigd.', 'Dit besluit wordt bezorgd.'],
  },
};

const same = (text: string) => ({ fr: text, nl: text, de: text, en: text });

/** Nine members in office in `language`: approval of the minutes, the budget, an appointment. */
function setupIn(language: 'fr' | 'nl', profile: 'wallonia' | 'flanders' = 'wallonia') {
  const base = council({ members: 9, profile });
  const agenda: MeetingSetupInput['agenda'] = [
    {
      id: 'minutes',
      title: same(language === 'fr' ? 'Procès-verbal' : 'Notulen'),
      session: 'public',
      subject: 'minutesApproval',
      previousSitting: '2026-11-12',
    },
    {
      id: 'budget',
      title: same(language === 'fr' ? 'Budget' : 'Begroting'),
      session: 'public',
      subject: 'budget',
      deliberation: draft[language],
    },
    {
      id: 'water',
      title: same(language === 'fr' ? 'Intercommunale' : 'Intercommunale'),
      session: 'public',
      subject: 'appointment',
      expectedVote: 'secret',
      candidates: [
        { id: 'cand-bruno', name: 'Bruno Claes', memberId: c(1), birthDate: '1960-01-01' },
        { id: 'cand-chloe', name: 'Chloé Laurent', memberId: c(2), birthDate: '1970-01-01' },
      ],
    },
  ];
  const roster = base.roster
    .filter((m) => m.role !== 'observer')
    .map((m) => ({ ...m, ...people[m.id] }));
  return meetingSetupSchema.parse({ ...base, language, roster, agenda });
}

/** Everyone but councillor 8 checks in; councillor 8 is excused; the minutes are approved. */
function sittingIn(language: 'fr' | 'nl', profile?: 'wallonia' | 'flanders'): Sitting {
  const s = new Sitting([created(setupIn(language, profile))]);
  s.do(DIRECTOR, {
    type: 'ConveneMeeting',
    place: 'Council chamber',
    reason: 'Chamber under renovation',
  }).do(CHAIR, { type: 'OpenMeeting' });
  s.nameTellers([c(1), c(2)]);
  s.do(DIRECTOR, { type: 'ExcuseMember', member: c(8) });
  for (const member of [CHAIR, c(1), c(2), c(3), c(4), c(5), c(6)]) {
    s.do(member, { type: 'CheckIn' });
  }
  s.do(CHAIR, { type: 'NextItem' });
  s.vote({ type: 'OpenVote' }, () => 'yes');
  s.do(CHAIR, { type: 'NextItem' });
  return s;
}

/** The budget motion, amended on its second article and by a free text, then adopted. */
function amendedBudget(language: 'fr' | 'nl'): Sitting {
  const s = sittingIn(language);
  s.do(c(1), { type: 'ProposeMotion', text: 'Adopter le projet' }, { id: 'budget-motion' });
  const amend = (id: string, text: string, article?: number) =>
    s.do(
      c(3),
      {
        type: 'ProposeAmendment',
        motionId: 'budget-motion',
        text,
        ...(article ? { article } : {}),
      },
      { id },
    );
  amend('art-2', 'La présente délibération est transmise au Gouvernement wallon.', 2);
  amend('free', 'Un rapport est présenté au conseil dans six mois.');
  amend('art-1', 'Le budget est supprimé.', 1);
  s.vote({ type: 'OpenVote', motionId: 'art-2' }, () => 'yes');
  s.vote({ type: 'OpenVote', motionId: 'free' }, () => 'yes');
  s.vote({ type: 'OpenVote', motionId: 'art-1' }, () => 'no');
  s.vote({ type: 'OpenVote', motionId: 'budget-motion' }, () => 'yes');
  return s;
}

/** Three for each candidate and one blank ballot: no absolute majority. */
const tiedAppointment = (_member: string, index: number) =>
  index < 3 ? 'cand-bruno' : index < 6 ? 'cand-chloe' : 'abstain';

const textOf = (s: Sitting) => linesOf(s.minutes('director')).join('\n');

describe('minutes rules: cited in the meeting’s language, by the articles that apply (issue 13, point 11)', () => {
  test('the minutes carry no mark of how sure a rule’s reading is', () => {
    const s = sittingIn('fr');
    s.do(CHAIR, { type: 'NextItem' });
    s.vote({ type: 'OpenVote' }, tiedAppointment);
    const fr = textOf(s);
    expect(fr).not.toMatch(/confirmé|lecture usuelle/);
    expect(textOf(sittingIn('nl', 'flanders'))).not.toMatch(/bevestigd|gangbare lezing/);
  });

  test('French and Dutch minutes hold no English rule text', () => {
    const s = sittingIn('fr');
    s.do(CHAIR, { type: 'NextItem' });
    s.vote({ type: 'OpenVote' }, tiedAppointment);
    const english = /\b(and|of the|unconfirmed|majority|votes cast|house rules|tie)\b/;
    expect(textOf(s)).not.toMatch(english);
    expect(textOf(sittingIn('nl', 'flanders'))).not.toMatch(english);
  });

  test('an appointment’s runoff cites the majority and the appointment tie articles, joined in French', () => {
    const s = sittingIn('fr');
    s.do(CHAIR, { type: 'NextItem' });
    s.vote({ type: 'OpenVote' }, tiedAppointment);
    const vote = section(linesOf(s.minutes('director')), '3. ');
    expect(vote).toContainEqual(expect.stringMatching(/^Décision : Aucun candidat .* ballottage/));
    expect(vote).toContain('Fondement : CDLD L1122-26 et L1122-28');
  });

  test('a plain question cites the majority article, not the appointment tie article, even on a tie', () => {
    const s = sittingIn('fr');
    s.vote({ type: 'OpenVote' }, (_m, index) =>
      index % 2 ? 'yes' : index === 6 ? 'abstain' : 'no',
    );
    const lines = section(linesOf(s.minutes('director')), '2. ', '3. ');
    expect(lines).toContain('Décision : Parité des voix. Le point est rejeté.');
    expect(lines).toContain('Fondement : CDLD L1122-26');
    expect(lines.join('\n')).not.toContain('L1122-28');
  });

  test('a qualified majority set by the house rules cites them in the meeting’s language', () => {
    const s = sittingIn('fr');
    s.vote({ type: 'OpenVote', threshold: '2/3' }, () => 'yes');
    const lines = section(linesOf(s.minutes('director')), '2. ', '3. ');
    expect(lines).toContain('Fondement : CDLD L1122-26 et règlement d’ordre intérieur');
  });

  test('every rule of every profile has a description in each language', () => {
    for (const profile of Object.values(profiles)) {
      for (const rule of Object.keys(profile).filter((k) => k !== 'id') as RuleName[]) {
        const texts = languages.map((language) => ruleDescription(language, profile, rule));
        for (const text of texts) expect(text.trim()).not.toBe('');
        expect(new Set(texts).size).toBeGreaterThan(1);
        expect(texts[0]).not.toBe(profile[rule].source);
      }
    }
  });

  test('a source’s articles are read without its English note', () => {
    const on = (rule: RuleName, source: string, kind: 'question' | 'appointment' = 'question') =>
      articlesOf('fr', { rule, status: 'unconfirmed', source }, kind);
    expect(on('tieRule', profiles.wallonia.tieRule.source)).toEqual(['CDLD L1122-26']);
    expect(on('tieRule', profiles.wallonia.tieRule.source, 'appointment')).toEqual([
      'CDLD L1122-26',
      'L1122-28',
    ]);
    expect(on('quorumAt', profiles.flanders.quorumAt.source)).toEqual([
      'Decreet Lokaal Bestuur art. 28 §1',
    ]);
    expect(on('closedSession', profiles.brussels.closedSession.source)).toEqual([
      'art. 93',
      'art. 94',
    ]);
    expect(on('minutesSignedBy', profiles.wallonia.minutesSignedBy.source)).toEqual([
      'CDLD L1132-3',
    ]);
  });
});

describe('minutes people: office, gender and number (issue 13, point 12)', () => {
  test('members are named with their title and office, agreed with their gender', () => {
    const lines = linesOf(sittingIn('fr').minutes('director'));
    const present = lines.find((line) => line.startsWith('7 présents : '));
    expect(present).toBe(
      '7 présents : Mme Amélie Lambert, Bourgmestre ; M. Bruno Claes, Échevin ; ' +
        'Mme Chloé Laurent, Échevine ; Denise Piron, Présidente du CPAS ; ' +
        'Éric Dubois, Conseiller communal ; Fanny Henrard, Conseillère communale ; ' +
        'Gilles Jacquet, Conseiller communal',
    );
    expect(lines).toContain('Présidence : Mme Amélie Lambert, Bourgmestre');
  });

  test('Dutch minutes name the same offices in Dutch', () => {
    const lines = linesOf(sittingIn('nl', 'flanders').minutes('director'));
    expect(lines.find((line) => line.startsWith('7 aanwezigen: '))).toContain(
      'M. Bruno Claes, Schepen; Mme Chloé Laurent, Schepen; Denise Piron, Voorzitter van het bijzonder comité voor de sociale dienst; Éric Dubois, Gemeenteraadslid',
    );
  });

  test('counts agree in number: one excused, two absent', () => {
    const s = new Sitting([created(setupIn('fr'))]);
    s.do(DIRECTOR, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    }).do(CHAIR, { type: 'OpenMeeting' });
    s.do(DIRECTOR, { type: 'ExcuseMember', member: c(8) });
    for (const member of [CHAIR, c(1), c(2), c(3), c(4), c(5)]) s.do(member, { type: 'CheckIn' });
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain('1 excusé : Inès Renard, Conseillère communale');
    expect(lines.find((l) => l.startsWith('2 absents : '))).toBeDefined();
    expect(lines.find((l) => l.startsWith('6 présents : '))).toBeDefined();
  });

  test('the general director is listed as attending without a vote', () => {
    const lines = linesOf(sittingIn('fr').minutes('director'));
    expect(lines).toContain(
      'Assiste sans voix délibérative : Mme Hélène Vandersmissen, Directrice générale',
    );
  });

  test('an appointed woman is “désignée”, an appointed man “désigné”', () => {
    const appoint = (winner: string) => {
      const s = sittingIn('fr');
      s.do(CHAIR, { type: 'NextItem' });
      s.vote({ type: 'OpenVote' }, () => winner);
      return linesOf(s.minutes('director'));
    };
    expect(appoint('cand-chloe')).toContain('Décision : Chloé Laurent est désignée.');
    expect(appoint('cand-bruno')).toContain('Décision : Bruno Claes est désigné.');
  });

  test('the signatories sign with their office, their title beside their name', () => {
    const block = sittingIn('fr').minutes('director').blocks.at(-1);
    expect(block?.kind === 'signatures' && block.signatories).toEqual([
      { role: 'Bourgmestre', name: 'Mme Amélie Lambert' },
      { role: 'Directrice générale', name: 'Mme Hélène Vandersmissen' },
    ]);
  });
});

describe('minutes deliberations: the draft decision as adopted (issue 13, point 13)', () => {
  test('an item’s draft decision is minuted with its recitals, DÉCIDE and its articles, then the vote', () => {
    const s = sittingIn('fr');
    s.vote({ type: 'OpenVote' }, () => 'yes');
    const lines = section(linesOf(s.minutes('director')), '2. ', '3. ');
    const start = lines.indexOf('Vu le Code de la démocratie locale et de la décentralisation ;');
    expect(lines.slice(start, start + 5)).toEqual([
      'Vu le Code de la démocratie locale et de la décentralisation ;',
      'Considérant que le budget doit être adapté ;',
      'DÉCIDE :',
      'Article 1er : Le budget est modifié comme suit.',
      'Article 2 : La présente délibération est transmise.',
    ]);
    expect(lines.findIndex((l) => l.startsWith('Vote 1'))).toBeGreaterThan(start);
  });

  test('in Dutch the decisive word is BESLUIT', () => {
    const s = sittingIn('nl', 'flanders');
    s.vote({ type: 'OpenVote' }, () => 'yes');
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain('BESLUIT:');
    expect(lines).toContain('Artikel 1: De begroting wordt gewijzigd.');
  });

  test('an adopted amendment replaces the article it names; a rejected one leaves its article as drafted', () => {
    const lines = linesOf(amendedBudget('fr').minutes('director'));
    expect(lines).toContain('Article 1er : Le budget est modifié comme suit.');
    expect(lines).toContain(
      'Article 2 : La présente délibération est transmise au Gouvernement wallon. (texte amendé en séance)',
    );
  });

  test('an adopted amendment to an article leaves the motion’s own text as proposed', () => {
    const s = sittingIn('fr');
    s.do(c(1), { type: 'ProposeMotion', text: 'Adopter le projet' }, { id: 'm' });
    s.do(
      c(3),
      { type: 'ProposeAmendment', motionId: 'm', text: 'Transmis.', article: 2 },
      { id: 'a' },
    );
    s.vote({ type: 'OpenVote', motionId: 'a' }, () => 'yes');
    expect(s.session.meeting.motions.m?.text).toBe('Adopter le projet');
    expect(linesOf(s.minutes('director'))).toContain(
      'Article 2 : Transmis. (texte amendé en séance)',
    );
  });

  test('an adopted amendment naming no article follows the articles, as amended', () => {
    const lines = linesOf(amendedBudget('fr').minutes('director'));
    const article2 = lines.findIndex((l) => l.startsWith('Article 2 : '));
    expect(lines[article2 + 1]).toBe(
      'Amendé en séance comme suit : « Un rapport est présenté au conseil dans six mois. »',
    );
  });

  test('the decision list gives the text as adopted, amendments applied, as the minutes do', () => {
    const s = amendedBudget('fr');
    const budget = decisionListOf(s.session.meeting, 'director').find((d) => d.itemId === 'budget');
    expect(budget).toMatchObject({ number: 2, outcome: 'adopted' });
    expect(budget?.text?.articles).toEqual([
      { n: 1, text: 'Le budget est modifié comme suit.', amended: false },
      {
        n: 2,
        text: 'La présente délibération est transmise au Gouvernement wallon.',
        amended: true,
      },
    ]);
    expect(budget?.text?.added).toEqual(['Un rapport est présenté au conseil dans six mois.']);
    const minutes = linesOf(s.minutes('director'));
    for (const article of budget?.text?.articles ?? []) {
      expect(minutes.some((line) => line.includes(article.text))).toBe(true);
    }
  });

  test('until the director publishes it, a decision is in the director’s list only', () => {
    const s = sittingIn('fr');
    s.do(c(1), { type: 'ProposeMotion', text: 'Adopter le projet' }, { id: 'm' });
    s.vote({ type: 'OpenVote', motionId: 'm' }, () => 'yes', { publish: false });
    const listed = (reader: Reader) =>
      decisionListOf(s.session.meeting, reader).map((d) => d.itemId);
    expect(listed('director')).toContain('budget');
    expect(listed('councillor')).not.toContain('budget');
    expect(listed('councillor')).toContain('minutes');
  });

  test('an amendment may not name an article the draft decision does not have', () => {
    const s = sittingIn('fr');
    s.do(c(1), { type: 'ProposeMotion', text: 'Adopter le projet' }, { id: 'm' });
    given(...s.events)
      .when(
        command(c(2), { type: 'ProposeAmendment', motionId: 'm', text: 'Article 3', article: 3 }),
      )
      .thenRefuses('ARTICLE_NOT_FOUND');
    given(...s.events)
      .when(
        command(c(2), { type: 'ProposeAmendment', motionId: 'm', text: 'Article 2', article: 2 }),
      )
      .then({ type: 'MotionProposed', amends: 'm', article: 2 });
  });

  test('an amendment naming no article carries none', () => {
    const s = sittingIn('fr');
    s.do(c(1), { type: 'ProposeMotion', text: 'Adopter le projet' }, { id: 'm' });
    s.do(c(2), { type: 'ProposeAmendment', motionId: 'm', text: 'Adopter sans l’article 2' });
    const amendment = Object.values(s.session.meeting.motions).find((m) => m.amends === 'm');
    expect(amendment).not.toHaveProperty('article');
  });
});

describe('minutes approval and the sitting’s end (issue 13, point 14)', () => {
  const approval: Record<'fr' | 'nl', string> = {
    fr: 'Décision : Le procès-verbal de la séance du 12 novembre 2026 est approuvé.',
    nl: 'Besluit: De notulen van de zitting van 12 november 2026 worden goedgekeurd.',
  };

  test.each(['fr', 'nl'] as const)(
    'the approval of the previous minutes is a decision recorded with that sitting’s date (%s)',
    (language: Language & ('fr' | 'nl')) => {
      const lines = linesOf(sittingIn(language).minutes('director'));
      expect(lines).toContain(approval[language]);
    },
  );

  test('minutes not approved say so, with the date', () => {
    const s = new Sitting([created(setupIn('fr'))]);
    s.do(DIRECTOR, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    }).do(CHAIR, { type: 'OpenMeeting' });
    for (const member of [CHAIR, c(1), c(2), c(3), c(4), c(5)]) s.do(member, { type: 'CheckIn' });
    s.do(CHAIR, { type: 'NextItem' });
    s.vote({ type: 'OpenVote' }, () => 'no');
    expect(linesOf(s.minutes('director'))).toContain(
      'Décision : Le procès-verbal de la séance du 12 novembre 2026 n’est pas approuvé.',
    );
  });

  test('the attendance records the moment quorum was lost during a vote, and the vote is void', () => {
    const s = sittingIn('fr');
    s.do(CHAIR, { type: 'OpenVote', secret: false }, { id: 'lost' });
    s.do(CHAIR, { type: 'CastBallot', voteId: 'lost', choice: 'yes' });
    s.do(c(6), { type: 'CheckOut' }, { at: '2026-11-23T19:40:00.000Z' });
    s.do(c(5), { type: 'CheckOut' }, { at: '2026-11-23T19:41:00.000Z' });
    s.do(c(4), { type: 'CheckOut' }, { at: '2026-11-23T19:42:00.000Z' });
    s.do(CHAIR, { type: 'CloseVote', voteId: 'lost' });
    s.do('system', { type: 'CountVote', voteId: 'lost' });
    s.do(DIRECTOR, { type: 'PublishResult', voteId: 'lost' });
    const lines = linesOf(s.minutes('director'));
    expect(lines).toContain('20:42 — quorum perdu : 4 membres présents, 5 requis (point 2)');
    expect(lines.indexOf('20:42 — quorum perdu : 4 membres présents, 5 requis (point 2)')).toBe(
      lines.indexOf('20:42 — Éric Dubois quitte la séance (point 2)') + 1,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^Décision : Vote nul faute de quorum/));
  });
});
