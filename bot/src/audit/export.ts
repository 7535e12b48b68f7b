import {
  ABSTAIN,
  fold,
  titleIn,
  type Event,
  type Meeting,
  type Outcome,
  type Vote,
} from '@council/shared';
import type { StoredEvent } from '../store';

/** The event log as JSON Lines: one stored event per line, with its hash and the one before it. */
export function eventsJsonl(stored: readonly StoredEvent[]): string {
  return stored
    .map(({ meetingId, seq, type, data, at, prevHash, hash }) =>
      JSON.stringify({ meetingId, seq, type, data, at, prevHash, hash }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A spreadsheet must not read a cell as a formula (CSV injection): such a cell gets a leading '. */
function cell(value: string | number | boolean): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const columns = [
  'item',
  'item_title',
  'vote_id',
  'vote',
  'status',
  'outcome',
  'row',
  'choice',
  'choice_label',
  'count',
  'member_id',
  'member_name',
] as const;

type Row = Readonly<Record<(typeof columns)[number], string | number>>;

function outcomeOf(outcome: Outcome | undefined, label: (choice: string) => string): string {
  switch (outcome?.kind) {
    case undefined:
      return '';
    case 'adopted':
      return 'adopted';
    case 'rejected':
      return outcome.tie ? 'rejected (tie)' : 'rejected';
    case 'elected':
      return `elected: ${label(outcome.candidateId)}${outcome.byAge ? ' (older)' : ''}`;
    case 'runoff':
      return `runoff: ${outcome.candidateIds.map(label).join(' / ')}`;
    case 'noneElected':
      return outcome.tie ? 'none elected (tie)' : 'none elected';
    case 'void':
      return outcome.reason === 'keyLost'
        ? `void: sealed box not opened (${outcome.lost} of ${outcome.trustees} trustees' shares lost, ${outcome.threshold} needed)`
        : `void: quorum lost (${outcome.present} present, ${outcome.needed} needed)`;
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/**
 * A named vote: the total per choice, then one row per member with their choice. A secret vote:
 * the totals only, from the ballot box's count; no row names a member.
 */
function voteRows(meeting: Meeting, vote: Vote): Row[] {
  const item = meeting.setup.agenda.find((i) => i.id === vote.itemId);
  const names = new Map(meeting.setup.roster.map((m) => [m.id, m.name]));
  const label = (choice: string) =>
    choice === ABSTAIN
      ? vote.kind === 'election'
        ? 'blank'
        : 'abstain'
      : (item?.candidates.find((c) => c.id === choice)?.name ?? choice);
  const common = {
    item: item ? meeting.setup.agenda.indexOf(item) + 1 : '',
    item_title: item ? titleIn(item, meeting.setup.language, meeting.setup.language) : '',
    vote_id: vote.id,
    vote: vote.secret ? 'secret' : 'named',
    status: vote.status,
    outcome: outcomeOf(vote.result?.outcome, label),
  };
  const totals = vote.choices.map((choice) => ({
    ...common,
    row: 'total',
    choice,
    choice_label: label(choice),
    count: vote.result ? (vote.result.tally[choice] ?? 0) : '',
    member_id: '',
    member_name: '',
  }));
  if (vote.secret) return totals;
  const ballots = vote.eligible.flatMap((member) => {
    const choice = vote.ballots[member];
    return choice === undefined
      ? []
      : [
          {
            ...common,
            row: 'ballot',
            choice,
            choice_label: label(choice),
            count: '',
            member_id: member,
            member_name: names.get(member) ?? member,
          },
        ];
  });
  return [...totals, ...ballots];
}

/** Every vote of the meeting as CSV (RFC 4180), in the order the votes were opened. */
export function votesCsv(events: readonly Event[]): string {
  const state = fold(events);
  const rows =
    state.status === 'none' ? [] : Object.values(state.votes).flatMap((v) => voteRows(state, v));
  return [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => cell(row[column])).join(',')),
  ]
    .map((line) => `${line}\r\n`)
    .join('');
}
