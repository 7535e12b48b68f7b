import {
  minutesOf,
  type Event,
  type MinutesDocument,
  type Reader,
  type Vote,
  type WireCommand,
} from '../../../shared/src';
import { CHAIR, DIRECTOR } from './council';
import type { WireOf } from './payloads';
import { Session } from './session';
import { command } from './spec';
import { readyCeremony } from './tellers';

/** What the footer of every test's minutes points at. */
export const SEAL = { seq: 42, hash: 'ab'.repeat(32) };

type Choose = (member: string, index: number, vote: Vote) => string | null;

let votes = 0;

/** A meeting driven as the service drives it, counting closed votes as the service does. */
export class Sitting {
  readonly session: Session;

  /** `chair` and `director`: their ids on the roster, when it is not the test council's. */
  constructor(
    history: readonly Event[],
    private readonly people: { readonly chair: string; readonly director: string } = {
      chair: CHAIR,
      director: DIRECTOR,
    },
  ) {
    this.session = new Session(history);
  }

  get events(): Event[] {
    return this.session.log;
  }

  /** Issues a command; fails the test if the rules refuse it. */
  do(by: string, wire: WireCommand, options: { id?: string; at?: string } = {}): this {
    const cmd = command(by, wire, options.id);
    const decision = this.session.issue(options.at ? { ...cmd, at: options.at } : cmd);
    if (!decision.ok) throw new Error(`${wire.type} by ${by}: ${decision.error.code}`);
    return this;
  }

  /** The chair names `tellers` and the trustees' key ceremony completes: secret ballots may open. */
  nameTellers(tellers: readonly string[]): this {
    this.session.append(readyCeremony(this.session.log, tellers, command));
    return this;
  }

  /**
   * The chair opens a vote, each member entitled chooses (null: does not vote), the chair closes it
   * if some did not vote, the service counts it (with the tally record's hash, when given), and the
   * director publishes unless told not to.
   */
  vote(
    open: WireOf<'OpenVote'>,
    choose: Choose,
    options: { publish?: boolean; evidence?: string } = {},
  ): string {
    const voteId = `vote-${++votes}`;
    this.do(this.people.chair, open, { id: voteId });
    const vote = this.session.meeting.votes[voteId];
    if (!vote) throw new Error('the vote did not open');
    vote.eligible.forEach((member, index) => {
      const choice = choose(member, index, vote);
      if (choice !== null) this.do(member, { type: 'CastBallot', voteId, choice });
    });
    if (this.session.meeting.votes[voteId]?.status === 'open') {
      this.do(this.people.chair, { type: 'CloseVote', voteId });
    }
    const tally = vote.secret ? this.session.box(voteId) : undefined;
    const evidence = options.evidence ? { evidence: options.evidence } : {};
    this.do('system', { type: 'CountVote', voteId, ...(tally ? { tally } : {}), ...evidence });
    if (options.publish ?? true) {
      this.do(this.people.director, { type: 'PublishResult', voteId });
    }
    return voteId;
  }

  /** The minutes as `reader` has them; with `origin`, as a service at that address draws them. */
  minutes(reader: Reader, origin?: string): MinutesDocument {
    const minutes = minutesOf({ events: this.events, reader, seal: SEAL, origin });
    if (!minutes) throw new Error('no minutes');
    return minutes;
  }
}

/** The minutes as lines of plain text, the way a reader goes through them. */
export function linesOf(minutes: MinutesDocument): string[] {
  const sep = minutes.labelSeparator;
  return minutes.blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'heading':
        return [block.text];
      case 'paragraph':
        return [block.label ? `${block.label}${sep}${block.text}` : block.text];
      case 'facts':
        return block.rows.map(([label, value]) => `${label}${sep}${value}`);
      case 'list':
        return [...block.items];
      case 'signatures':
        return [
          block.closing,
          block.approval,
          block.intro,
          ...block.signatories.map((s) => `${s.role}: ${s.name}`),
        ];
    }
  });
}

/** The lines from the heading that starts with `from` up to the next line that starts with `to`. */
export function section(lines: readonly string[], from: string, to?: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(from));
  if (start === -1) throw new Error(`no line starts with ${from}`);
  const end = to ? lines.findIndex((line, i) => i > start && line.startsWith(to)) : -1;
  return lines.slice(start, end === -1 ? undefined : end);
}
