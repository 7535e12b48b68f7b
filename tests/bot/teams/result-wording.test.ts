import { meetingSetupSchema } from '../../../shared/src';
import { resultCard } from '../../../bot/src/teams/cards/result';
import { textsFor } from '../../../bot/src/teams/i18n';
import { CHAIR, DIRECTOR, council, councillor as c, created } from '../../shared/support/council';
import { Sitting } from '../../shared/support/minutes';
import { textOf } from '../support/teams';

/** Nine members; councillor 1 (a man) and councillor 2 (a woman) stand for an appointment. */
function appointment(winner: 'bruno' | 'chloe', language: 'fr' | 'nl') {
  const base = council({ members: 9 });
  const roster = base.roster.map((m) =>
    m.id === c(1)
      ? { ...m, name: 'Bruno Claes', gender: 'male' as const }
      : m.id === c(2)
        ? { ...m, name: 'Chloé Laurent', gender: 'female' as const }
        : m,
  );
  const agenda = [
    {
      ...base.agenda[2],
      id: 'water',
      candidates: [
        { id: 'bruno', name: 'Bruno Claes', memberId: c(1) },
        { id: 'chloe', name: 'Chloé Laurent', memberId: c(2) },
      ],
    },
  ];
  const s = new Sitting([created(meetingSetupSchema.parse({ ...base, language, roster, agenda }))]);
  s.do(DIRECTOR, {
    type: 'ConveneMeeting',
    place: 'Council chamber',
    reason: 'Chamber under renovation',
  }).do(CHAIR, { type: 'OpenMeeting' });
  for (const member of [CHAIR, c(1), c(2), c(3), c(4), c(5)]) s.do(member, { type: 'CheckIn' });
  s.do(CHAIR, { type: 'NextItem' }).nameTellers([c(3), c(4)]);
  const voteId = s.vote({ type: 'OpenVote' }, () => winner);
  const view = {
    meetingId: 'meeting-1',
    version: s.events.length,
    meeting: s.session.meeting,
    reader: 'councillor' as const,
    member: null,
    t: textsFor(language),
    language,
  };
  return textOf(resultCard(view, voteId));
}

test('the result card of an appointment agrees with the person appointed: “Élue” for a woman, “Élu” for a man', () => {
  expect(appointment('chloe', 'fr')).toContain('Élue : Chloé Laurent');
  expect(appointment('bruno', 'fr')).toContain('Élu : Bruno Claes');
  expect(appointment('chloe', 'nl')).toContain('Verkozen: Chloé Laurent');
});

test('the result card cites the appointment articles in the reader’s language, without the English notes', () => {
  const text = appointment('chloe', 'fr');
  expect(text).toContain(
    'Majorité des suffrages exprimés : majorité absolue des suffrages exprimés (CDLD L1122-26)',
  );
  expect(text).not.toMatch(/absolute majority|abstentions, blank|lecture usuelle/);
});
