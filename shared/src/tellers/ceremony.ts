import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { TellersEvent } from '../events';
import { directorsOf, isVotingMember, SYSTEM, type MemberId } from '../roster';
import type { Trustee } from '../sealed/types';
import type { CeremonyStatus, Meeting, TellersCeremony } from '../state';
import { currentCeremony } from './ready';

export type TellersCommand = CommandOf<
  | 'NameTellers'
  | 'CommitTrusteeKey'
  | 'DealTrusteeShares'
  | 'ConfirmTrusteeShares'
  | 'ComplainTrusteeShares'
>;

/** A secret vote opened under the current key and not yet counted still needs its trustees. */
function secretVoteUncounted(meeting: Meeting): boolean {
  return Object.values(meeting.votes).some(
    (vote) => vote.secret && (vote.status === 'open' || vote.status === 'closed'),
  );
}

/**
 * The trustees: the roster's first director where the rules make them one, then the tellers the
 * chair named, each a distinct voting member, then the meeting service where the rules make it one
 * (never enough alone: the threshold is at least 2); indices 1..n in that order.
 */
function trusteesOf(meeting: Meeting, tellers: readonly MemberId[]): Trustee[] | Decision {
  const rule = meeting.profile.sealedBox.value;
  if (tellers.length !== rule.tellers)
    return refuse('TELLER_COUNT_WRONG', { needed: rule.tellers });
  const roster = meeting.setup.roster;
  const director = rule.director ? directorsOf(roster)[0] : undefined;
  const seen = new Set<MemberId>();
  for (const teller of tellers) {
    const member = roster.find((m) => m.id === teller);
    if (!member || !isVotingMember(member) || seen.has(teller)) {
      return refuse('TELLER_NOT_ELIGIBLE', { member: member?.name ?? teller });
    }
    seen.add(teller);
  }
  const members = [
    ...(director ? [director.id] : []),
    ...tellers,
    ...(rule.service ? [SYSTEM] : []),
  ];
  if (members.length < rule.threshold) {
    return refuse('TELLER_COUNT_WRONG', { needed: rule.threshold });
  }
  return members.map((member, i) => ({ member, index: i + 1 }));
}

function nameTellers(meeting: Meeting, command: CommandOf<'NameTellers'>): Decision {
  if (meeting.status === 'closed') return refuse('MEETING_CLOSED');
  if (meeting.status === 'draft') return refuse('MEETING_NOT_CONVENED');
  if (secretVoteUncounted(meeting)) return refuse('TELLERS_BUSY');
  const trustees = trusteesOf(meeting, command.tellers);
  if (!Array.isArray(trustees)) return trustees;
  return accept({
    type: 'TellersNamed',
    ceremony: (currentCeremony(meeting)?.ceremony ?? 0) + 1,
    trustees,
    threshold: meeting.profile.sealedBox.value.threshold,
    ...stamp(command),
  });
}

const isTrusteeOf = (ceremony: TellersCeremony, member: MemberId) =>
  ceremony.trustees.some((t) => t.member === member);

/** A trustee's step: theirs to take once, at the ceremony's step for it. */
function step(
  meeting: Meeting,
  by: MemberId,
  done: (ceremony: TellersCeremony) => boolean,
  at: CeremonyStatus,
): TellersCeremony | Decision {
  const ceremony = currentCeremony(meeting);
  if (!ceremony) return refuse('CEREMONY_OUT_OF_ORDER');
  if (!isTrusteeOf(ceremony, by)) return refuse('NOT_TRUSTEE');
  if (done(ceremony)) return refuse('TRUSTEE_STEP_DONE');
  if (ceremony.status !== at) return refuse('CEREMONY_OUT_OF_ORDER');
  return ceremony;
}

const isDecision = (value: TellersCeremony | Decision): value is Decision => 'ok' in value;

function commit(meeting: Meeting, command: CommandOf<'CommitTrusteeKey'>): Decision {
  const ceremony = step(meeting, command.by, (c) => !!c.committed[command.by], 'committing');
  if (isDecision(ceremony)) return ceremony;
  if (command.commitments.length !== ceremony.threshold) {
    return refuse('INVALID_COMMITMENTS', { needed: ceremony.threshold });
  }
  return accept({
    type: 'TrusteeCommitted',
    ceremony: ceremony.ceremony,
    trustee: command.by,
    commitment: { boxKey: command.boxKey, commitments: command.commitments },
    ...stamp(command),
  });
}

function deal(meeting: Meeting, command: CommandOf<'DealTrusteeShares'>): Decision {
  const ceremony = step(meeting, command.by, (c) => !!c.dealt[command.by], 'dealing');
  if (isDecision(ceremony)) return ceremony;
  const others = ceremony.trustees.map((t) => t.member).filter((m) => m !== command.by);
  const to = Object.keys(command.shares);
  if (to.length !== others.length || !others.every((m) => m in command.shares)) {
    return refuse('INVALID_DEALT_SHARES');
  }
  return accept({
    type: 'TrusteeSharesDealt',
    ceremony: ceremony.ceremony,
    trustee: command.by,
    dealt: { shares: command.shares },
    ...stamp(command),
  });
}

const hasConfirmed = (by: MemberId) => (c: TellersCeremony) => c.ready.includes(by);

function confirm(meeting: Meeting, command: CommandOf<'ConfirmTrusteeShares'>): Decision {
  const ceremony = step(meeting, command.by, hasConfirmed(command.by), 'confirming');
  if (isDecision(ceremony)) return ceremony;
  return accept({
    type: 'TrusteeReady',
    ceremony: ceremony.ceremony,
    trustee: command.by,
    ...stamp(command),
  });
}

/** A share that does not match its dealer's commitments fails the ceremony: the chair names again. */
function complain(meeting: Meeting, command: CommandOf<'ComplainTrusteeShares'>): Decision {
  const ceremony = step(meeting, command.by, hasConfirmed(command.by), 'confirming');
  if (isDecision(ceremony)) return ceremony;
  if (command.against === command.by || !isTrusteeOf(ceremony, command.against)) {
    return refuse('NOT_TRUSTEE');
  }
  return accept({
    type: 'TrusteeShareDisputed',
    ceremony: ceremony.ceremony,
    trustee: command.by,
    against: command.against,
    ...stamp(command),
  });
}

export function decideTellers(meeting: Meeting, command: TellersCommand): Decision {
  switch (command.type) {
    case 'NameTellers':
      return nameTellers(meeting, command);
    case 'CommitTrusteeKey':
      return commit(meeting, command);
    case 'DealTrusteeShares':
      return deal(meeting, command);
    case 'ConfirmTrusteeShares':
      return confirm(meeting, command);
    case 'ComplainTrusteeShares':
      return complain(meeting, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

const nextStatus: Partial<Record<CeremonyStatus, CeremonyStatus>> = {
  committing: 'dealing',
  dealing: 'confirming',
  confirming: 'ready',
};

function tookStep(ceremony: TellersCeremony, member: MemberId): boolean {
  switch (ceremony.status) {
    case 'committing':
      return member in ceremony.committed;
    case 'dealing':
      return member in ceremony.dealt;
    case 'confirming':
      return ceremony.ready.includes(member);
    default:
      return false;
  }
}

/** The ceremony moves on when every trustee has taken the step. */
function advanced(ceremony: TellersCeremony): TellersCeremony {
  const next = nextStatus[ceremony.status];
  if (!next || !ceremony.trustees.every((t) => tookStep(ceremony, t.member))) return ceremony;
  return { ...ceremony, status: next };
}

export function evolveTellers(meeting: Meeting, event: TellersEvent): Meeting {
  const ceremonies = meeting.tellers ?? [];
  if (event.type === 'TellersNamed') {
    const named: TellersCeremony = {
      ceremony: event.ceremony,
      trustees: event.trustees,
      threshold: event.threshold,
      committed: {},
      dealt: {},
      ready: [],
      disputed: [],
      status: 'committing',
    };
    return { ...meeting, tellers: [...ceremonies, named] };
  }
  const current = ceremonies.at(-1);
  if (current?.ceremony !== event.ceremony) return meeting;
  const changed = ((): TellersCeremony => {
    switch (event.type) {
      case 'TrusteeCommitted':
        return advanced({
          ...current,
          committed: { ...current.committed, [event.trustee]: event.commitment },
        });
      case 'TrusteeSharesDealt':
        return advanced({ ...current, dealt: { ...current.dealt, [event.trustee]: event.dealt } });
      case 'TrusteeReady':
        return advanced({ ...current, ready: [...current.ready, event.trustee] });
      case 'TrusteeShareDisputed':
        return {
          ...current,
          disputed: [...current.disputed, { trustee: event.trustee, against: event.against }],
          status: 'failed',
        };
      default: {
        const _exhaustive: never = event;
        return _exhaustive;
      }
    }
  })();
  return { ...meeting, tellers: [...ceremonies.slice(0, -1), changed] };
}
