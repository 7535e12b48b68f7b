import { ABSTAIN, type CouncilFile, type Language } from '@council/shared';
import type { Channels, CouncilApi } from './client';
import { Sitting, type Choose, type Seat, type ScriptClock } from './sitting';

/**
 * Who is where in the sample sitting of the demo council (seats of `bot/fixtures/council-demo.json`):
 * seat 12 arrives during item 2, seat 30 leaves before item 4, two are excused and four absent.
 * During the first vote on item 4 the groups against the tax walk out, quorum is lost and the vote
 * is void; they come back and the vote is held again. Seat 20 has a conflict of interest on item 6.
 * Seats 8 and 19, the youngest present at the opening, are the tellers who count the secret ballots
 * with the director.
 */
export const sampleCast = {
  lateArrival: 12,
  earlyDeparture: 30,
  excused: [46, 47],
  absent: [44, 45, 48, 49],
  walkOut: ['Groupe Bleu', 'Groupe Orange', 'Groupe Violet'],
  conflicted: 20,
  tellers: [8, 19],
} as const;

/** How each political group votes on each question of the sample sitting. */
const groupVotes = {
  minutes: { 'Groupe Violet': 'abstain' },
  amendment: { 'Groupe Rouge': 'no', 'Groupe Bleu': 'no' },
  budget: { 'Groupe Bleu': 'no', 'Groupe Violet': 'abstain' },
  tax: { 'Groupe Bleu': 'no', 'Groupe Orange': 'no', 'Groupe Violet': 'abstain' },
  postOffice: { 'Groupe Bleu': 'abstain' },
} as const satisfies Record<string, Record<string, string>>;

function byGroup(votes: Readonly<Record<string, string>>): Choose {
  return (seat: Seat) => votes[seat.group ?? ''] ?? 'yes';
}

type SampleText = 'title' | 'budget' | 'amendment' | 'postOffice' | 'withdrawal';

/** What members write in the sample sitting, in the meeting's language. */
const sampleTexts: Readonly<Record<Language, Readonly<Record<SampleText, string>>>> = {
  fr: {
    title: 'Conseil communal — séance du 23 novembre 2026',
    budget:
      'Le conseil approuve la modification budgétaire n°2 de l’exercice 2026 telle que présentée par le collège.',
    amendment:
      'Le conseil approuve la modification budgétaire n°2 de l’exercice 2026, en affectant 50 000 € supplémentaires à l’isolation des écoles.',
    postOffice:
      'Le conseil communal demande à bpost de maintenir le bureau de poste du quartier Nord.',
    withdrawal: 'Le dossier est incomplet : l’avis du directeur financier manque.',
  },
  nl: {
    title: 'Gemeenteraad — zitting van 23 november 2026',
    budget:
      'De raad keurt de begrotingswijziging nr. 2 van het dienstjaar 2026 goed zoals voorgesteld door het college.',
    amendment:
      'De raad keurt de begrotingswijziging nr. 2 van het dienstjaar 2026 goed en wijst 50 000 € extra toe aan de isolatie van de scholen.',
    postOffice: 'De gemeenteraad vraagt bpost het postkantoor in de Noordwijk te behouden.',
    withdrawal: 'Het dossier is onvolledig: het advies van de financieel directeur ontbreekt.',
  },
  de: {
    title: 'Gemeinderat — Sitzung vom 23. November 2026',
    budget:
      'Der Rat genehmigt die Haushaltsänderung Nr. 2 des Haushaltsjahres 2026, wie vom Gemeindekollegium vorgelegt.',
    amendment:
      'Der Rat genehmigt die Haushaltsänderung Nr. 2 des Haushaltsjahres 2026 und weist der Dämmung der Schulen zusätzlich 50 000 € zu.',
    postOffice: 'Der Gemeinderat fordert bpost auf, das Postamt im Nordviertel zu erhalten.',
    withdrawal: 'Die Akte ist unvollständig: die Stellungnahme des Finanzdirektors fehlt.',
  },
  en: {
    title: 'Municipal council — meeting of 23 November 2026',
    budget:
      'The council approves budget amendment no. 2 for the 2026 financial year as presented by the college.',
    amendment:
      'The council approves budget amendment no. 2 for the 2026 financial year, allocating an additional €50,000 to insulating the schools.',
    postOffice: 'The municipal council asks bpost to keep the North district post office open.',
    withdrawal: 'The file is incomplete: the financial director’s opinion is missing.',
  },
};

/** The demo council meeting in another of the app's languages, for a city that speaks it. */
export function sampleCouncil(file: CouncilFile, language: Language): CouncilFile {
  return {
    ...file,
    municipality: { ...file.municipality, language },
    meeting: { ...file.meeting, title: sampleTexts[language].title },
  };
}

type ItemScript = (s: Sitting) => Promise<void>;

/** 1. Approval of the minutes of the previous meeting: a named vote on the item itself. */
const previousMinutes: ItemScript = async (s) => {
  await s.nextItem();
  s.pause(2);
  await s.vote({ type: 'OpenVote' }, byGroup(groupVotes.minutes));
};

/** 2. Budget amendment: a late arrival, a debate (a point of order goes first), a motion and an amendment. */
const budgetAmendment: ItemScript = async (s) => {
  await s.nextItem();
  await s.checkIn([s.seat(sampleCast.lateArrival)]);
  await s.debate(
    [
      [s.seat(2), 'contribution'],
      [s.seat(3), 'contribution'],
      [s.seat(4), 'pointOfOrder'],
    ],
    { by: s.seat(6), duringSpeech: 2 },
  );
  const texts = sampleTexts[s.language];
  const budget = await s.motionBy(s.seat(6), texts.budget);
  await s.do(s.seat(11), { type: 'SecondMotion', motionId: budget });
  const amendment = await s.motionBy(s.seat(3), texts.amendment, budget);
  s.pause(4);
  await s.vote({ type: 'OpenVote', motionId: amendment }, byGroup(groupVotes.amendment));
  await s.vote({ type: 'OpenVote', motionId: budget }, byGroup(groupVotes.budget));
};

/** 3. Public works: a tie. The chair abstains; the others alternate for and against in seat order. */
const schoolWorks: ItemScript = async (s) => {
  await s.nextItem();
  s.pause(6);
  await s.vote({ type: 'OpenVote' }, (seat, index) =>
    seat.role === 'chair' ? 'abstain' : index % 2 === 1 ? 'yes' : 'no',
  );
};

/**
 * 4. Tax regulation: a member leaves before the vote. During the vote the groups against the tax
 * walk out once the others have voted; quorum is lost (CDLD L1122-17), the chair, warned on the
 * vote's card, closes it and it is void. They come back and the vote is held again.
 */
const vacantBuildingsTax: ItemScript = async (s) => {
  await s.nextItem();
  await s.checkOut([s.seat(sampleCast.earlyDeparture)]);
  s.pause(5);
  const opponents = new Set(s.groups(sampleCast.walkOut).map((p) => p.id));
  const first = await s.openVote({ type: 'OpenVote' });
  await s.cast(first, byGroup(groupVotes.tax), (seat) => !opponents.has(seat.aadObjectId));
  const left = await s.checkOut(s.groups(sampleCast.walkOut));
  s.pause(1);
  await s.closeVote(first);
  await s.publish(first);
  s.pause(10);
  await s.checkIn(left);
  s.pause(1);
  await s.vote({ type: 'OpenVote' }, byGroup(groupVotes.tax));
};

/**
 * 5. A representative to the water company, by secret ballot between two councillors. Green and
 * Blue back Rachida Maes, Orange and Red David Collard, the Purple group splits and two Blue
 * members vote blank: a tie. The chair calls the second round from the result's card; the two
 * blank voters split, the tie holds and the older candidate is appointed (CDLD L1122-28).
 */
const waterCompany: ItemScript = async (s) => {
  await s.nextItem();
  s.pause(3);
  const collard = s.seat(4).id;
  const maes = s.seat(18).id;
  const blankInFirstRound = [2, 7];
  const backsMaes = (seat: Seat) =>
    seat.group === 'Groupe Vert' ||
    seat.group === 'Groupe Bleu' ||
    (seat.group === 'Groupe Violet' && (seat.seat ?? 0) <= 20);
  const tied = await s.vote({ type: 'OpenVote' }, (seat) =>
    blankInFirstRound.includes(seat.seat ?? 0) ? ABSTAIN : backsMaes(seat) ? maes : collard,
  );
  await s.secondRound(tied, (seat) =>
    seat.seat === blankInFirstRound[0] ? collard : backsMaes(seat) ? maes : collard,
  );
};

/**
 * 6. A motion tabled by the Green group. The member whose spouse runs the local post office
 * declares a conflict of interest beforehand: he leaves the sitting for the item and takes no part
 * in its vote (CDLD L1122-19), and comes back for the next item.
 */
const postOffice: ItemScript = async (s) => {
  await s.do(s.seat(sampleCast.conflicted), { type: 'DeclareConflict', itemId: 'item-6' });
  await s.nextItem();
  const motion = await s.motionBy(s.seat(8), sampleTexts[s.language].postOffice);
  await s.do(s.seat(18), { type: 'SecondMotion', motionId: motion });
  s.pause(4);
  await s.vote({ type: 'OpenVote', motionId: motion }, byGroup(groupVotes.postOffice));
};

/** 7. Oral questions: the floor, no vote. */
const oralQuestions: ItemScript = async (s) => {
  await s.nextItem();
  await s.debate([
    [s.seat(13), 'contribution'],
    [s.seat(9), 'contribution'],
  ]);
};

/** 8. Closed session: a permanent staff appointment, by secret ballot. */
const staffAppointment: ItemScript = async (s) => {
  await s.nextItem();
  s.pause(2);
  await s.vote({ type: 'OpenVote' }, (_seat, index, vote) => {
    const [first, second, blank] = vote.choices;
    return (index < 30 ? first : index < 40 ? second : blank) ?? '';
  });
};

/** 9. A partnership agreement whose file is incomplete: the chair withdraws it at the opening. */
const partnershipWithdrawn: ItemScript = (s) =>
  s.do(s.chair, {
    type: 'WithdrawItem',
    itemId: 'item-9',
    reason: sampleTexts[s.language].withdrawal,
  });

/** What the council does on each item of the demo council's agenda, in its order. */
const agenda: readonly ItemScript[] = [
  partnershipWithdrawn,
  previousMinutes,
  budgetAmendment,
  schoolWorks,
  vacantBuildingsTax,
  waterCompany,
  postOffice,
  oralQuestions,
  staffAppointment,
];

/** Why the demo council sits remotely, as its convocation says (Walloon AGW of 23 Sep 2021, art. 1). */
const remoteReason: Readonly<Record<Language, string>> = {
  fr: 'La salle du conseil est fermée pour travaux : la séance se tient à distance.',
  nl: 'De raadzaal is gesloten voor werken: de zitting wordt digitaal gehouden.',
  de: 'Der Ratssaal ist wegen Bauarbeiten geschlossen: die Sitzung findet virtuell statt.',
  en: 'The council chamber is closed for works: the sitting is held remotely.',
};

/** Convocation (with the items' documents attached before), arrivals and excuses, the opening and the roll call answered on the bot's card. */
async function opening(s: Sitting, council: CouncilFile, clock: ScriptClock): Promise<void> {
  const away = new Set<number>([
    ...sampleCast.absent,
    ...sampleCast.excused,
    sampleCast.lateArrival,
  ]);
  await s.do(s.director, {
    type: 'ConveneMeeting',
    reason: remoteReason[council.municipality.language],
  });
  clock.advanceTo(new Date(Date.parse(council.meeting.scheduledStart) - 15 * 60_000).toISOString());
  await s.checkIn(
    council.members.filter((m) => !away.has(m.seat ?? 0)).map((m) => s.seat(m.seat ?? 0)),
  );
  for (const seat of sampleCast.excused) {
    await s.do(s.director, { type: 'ExcuseMember', member: s.seat(seat).id });
  }
  clock.advanceTo(council.meeting.scheduledStart);
  await s.do(s.chair, { type: 'OpenMeeting' });
  await s.do(s.chair, { type: 'OpenRollCall' });
  const gathered = await s.meeting();
  for (const member of gathered.setup.roster) {
    if (gathered.attendance[member.id]?.status !== 'present') continue;
    await s.do({ id: member.id, name: member.name }, { type: 'AnswerRollCall' }, 'chat');
  }
  await s.do(s.chair, { type: 'CloseRollCall' });
  // The two youngest members present count the secret ballots with the director (house rules).
  await s.nameTellers(sampleCast.tellers.map((seat) => s.seat(seat)));
  s.pause(2);
}

/**
 * A whole sitting of the demo council, through the service as the tab and the meeting chat drive
 * it (the roll call answered, ballots cast, a second round called and a vote closed on the bot's
 * cards): convocation, arrivals, opening and roll call, debate with the speaking queue, a motion and
 * its amendment, named votes (one tied, one void for want of quorum), a secret appointment decided
 * in a second round and counted by the tellers from the sealed ballot box, a conflict of interest,
 * a closed-session item, an item withdrawn, the director publishing every result, and the closing.
 * Returns the meeting's id.
 */
export async function runSampleMeeting(
  api: CouncilApi,
  council: CouncilFile,
  channels: Channels,
  clock: ScriptClock,
): Promise<string> {
  const s = new Sitting(api, council, channels, clock);
  await s.create();
  await s.attachDocuments();
  await channels.linkChat?.(s.director, s.meetingId);
  await opening(s, council, clock);
  for (const item of agenda) await item(s);
  s.pause(2);
  await s.close();
  return s.meetingId;
}
