import {
  ABSTAIN,
  meetingFor,
  sittingStatus,
  type Language,
  type LocalizedText,
  type Meeting,
  type Outcome,
  type Vote,
} from '@council/shared';

export type PublicStatus = 'convened' | 'open' | 'suspended' | 'closedSession' | 'closed';

export interface PublicItem {
  /** The item's number on the agenda as convened and amended. */
  readonly number: number;
  /** Null for an item in closed session: the public learns only that it is treated there. */
  readonly title: LocalizedText | null;
  readonly current: boolean;
}

export type ChoiceLabel = 'yes' | 'no' | 'abstain' | 'blank' | { readonly candidate: string };

export interface PublicCount {
  readonly choice: ChoiceLabel;
  readonly count: number;
  /** Who voted so, where the profile names them; always empty for a secret vote. */
  readonly names: readonly string[];
}

export interface PublicResult {
  readonly voteId: string;
  readonly item: { readonly number: number; readonly title: LocalizedText };
  readonly secret: boolean;
  readonly outcome: Outcome['kind'];
  readonly elected: string | null;
  readonly participation: number;
  readonly eligible: number;
  readonly counts: readonly PublicCount[];
}

/** What the public may know of a sitting, in no language yet. */
export interface PublicSitting {
  readonly municipality: string;
  readonly title: string;
  readonly language: Language;
  readonly scheduledStart: string;
  readonly livestream: string | null;
  readonly status: PublicStatus;
  readonly agenda: readonly PublicItem[];
  readonly current: PublicItem | null;
  readonly speaker: string | null;
  readonly results: readonly PublicResult[];
}

function statusOf(meeting: Meeting): PublicStatus {
  const status = sittingStatus(meeting);
  if (status === 'open' && meeting.behindClosedDoors) return 'closedSession';
  return status === 'draft' ? 'convened' : status;
}

/**
 * A named vote's names as the minutes give them (the profile's `namedVoteInMinutes`): every member's
 * choice, or only those against and abstaining; a secret vote's counts, never a name.
 */
function countsOf(
  meeting: Meeting,
  vote: Vote,
  tally: Readonly<Record<string, number>>,
  nameOf: (id: string) => string,
): PublicCount[] {
  const everyMember = meeting.profile.namedVoteInMinutes.value === 'everyMember';
  const candidates = meeting.setup.agenda.find((item) => item.id === vote.itemId)?.candidates;
  return vote.choices.map((choice) => {
    const named = !vote.secret && (everyMember || choice === 'no' || choice === ABSTAIN);
    const label: ChoiceLabel =
      choice === ABSTAIN
        ? vote.kind === 'election'
          ? 'blank'
          : 'abstain'
        : choice === 'yes' || choice === 'no'
          ? choice
          : { candidate: candidates?.find((c) => c.id === choice)?.name ?? choice };
    return {
      choice: label,
      count: tally[choice] ?? 0,
      names: named ? vote.eligible.filter((m) => vote.ballots[m] === choice).map(nameOf) : [],
    };
  });
}

/**
 * The sitting as the public sees it: the observer's view of the meeting (shared/visibility.ts, which
 * keeps every closed item out), the closed items as numbers only, and each result once published.
 */
export function publicSitting(meeting: Meeting): PublicSitting {
  const seen = meetingFor(meeting, null);
  const names = new Map(meeting.setup.roster.map((member) => [member.id, member.name]));
  const nameOf = (id: string) => names.get(id) ?? '';
  const visible = new Set(seen.setup.agenda.map((item) => item.id));
  const agenda = meeting.setup.agenda.map((item, index) => ({
    number: index + 1,
    title: visible.has(item.id) ? item.title : null,
    current: item.id === seen.currentItemId,
  }));
  const numberOf = new Map(meeting.setup.agenda.map((item, index) => [item.id, index + 1]));
  const queue = seen.currentItemId ? seen.queues[seen.currentItemId] : undefined;
  const results = Object.values(seen.votes).flatMap((vote): PublicResult[] => {
    const item = seen.setup.agenda.find((listed) => listed.id === vote.itemId);
    if (vote.status !== 'published' || !vote.result || !item) return [];
    const { outcome, tally, participation } = vote.result;
    return [
      {
        voteId: vote.id,
        item: { number: numberOf.get(item.id) ?? 0, title: item.title },
        secret: vote.secret,
        outcome: outcome.kind,
        elected:
          outcome.kind === 'elected'
            ? (item.candidates.find((c) => c.id === outcome.candidateId)?.name ?? null)
            : null,
        participation,
        eligible: vote.eligible.length,
        counts: countsOf(meeting, vote, tally, nameOf),
      },
    ];
  });
  const status = statusOf(meeting);
  return {
    municipality: meeting.setup.municipality,
    title: meeting.setup.title,
    language: meeting.setup.language,
    scheduledStart: meeting.setup.scheduledStart,
    livestream: meeting.setup.livestream ?? null,
    status,
    agenda,
    current: agenda.find((item) => item.current) ?? null,
    speaker:
      status === 'open' && queue?.status === 'speaking' ? nameOf(queue.current.member) : null,
    results,
  };
}
