import fc from 'fast-check';
import {
  decide,
  fold,
  permissions,
  languages,
  profileIds,
  type Command,
  type CommandType,
  type Decision,
  type Event,
  type FloorKind,
  type Meeting,
  type MeetingState,
} from '../../../shared/src';
import { CHAIR, councillor, DIRECTOR, OBSERVER } from './council';
import { meetingOf, type WireOf } from './payloads';
import { command } from './spec';
import { afterTurn, placeholderAggregate, placeholderPartial, point, sealedCast } from './tellers';

/** Everyone of a 9-member council (`council({ members: 9 })`), the service and a stranger. */
export const MEMBERS = [CHAIR, ...Array.from({ length: 8 }, (_, i) => councillor(i + 1))];
export const PEOPLE = [...MEMBERS, DIRECTOR, OBSERVER, 'system', 'stranger'];

/**
 * A meeting driven one command at a time, as the service would: seal a secret choice before
 * deciding, append the events, count the choice in the test's own box (what the trustees' shares
 * would reveal), and after each turn add up a closed sealed vote and give the trustees' shares.
 */
export class Session {
  readonly log: Event[];
  state: MeetingState;
  private readonly boxes = new Map<string, Record<string, number>>();

  constructor(history: readonly Event[]) {
    this.log = [...history];
    this.state = fold(history);
  }

  get meeting(): Meeting {
    return meetingOf(this.state);
  }

  issue(cmd: Command): Decision {
    const decision = decide(this.state, sealedCast(this.state, cmd));
    if (!decision.ok) return decision;
    this.append(decision.events);
    const ballot = decision.secretBallot;
    if (ballot && cmd.type === 'CastBallot' && cmd.choice !== undefined) {
      const box = this.boxes.get(ballot.voteId) ?? {};
      box[cmd.choice] = (box[cmd.choice] ?? 0) + 1;
      this.boxes.set(ballot.voteId, box);
    }
    this.append(afterTurn(this.state, command));
    return decision;
  }

  /** Appends events decided elsewhere (a ceremony the support ran), as the service's log would. */
  append(events: readonly Event[]): void {
    this.log.push(...events);
    this.state = fold(events, this.state);
  }

  /** The ballot box's counters for a secret vote. */
  box(voteId: string): Record<string, number> {
    return { ...this.boxes.get(voteId) };
  }
}

/** A command to be, before we know the state it meets: who issues it and which target it picks. */
export interface Intent {
  readonly type: Exclude<CommandType, 'CreateMeeting'>;
  /** Usually the role the table allows; sometimes anyone at all. */
  readonly usual: boolean;
  readonly who: number;
  readonly pick: number;
  readonly flag: boolean;
}

/** How often each command comes up in a random meeting: often the steps of a sitting, rarely its end. */
const meetingWeights: Readonly<Record<Intent['type'], number>> = {
  ReviseAgenda: 1,
  ReviseRoster: 1,
  ChooseRules: 2,
  ChooseLanguage: 1,
  ConveneMeeting: 6,
  RecordConvocationDelivery: 2,
  OpenConvocation: 1,
  AcknowledgeConvocation: 2,
  ResendConvocation: 1,
  OpenMeeting: 6,
  CloseMeeting: 1,
  NextItem: 6,
  PreviousItem: 3,
  TakeUpItem: 2,
  WithdrawItem: 1,
  PostponeItem: 1,
  MoveToClosedSession: 2,
  ProposeUrgentItem: 1,
  CheckIn: 10,
  CheckOut: 3,
  ExcuseMember: 2,
  OpenRollCall: 3,
  AnswerRollCall: 4,
  CloseRollCall: 3,
  JoinCall: 4,
  LeaveCall: 2,
  DeclareConflict: 2,
  LiftConflict: 1,
  RequestFloor: 8,
  WithdrawRequest: 3,
  MoveRequest: 3,
  GiveFloor: 5,
  EndSpeech: 3,
  ProposeMotion: 5,
  SecondMotion: 4,
  ProposeAmendment: 4,
  WithdrawMotion: 2,
  OpenVote: 8,
  CastBallot: 20,
  CloseVote: 4,
  CountVote: 6,
  PublishResult: 5,
  SuspendSitting: 1,
  ResumeSitting: 1,
  NameTellers: 1,
  CommitTrusteeKey: 1,
  DealTrusteeShares: 1,
  ConfirmTrusteeShares: 1,
  ComplainTrusteeShares: 1,
  AggregateBallots: 1,
  DecryptTally: 2,
  DeclareShareLost: 1,
  AttachDocument: 1,
  RemoveDocument: 1,
  SubmitMinutes: 1,
  ApproveMinutes: 1,
  SealMinutes: 1,
  CorrectMinutes: 1,
  PublishDocument: 1,
};

/** Intents for commands of the given types, as often as their weights say. */
export function intentsOf(
  weights: Partial<Readonly<Record<Intent['type'], number>>> = meetingWeights,
): fc.Arbitrary<Intent> {
  const types = (Object.keys(weights) as Intent['type'][]).map((type) => ({
    weight: weights[type] ?? 1,
    arbitrary: fc.constant(type),
  }));
  return fc.record({
    type: fc.oneof(...types),
    usual: fc.oneof(
      { weight: 6, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    who: fc.nat(40),
    pick: fc.nat(40),
    flag: fc.boolean(),
  });
}

/** A few dozen intents: long enough to open a meeting, vote and count. */
export function intentSequence(arb: fc.Arbitrary<Intent> = intentsOf(), maxLength = 80) {
  return fc.array(arb, { maxLength, size: 'max' });
}

const floorKinds: readonly FloorKind[] = ['contribution', 'pointOfOrder', 'reply'];

function at<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function issuerOf(intent: Intent): string {
  if (!intent.usual) return at(PEOPLE, intent.who) ?? 'stranger';
  const roles = permissions[intent.type];
  const role = at(roles, intent.who);
  switch (role) {
    case 'chair':
      return CHAIR;
    case 'councillor':
      return at(MEMBERS, intent.who) ?? CHAIR;
    case 'director':
      return DIRECTOR;
    case 'observer':
      return OBSERVER;
    case 'system':
    case undefined:
      return 'system';
    default: {
      const _exhaustive: never = role;
      return _exhaustive;
    }
  }
}

function wireOf(meeting: Meeting, intent: Intent): WireOf<Intent['type']> {
  const { pick, flag } = intent;
  const queue = meeting.currentItemId ? meeting.queues[meeting.currentItemId] : undefined;
  const requestId = at(queue?.requests ?? [], pick)?.id ?? 'no-such-request';
  const motionId = at(Object.keys(meeting.motions), pick) ?? 'no-such-motion';
  const voteId = (flag ? meeting.openVoteId : null) ?? at(Object.keys(meeting.votes), pick) ?? 'x';
  const vote = meeting.votes[voteId];
  /** Mostly the vote waiting for this step; now and then any vote at all. */
  const inStatus = (status: string) =>
    pick % 5 === 0 ? undefined : Object.values(meeting.votes).find((v) => v.status === status)?.id;
  switch (intent.type) {
    case 'ReviseAgenda':
      return { type: intent.type, agenda: meeting.setup.agenda };
    case 'ReviseRoster':
      return { type: intent.type, roster: meeting.setup.roster };
    case 'ChooseLanguage':
      return { type: intent.type, language: at(languages, pick) ?? 'fr' };
    case 'ChooseRules':
      return {
        type: intent.type,
        rules: {
          profile: at(profileIds, pick) ?? 'wallonia',
          overrides: flag ? { joiningCallIsPresence: true } : {},
        },
      };
    case 'ExcuseMember':
    case 'JoinCall':
    case 'LeaveCall':
      return { type: intent.type, member: at(MEMBERS, pick) ?? CHAIR };
    case 'DeclareConflict':
    case 'LiftConflict': {
      const itemId = at(meeting.setup.agenda, pick)?.id ?? 'no-such-item';
      const member = at(MEMBERS, pick) ?? CHAIR;
      if (intent.type === 'LiftConflict') return { type: intent.type, itemId, member };
      return flag ? { type: intent.type, itemId, member } : { type: intent.type, itemId };
    }
    case 'TakeUpItem':
    case 'WithdrawItem':
    case 'PostponeItem':
      return { type: intent.type, itemId: at(meeting.setup.agenda, pick)?.id ?? 'minutes' };
    case 'AttachDocument': {
      const itemId = at(meeting.setup.agenda, pick)?.id ?? 'minutes';
      const host = flag ? 'contoso.sharepoint.com' : 'elsewhere.example';
      return { type: intent.type, itemId, title: `File ${pick}`, url: `https://${host}/f/${pick}` };
    }
    case 'RemoveDocument': {
      const itemId = at(meeting.setup.agenda, pick)?.id ?? 'minutes';
      const documentId = meeting.documents?.[itemId]?.[0]?.id ?? 'no-such-document';
      return { type: intent.type, itemId, documentId };
    }
    case 'MoveToClosedSession':
      return flag ? { type: intent.type, because: 'person' } : { type: intent.type };
    case 'ProposeUrgentItem':
      return { type: intent.type, title: `Urgent ${pick}`, subject: 'general' };
    case 'RequestFloor':
      return { type: intent.type, kind: at(floorKinds, pick) ?? 'contribution' };
    case 'WithdrawRequest':
      return { type: intent.type, requestId };
    case 'MoveRequest':
      return { type: intent.type, requestId, position: pick % 4 };
    case 'GiveFloor':
      return flag ? { type: intent.type } : { type: intent.type, requestId };
    case 'ProposeMotion':
      return { type: intent.type, text: `Motion ${pick}` };
    case 'ProposeAmendment':
      return { type: intent.type, motionId, text: `Amendment ${pick}` };
    case 'SecondMotion':
    case 'WithdrawMotion':
      return { type: intent.type, motionId };
    case 'OpenVote': {
      const runoff = Object.values(meeting.votes).find((v) => v.result?.outcome.kind === 'runoff');
      if (runoff && flag) return { type: intent.type, runoffOf: runoff.id };
      const motion = pick % 3 === 0 ? at(Object.keys(meeting.motions), pick) : undefined;
      return {
        type: intent.type,
        ...(motion ? { motionId: motion } : {}),
        ...(pick % 4 === 1 ? { secret: flag } : {}),
      };
    }
    case 'CastBallot':
      return { type: intent.type, voteId, choice: at(vote?.choices ?? [], pick) ?? 'yes' };
    case 'CloseVote':
      return { type: intent.type, voteId: inStatus('open') ?? voteId };
    case 'CountVote':
      return { type: intent.type, voteId: inStatus('closed') ?? voteId };
    case 'PublishResult':
      return { type: intent.type, voteId: inStatus('counted') ?? voteId };
    case 'NameTellers':
      return {
        type: intent.type,
        tellers: [at(MEMBERS, pick) ?? CHAIR, at(MEMBERS, pick + 1) ?? CHAIR],
      };
    case 'CommitTrusteeKey': {
      const threshold = meeting.tellers?.at(-1)?.threshold ?? 2;
      const commitments = Array.from({ length: flag ? threshold : 1 }, (_, i) => point(i));
      return { type: intent.type, boxKey: point(pick), commitments };
    }
    case 'DealTrusteeShares': {
      const trustees = meeting.tellers?.at(-1)?.trustees ?? [];
      return {
        type: intent.type,
        shares: Object.fromEntries(
          trustees.slice(flag ? 0 : 1).map((t) => [t.member, point(pick)]),
        ),
      };
    }
    case 'ComplainTrusteeShares':
      return {
        type: intent.type,
        against: at(meeting.tellers?.at(-1)?.trustees ?? [], pick)?.member ?? CHAIR,
      };
    case 'AggregateBallots': {
      const closed = meeting.votes[inStatus('closed') ?? voteId];
      const aggregate = placeholderAggregate(
        closed?.choices.length ?? 3,
        closed?.participants.length ?? 0,
      );
      return { type: intent.type, voteId: closed?.id ?? voteId, aggregate };
    }
    case 'DecryptTally':
      return { type: intent.type, voteId, partial: placeholderPartial(vote?.choices.length ?? 3) };
    case 'DeclareShareLost':
      return {
        type: intent.type,
        ceremony: (meeting.tellers?.at(-1)?.ceremony ?? 1) + (flag ? 0 : 1),
      };
    case 'ConveneMeeting':
      // Now and then without the reason a remote sitting's convocation must give.
      return pick % 6 === 0
        ? { type: intent.type }
        : { type: intent.type, place: 'Council chamber', reason: 'Chamber under renovation' };
    case 'RecordConvocationDelivery':
      return {
        type: intent.type,
        member: at(PEOPLE, pick) ?? CHAIR,
        sending: 1 + (pick % 2),
        ...(flag ? { failure: 'notInstalled' as const } : {}),
      };
    case 'ResendConvocation':
      return { type: intent.type, member: at(PEOPLE, pick) ?? CHAIR };
    case 'SubmitMinutes':
      return {
        type: intent.type,
        seq: 1 + pick,
        pdf: minutesHash(pick),
        lastEvent: 'e'.repeat(64),
      };
    case 'ApproveMinutes': {
      const submitted = meeting.signing?.submitted;
      const pdf = flag ? minutesHash(pick) : (submitted?.pdf ?? minutesHash(pick));
      return { type: intent.type, pdf, lastEvent: submitted?.lastEvent ?? 'e'.repeat(64) };
    }
    case 'SealMinutes':
      return { type: intent.type, sealed: minutesHash(pick) };
    case 'CorrectMinutes':
      return {
        type: intent.type,
        itemId: at(meeting.setup.agenda, pick)?.id ?? 'budget',
        text: 'A correction.',
      };
    case 'PublishDocument':
      return {
        type: intent.type,
        kind: 'agenda',
        path: `/public/gent/m/agenda`,
        sha256: minutesHash(pick),
        asOf: pick,
      };
    default:
      return { type: intent.type };
  }
}

/** One of a few PDF hashes: a signatory approves the submitted one, or now and then another. */
function minutesHash(pick: number): string {
  return String(pick % 3).repeat(64);
}

/** Turns an intent into a command against the current state of the session. */
export function commandOf(session: Session, intent: Intent): Command {
  const wire = wireOf(session.meeting, intent);
  const by = issuerOf(intent);
  if (wire.type === 'CountVote') {
    const tally = session.box(wire.voteId);
    // Now and then the count comes without the ballot box's counters.
    return command(by, { ...wire, ...(intent.pick % 7 === 0 ? {} : { tally }) });
  }
  return command(by, wire);
}

/** Plays intents, keeping the accepted commands; returns the session and each step taken. */
export function playIntents(history: readonly Event[], intents: readonly Intent[]) {
  const session = new Session(history);
  const steps: { command: Command; decision: Decision; before: MeetingState }[] = [];
  for (const intent of intents) {
    const before = session.state;
    const cmd = commandOf(session, intent);
    steps.push({ command: cmd, decision: session.issue(cmd), before });
  }
  return { session, steps };
}
