/**
 * The sealed ballot box's part of the pipeline (DESIGN.md, "The secret ballot: invariants"), done
 * before a command enters its meeting's queue, so that a turn's group commit never waits for it:
 * a card's clear choice is encrypted under the vote's sitting key (by a proof worker) and dropped;
 * a tab's ballot and a trustee's share of the count are refused unless their proofs hold. A choice
 * stays in the request that brought it and nowhere else: no variable here keeps it, no log, no
 * error; it crosses to a worker and comes back as the sealed ballot only.
 */
import { ballotRefusal, type DomainError, type Meeting, type WireCommand } from '@council/shared';
import {
  loadSealed,
  type SealedBallot,
  type Sealed,
  type SittingKey,
  type VoteContext,
} from '@council/shared/sealed';
import { LRUCache } from 'lru-cache';
import type { Worker } from 'node:worker_threads';
import { createProofChecker, proofHolds, type BallotProof, type SealOrder } from './proof-checker';

export type Prepared =
  | {
      readonly ok: true;
      readonly command: WireCommand;
      /**
       * False when the state it was prepared on could not tell (the vote, or its sum, not known
       * there yet): it must be prepared again on the state it is decided on, lest a proof go
       * unchecked. What is checked otherwise holds on every later state.
       */
      readonly settled: boolean;
    }
  | { readonly ok: false; readonly error: DomainError };

const asIs = (command: WireCommand, settled = true): Prepared => ({ ok: true, command, settled });

/** A tab's ballot whose proofs are yet to be checked, here or by the proof checker. */
interface Unchecked {
  readonly ok: 'unchecked';
  readonly command: WireCommand;
  readonly proof: BallotProof;
}

const checked = ({ command }: Unchecked, valid: boolean): Prepared =>
  valid ? asIs(command) : { ok: false, error: { code: 'BALLOT_PROOF_INVALID' } };

/** A card's clear choice, to be sealed here or by a proof worker. */
interface Unsealed {
  readonly ok: 'unsealed';
  readonly voteId: string;
  readonly order: SealOrder;
}

function sealedCommand(voteId: string, ballot: SealedBallot): Prepared {
  // The wire schema's arrays are mutable, the crypto module's readonly.
  const choices = [...ballot.choices];
  return asIs({ type: 'CastBallot', voteId, ballot: { ...ballot, choices } });
}

/** One key per meeting and ceremony, a few per sitting: deriving one takes a few milliseconds. */
const HELD_KEYS = 4_000;

/** When a tab's ballot waits this long for its proof check, the checks are that far behind. */
const RETRY_AFTER_SECONDS = 2;

export function createSealing(proofChecks: {
  readonly workers: number;
  readonly queue: number;
  /** Starts a proof worker; the default is the bundled or source worker (tests crash their own). */
  readonly startWorker?: () => Worker;
  /** Hears of a worker that failed or stopped unasked. */
  readonly workerFailed?: (error: Error) => void;
}) {
  let sealed: Sealed | undefined;
  let loading: Promise<Sealed> | undefined;
  const keys = new LRUCache<string, SittingKey>({ max: HELD_KEYS });
  const proofs = createProofChecker(
    proofChecks.workers,
    (proof) => proofHolds(box(), proof),
    proofChecks.startWorker,
    proofChecks.workerFailed,
  );
  /** Whose ballot (meeting, vote, member) is in the proof checker now, to check or to seal. */
  const checking = new Set<string>();

  function box(): Sealed {
    if (!sealed) throw new Error('the sealed ballot box is used before it is loaded');
    return sealed;
  }

  /** The key of a ceremony that is ready; undefined for one that is not (yet). */
  function sittingKey(
    meetingId: string,
    meeting: Meeting,
    ceremony: number,
  ): SittingKey | undefined {
    const cached = keys.get(`${meetingId}/${ceremony}`);
    if (cached) return cached;
    const held = meeting.tellers?.find((named) => named.ceremony === ceremony);
    // One failed for lost shares was ready: its key still checks a share given by those left.
    if (!held || (held.status !== 'ready' && !held.lost?.length)) return undefined;
    const key = box().sittingKey(held.trustees, held.committed, held.threshold);
    keys.set(`${meetingId}/${ceremony}`, key);
    return key;
  }

  function sealedBallot(
    meetingId: string,
    meeting: Meeting,
    by: string,
    command: Extract<WireCommand, { type: 'CastBallot' }>,
  ): Prepared | Unchecked | Unsealed {
    const vote = meeting.votes[command.voteId];
    if (!vote) return asIs(command, false);
    // Whoever may not vote now costs no sealing and no proof check: the domain refuses them with
    // its own reason (a conflict of interest or the role come first), on the state it decides on.
    const refusal = ballotRefusal(meeting, vote.id, by);
    if (refusal && !refusal.ok) return asIs(command, false);
    // Not a secret vote, or neither a choice nor a ballot: the domain says what is wrong with it.
    if (!vote.sealed || (command.choice === undefined) === (command.ballot === undefined)) {
      return asIs(command);
    }
    const key = sittingKey(meetingId, meeting, vote.sealed.ceremony);
    if (!key) return { ok: false, error: { code: 'SEALED_BOX_NOT_READY' } };
    const context: VoteContext = { meetingId, voteId: vote.id };
    if (command.choice !== undefined) {
      const index = vote.choices.indexOf(command.choice);
      if (index < 0) return { ok: false, error: { code: 'INVALID_CHOICE' } };
      const order = { key: key.publicKey, context, choice: index, choices: vote.choices.length };
      return { ok: 'unsealed', voteId: vote.id, order };
    }
    const { ballot } = command;
    // A ballot of the wrong shape is the domain's to refuse (INVALID_BALLOT), as a closed vote is.
    if (!ballot || ballot.choices.length !== vote.choices.length || vote.status !== 'open') {
      return asIs(command);
    }
    const proof = { key: key.publicKey, context, ballot, choices: vote.choices.length };
    return { ok: 'unchecked', command, proof };
  }

  function preparedOn(
    meetingId: string,
    meeting: Meeting,
    by: string,
    command: WireCommand,
  ): Prepared | Unchecked | Unsealed {
    switch (command.type) {
      case 'CastBallot':
        return sealedBallot(meetingId, meeting, by, command);
      case 'DecryptTally':
        return checkedPartial(meetingId, meeting, by, command);
      default:
        return asIs(command);
    }
  }

  function checkedPartial(
    meetingId: string,
    meeting: Meeting,
    by: string,
    command: Extract<WireCommand, { type: 'DecryptTally' }>,
  ): Prepared {
    const vote = meeting.votes[command.voteId];
    if (!vote) return asIs(command, false);
    if (!vote.sealed) return asIs(command);
    const { aggregate } = vote.sealed;
    if (!aggregate) return asIs(command, false);
    const key = sittingKey(meetingId, meeting, vote.sealed.ceremony);
    if (!key) return { ok: false, error: { code: 'SEALED_BOX_NOT_READY' } };
    // Not a trustee of this vote: the domain refuses them.
    if (!key.trustees.some((trustee) => trustee.member === by)) return asIs(command);
    const context: VoteContext = { meetingId, voteId: vote.id };
    return box().verifyPartial(key, by, aggregate, command.partial, context)
      ? asIs(command)
      : { ok: false, error: { code: 'PARTIAL_PROOF_INVALID' } };
  }

  return {
    /** Loads the crypto module once; everything else here is synchronous after it. */
    async ready(): Promise<Sealed> {
      loading ??= loadSealed().then((loaded) => (sealed = loaded));
      return loading;
    },

    /**
     * The command as the domain may see it: a secret vote's clear choice sealed, a ballot or a
     * share of the count with a proof that holds; else the refusal. Needs `ready()` first.
     */
    prepare(meetingId: string, meeting: Meeting, by: string, command: WireCommand): Prepared {
      const prepared = preparedOn(meetingId, meeting, by, command);
      if (prepared.ok === 'unsealed') {
        const { key, context, choice, choices } = prepared.order;
        return sealedCommand(prepared.voteId, box().encryptBallot(key, context, choice, choices));
      }
      if (prepared.ok !== 'unchecked') return prepared;
      return checked(prepared, proofHolds(box(), prepared.proof));
    },

    /**
     * As `prepare`, off the event loop: a tab's ballot checked and a card's choice sealed by a
     * worker thread. A choice whose worker failed is refused (BALLOT_NOT_SEALED): nothing changed.
     */
    async prepareAhead(
      meetingId: string,
      meeting: Meeting,
      by: string,
      command: WireCommand,
    ): Promise<Prepared> {
      const prepared = preparedOn(meetingId, meeting, by, command);
      if (prepared.ok !== 'unchecked' && prepared.ok !== 'unsealed') return prepared;
      // One ballot per member and vote in the workers at a time, and a bound on the proofs to
      // check: no councillor fills the queue with forged ballots, or presses, ahead of the others'
      // (the commands' rate limit alone lets one send hundreds at once). Refused at once, nothing
      // changed; retried. A card's choices need no bound of their own: one per member and vote.
      const unchecked = prepared.ok === 'unchecked';
      const voteId = unchecked ? prepared.proof.context.voteId : prepared.voteId;
      const whose = `${meetingId} ${voteId} ${by}`;
      if (checking.has(whose) || (unchecked && proofs.waiting() >= proofChecks.queue)) {
        return {
          ok: false,
          error: { code: 'RATE_LIMITED', params: { seconds: RETRY_AFTER_SECONDS } },
        };
      }
      checking.add(whose);
      try {
        if (unchecked) return checked(prepared, await proofs.check(prepared.proof));
        const ballot = await proofs.seal(prepared.order);
        return ballot
          ? sealedCommand(voteId, ballot)
          : { ok: false, error: { code: 'BALLOT_NOT_SEALED' } };
      } finally {
        checking.delete(whose);
      }
    },

    /**
     * A secret vote just opened: its card ballots are prepared in the workers while the members
     * read the question, one per eligible member at most (the tab's voters seal their own).
     */
    prepareFor(meetingId: string, meeting: Meeting, voteId: string): void {
      const vote = meeting.votes[voteId];
      if (!vote?.sealed || vote.status !== 'open') return;
      const key = sittingKey(meetingId, meeting, vote.sealed.ceremony);
      if (!key) return;
      proofs.prepare({
        key: key.publicKey,
        choices: vote.choices.length,
        count: vote.eligible.length,
      });
    },

    /** Stops the proof checker's workers. */
    close: () => proofs.close(),

    sittingKey,

    tracker: (ballot: SealedBallot): string => box().tracker(ballot),

    box,
  };
}

export type Sealing = ReturnType<typeof createSealing>;
