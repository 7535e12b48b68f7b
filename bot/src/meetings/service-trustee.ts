/**
 * The meeting service as one trustee of the sealed box, where the rules make it one (sealedBox
 * .service): it takes its steps of the key ceremony itself, and gives its share of a count once a
 * vote's ballots are added up and it has added them up again from the board and found the same sum.
 * Its secret and its share are kept in the database only sealed by a key outside it
 * (trustee-keys.ts); one share of k, never enough alone. Nothing it keeps is logged.
 */
import {
  countNeeds,
  currentCeremony,
  dealCommand,
  decide,
  receivedCommand,
  sealingCeremony,
  SYSTEM,
  tallyShareCommand,
  type DomainError,
  type MeetingState,
  type Meeting,
  type TellersCeremony,
  type Vote,
  type WireCommand,
} from '@council/shared';
import type {
  Aggregate,
  Scalar,
  Trustee,
  TrusteeCommitment,
  TrusteeSecret,
} from '@council/shared/sealed';
import type { Logger } from '../log';
import type { MeetingStore } from '../store';
import type { ClosedBoards } from './closed-boards';
import type { Sealing } from './sealing';
import { seal, sealWithNewKey, unseal, type TrusteeKeys } from './trustee-keys';

/** A command the service issues as its trustee, with an id that makes a retry harmless. */
export interface TrusteeStep {
  readonly commandId: string;
  readonly command: WireCommand;
}

interface Opened {
  readonly dataKey: Buffer;
  readonly secret: TrusteeSecret;
  readonly commitment: TrusteeCommitment;
  readonly share: Scalar | undefined;
}

/** What a sealed value is bound to: its meeting, its ceremony and what it is. */
const bindingOf = (meetingId: string, ceremony: number, what: 'secret' | 'share') =>
  `council-meetings/service-trustee/${meetingId}/${ceremony}/${what}`;

const pointsOf = (aggregate: Aggregate) =>
  JSON.stringify(aggregate.ciphertexts.map((ciphertext) => [ciphertext.a, ciphertext.b]));

const sameAggregate = (a: Aggregate, b: Aggregate) =>
  a.ballots === b.ballots && a.board === b.board && pointsOf(a) === pointsOf(b);

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createServiceTrustee(deps: {
  readonly keys: TrusteeKeys | undefined;
  /** Boards as the count reads them: a closed board is read once. */
  readonly store: Pick<MeetingStore, 'trusteeVault'> & Pick<ClosedBoards, 'board'>;
  readonly sealing: Sealing;
  readonly log: Logger;
}) {
  const { keys, store, sealing, log } = deps;
  const vault = store.trusteeVault;
  /** Said once per ceremony or vote: a turn that finds the same trouble says nothing new. */
  const said = new Set<string>();
  const sayOnce = (key: string, say: () => void) => {
    if (said.has(key)) return;
    said.add(key);
    say();
  };

  async function open(meetingId: string, ceremony: number): Promise<Opened | undefined> {
    const kept = await vault.recall(meetingId, ceremony);
    if (!kept) return undefined;
    try {
      if (!keys) throw new Error('no key source is configured');
      const binding = bindingOf(meetingId, ceremony, 'secret');
      const dataKey = await keys.unwrap(kept.dataKey, binding);
      const { secret, commitment } = JSON.parse(
        unseal(dataKey, kept.secret, binding).toString('utf8'),
      ) as { secret: TrusteeSecret; commitment: TrusteeCommitment };
      const share =
        kept.share === null
          ? undefined
          : unseal(dataKey, kept.share, bindingOf(meetingId, ceremony, 'share')).toString('utf8');
      return { dataKey, secret, commitment, share };
    } catch (error) {
      sayOnce(`open ${meetingId} ${ceremony}`, () => {
        log.error(
          { meetingId, ceremony, source: keys?.source, reason: reasonOf(error) },
          'the service cannot open its sealed trustee secret (not the key it was sealed with?): ' +
            'it takes no step, and the count waits for the other trustees',
        );
      });
      return undefined;
    }
  }

  /** The secret kept first (another instance's, or this one's before a crash) is the one committed. */
  async function committing(meetingId: string, ceremony: TellersCeremony) {
    if (!keys || (await vault.recall(meetingId, ceremony.ceremony))) {
      return open(meetingId, ceremony.ceremony);
    }
    const fresh = sealing.box().newTrustee(ceremony.threshold);
    const binding = bindingOf(meetingId, ceremony.ceremony, 'secret');
    const { dataKey, sealed } = await sealWithNewKey(
      keys,
      Buffer.from(JSON.stringify(fresh), 'utf8'),
      binding,
    );
    await vault.keepFirst(meetingId, ceremony.ceremony, { dataKey, secret: sealed });
    return open(meetingId, ceremony.ceremony);
  }

  async function ceremonyStep(
    meetingId: string,
    ceremony: TellersCeremony,
    me: Trustee,
  ): Promise<TrusteeStep | undefined> {
    const id = (type: WireCommand['type']) => `service-trustee:${type}:${ceremony.ceremony}`;
    switch (ceremony.status) {
      case 'committing': {
        if (ceremony.committed[SYSTEM]) return undefined;
        const opened = await committing(meetingId, ceremony);
        if (!opened) return undefined;
        const { boxKey, commitments } = opened.commitment;
        const command: WireCommand = {
          type: 'CommitTrusteeKey',
          boxKey,
          commitments: [...commitments],
        };
        return { commandId: id(command.type), command };
      }
      case 'dealing': {
        if (ceremony.dealt[SYSTEM]) return undefined;
        const opened = await open(meetingId, ceremony.ceremony);
        if (!opened) return undefined;
        const command = dealCommand(sealing.box(), ceremony, me, opened.secret);
        return { commandId: id(command.type), command };
      }
      case 'confirming': {
        if (ceremony.ready.includes(SYSTEM)) return undefined;
        const opened = await open(meetingId, ceremony.ceremony);
        if (!opened) return undefined;
        const received = receivedCommand(sealing.box(), ceremony, me, opened.secret);
        if (received.share) {
          const binding = bindingOf(meetingId, ceremony.ceremony, 'share');
          const share = seal(opened.dataKey, Buffer.from(received.share, 'utf8'), binding);
          await vault.keepShare(meetingId, ceremony.ceremony, share);
        }
        return { commandId: id(received.command.type), command: received.command };
      }
      case 'ready':
      case 'failed':
        return undefined;
      default: {
        const _exhaustive: never = ceremony.status;
        return _exhaustive;
      }
    }
  }

  /**
   * The sum on the vote is the one the board gives, over one ballot per member who took part: the
   * service decrypts nothing else (a "sum" of one ballot would open it).
   */
  async function aggregateHolds(vote: Vote, aggregate: Aggregate): Promise<boolean> {
    const board = await store.board(vote.id);
    if (board.length !== vote.participants.length) return false;
    return sameAggregate(sealing.box().aggregate(board, vote.choices.length), aggregate);
  }

  async function releaseStep(
    meetingId: string,
    meeting: Meeting,
  ): Promise<TrusteeStep | undefined> {
    for (const vote of Object.values(meeting.votes)) {
      const box = vote.sealed;
      if (vote.status !== 'closed' || !box?.aggregate || box.decrypted[SYSTEM]) continue;
      const me = sealingCeremony(meeting, vote)?.trustees.find((t) => t.member === SYSTEM);
      if (!me || !countNeeds(meeting, vote)) continue;
      if (!(await aggregateHolds(vote, box.aggregate))) {
        sayOnce(`sum ${vote.id}`, () => {
          log.error(
            { meetingId, voteId: vote.id },
            'the sum of a sealed vote is not the one its board gives: the service gives no share of it',
          );
        });
        continue;
      }
      const share = (await open(meetingId, box.ceremony))?.share;
      const command = share && tallyShareCommand(sealing.box(), meetingId, vote, me, share);
      if (command) return { commandId: `service-trustee:DecryptTally:${vote.id}`, command };
    }
    return undefined;
  }

  return {
    /** The service trustee's next step in this meeting, if it has one. */
    async next(meetingId: string, meeting: Meeting): Promise<TrusteeStep | undefined> {
      const ceremony = currentCeremony(meeting);
      const me = ceremony?.trustees.find((trustee) => trustee.member === SYSTEM);
      const step = ceremony && me ? await ceremonyStep(meetingId, ceremony, me) : undefined;
      return step ?? releaseStep(meetingId, meeting);
    },

    /**
     * Naming tellers the domain would accept, where the rules make the service a trustee, without
     * a key to seal its share: refused before anything changes.
     */
    async refusal(
      state: MeetingState,
      by: string,
      command: WireCommand,
    ): Promise<DomainError | undefined> {
      if (command.type !== 'NameTellers' || state.status === 'none') return undefined;
      if (!state.profile.sealedBox.value.service) return undefined;
      const trial = decide(state, {
        ...command,
        by,
        at: new Date(0).toISOString(),
        newId: 'trial',
      });
      if (!trial.ok) return undefined;
      try {
        if (!keys)
          throw new Error('neither SEALED_BOX_KEY_FILE nor SEALED_BOX_KEY_VAULT_URL is set');
        await keys.check();
        return undefined;
      } catch (error) {
        log.warn(
          { reason: reasonOf(error) },
          'the rules make the service a trustee, but it has no key to seal its share',
        );
        return { code: 'SERVICE_TRUSTEE_UNAVAILABLE' };
      }
    },
  };
}

export type ServiceTrustee = ReturnType<typeof createServiceTrustee>;
