import { loadSealed, type SealedBallot } from '@council/shared/sealed';
import { createHash } from 'node:crypto';
import {
  currentCeremony,
  fold,
  type Event,
  type Command,
  type Meeting,
  type WireCommand,
} from '../../../shared/src';
import type { VoteBoard } from '../../../tab/src/api/client';
import { releaseCommand, slotOf, stepCommand } from '../../../tab/src/sealed/ceremony';
import type { Keeper, Kept } from '../../../tab/src/sealed/keeper';
import { CHAIR, DIRECTOR, councillor } from '../../shared/support/council';
import { command, given, play } from '../../shared/support/spec';

/**
 * Runs commands as `play` does, but leaves a closed sealed vote to the test: its sum and shares
 * are computed here with the real crypto, where `play` puts placeholders.
 */
export function playByHand(history: readonly Event[], ...commands: Command[]): Event[] {
  return commands.reduce<Event[]>(
    (log, next) => [...log, ...given(...log).when(next).events],
    [...history],
  );
}

/** A trustee's keeper without WebCrypto (jsdom has none): keeper.test.ts tests the sealing. */
export function memoryKeeper(): Keeper {
  const kept = new Map<string, Kept>();
  const id = (slot: object) => JSON.stringify(slot);
  return {
    recall: (slot) => Promise.resolve(kept.get(id(slot)) ?? null),
    keepFirst(slot, made) {
      if (!kept.has(id(slot))) kept.set(id(slot), made());
      return Promise.resolve(kept.get(id(slot)) as Kept);
    },
    keepShare(slot, share) {
      const found = kept.get(id(slot));
      if (!found) return Promise.reject(new Error('nothing kept'));
      kept.set(id(slot), { ...found, share });
      return Promise.resolve();
    },
    forget(slot) {
      kept.delete(id(slot));
      return Promise.resolve();
    },
  };
}

/** The tellers the tests name: the director is a trustee too, by the rules' default. */
export const TELLERS = [councillor(3), councillor(4)];
export const TRUSTEES = [DIRECTOR, ...TELLERS];

const steps = ['commit', 'deal', 'confirm'] as const;

/**
 * The key ceremony as the trustees' tabs run it (with the tab's own steps), up to `until`:
 * tellers named, then each step taken by every trustee but those `absent` from it.
 */
export async function keyed(
  history: readonly Event[],
  options: {
    readonly until?: 'named' | (typeof steps)[number];
    readonly absent?: readonly string[];
  } = {},
): Promise<{ history: Event[]; keepers: Record<string, Keeper> }> {
  const sealed = await loadSealed();
  const keepers = Object.fromEntries(TRUSTEES.map((member) => [member, memoryKeeper()]));
  let events = play([...history], command(CHAIR, { type: 'NameTellers', tellers: TELLERS }));
  const last = options.until === 'named' ? -1 : steps.indexOf(options.until ?? 'confirm');
  for (const step of steps.slice(0, last + 1)) {
    const ceremony = currentCeremony(fold(events) as Meeting);
    if (!ceremony) throw new Error('no ceremony');
    const taken: [string, WireCommand][] = [];
    for (const member of TRUSTEES.filter((m) => !options.absent?.includes(m))) {
      const slot = slotOf('meeting-1', ceremony, member);
      taken.push([
        member,
        await stepCommand(sealed, keepers[member] as Keeper, slot, ceremony, step),
      ]);
    }
    events = play(events, ...taken.map(([member, wire]) => command(member, wire)));
  }
  return { history: events, keepers };
}

/**
 * A secret vote through the sealed box, as the service runs it around the domain: ballots sealed
 * to the sitting's key (kept here, as the ballot table would), then at close their sum, the
 * shares of the first `threshold` trustees and the count.
 */
export async function sealedBox(keying: Awaited<ReturnType<typeof keyed>>) {
  const sealed = await loadSealed();
  const boxes = new Map<string, SealedBallot[]>();
  const ceremonyOf = (history: readonly Event[]) => {
    const ceremony = currentCeremony(fold(history) as Meeting);
    if (!ceremony) throw new Error('no ceremony');
    return ceremony;
  };
  const voteOf = (history: readonly Event[], voteId: string) => {
    const vote = (fold(history) as Meeting).votes[voteId];
    if (!vote) throw new Error(`no vote ${voteId}`);
    return vote;
  };
  return {
    sealed,
    /** A member's sealed ballot for `choice`, as their tab sends it. */
    ballot(history: readonly Event[], member: string, voteId: string, choice: string): Command {
      const ceremony = ceremonyOf(history);
      const vote = voteOf(history, voteId);
      const key = sealed.sittingKey(ceremony.trustees, ceremony.committed, ceremony.threshold);
      const ballot = sealed.encryptBallot(
        key.publicKey,
        { meetingId: 'meeting-1', voteId },
        vote.choices.indexOf(choice),
        vote.choices.length,
      );
      boxes.set(voteId, [...(boxes.get(voteId) ?? []), ballot]);
      return command(member, {
        type: 'CastBallot',
        voteId,
        ballot: { ...ballot, choices: [...ballot.choices] },
      });
    },
    /** The closed vote's board, as GET …/votes/:voteId/board gives it: by tracker, no one named. */
    board(voteId: string): VoteBoard {
      const ballots = (boxes.get(voteId) ?? []).map((ballot) => ({
        tracker: sealed.tracker(ballot),
        ballot,
      }));
      return { voteId, ballots: ballots.sort((x, y) => (x.tracker < y.tracker ? -1 : 1)) };
    },
    /** A ballot a tab sent, into the box. */
    received(voteId: string, ballot: SealedBallot): void {
      boxes.set(voteId, [...(boxes.get(voteId) ?? []), ballot]);
    },
    /** The closed vote's ballots added up, as the service does after its close. */
    aggregated(history: readonly Event[], voteId: string): Event[] {
      const vote = voteOf(history, voteId);
      const aggregate = sealed.aggregate(boxes.get(voteId) ?? [], vote.choices.length);
      return playByHand(
        [...history],
        command('system', {
          type: 'AggregateBallots',
          voteId,
          aggregate: { ...aggregate, ciphertexts: [...aggregate.ciphertexts] },
        }),
      );
    },
    /** Shares of the count from `by` (the first `threshold` trustees unless said), then the count. */
    async counted(
      history: readonly Event[],
      voteId: string,
      by?: readonly string[],
    ): Promise<Event[]> {
      let events = voteOf(history, voteId).sealed?.aggregate
        ? [...history]
        : this.aggregated(history, voteId);
      const ceremony = ceremonyOf(events);
      for (const member of by ?? TRUSTEES.slice(0, ceremony.threshold)) {
        const slot = slotOf('meeting-1', ceremony, member);
        const wire = await releaseCommand(
          sealed,
          keying.keepers[member] as Keeper,
          slot,
          ceremony,
          voteOf(events, voteId),
        );
        if (!wire) throw new Error(`${member} has no share`);
        events = playByHand(events, command(member, wire));
      }
      const vote = voteOf(events, voteId);
      const key = sealed.sittingKey(ceremony.trustees, ceremony.committed, ceremony.threshold);
      const counts = sealed.combine(
        key,
        vote.sealed?.aggregate ?? sealed.aggregate([], vote.choices.length),
        vote.sealed?.decrypted ?? {},
        { meetingId: 'meeting-1', voteId },
      );
      const tally = Object.fromEntries(vote.choices.map((choice, i) => [choice, counts[i] ?? 0]));
      const evidence = createHash('sha256').update(JSON.stringify(tally)).digest('hex');
      return playByHand(events, command('system', { type: 'CountVote', voteId, tally, evidence }));
    },
  };
}

/** Tellers keyed, then the secret vote `vote-1` opened on the item at hand. */
export async function secretVoteOpened(history: readonly Event[]) {
  const keying = await keyed(history);
  const box = await sealedBox(keying);
  const opened = play(keying.history, command(CHAIR, { type: 'OpenVote' }, 'vote-1'));
  return { keepers: keying.keepers, box, history: opened };
}
