import {
  dealCommand,
  receivedCommand,
  sealingCeremony,
  tallyShareCommand,
  type Meeting,
  type TellersCeremony,
  type WireCommand,
} from '@council/shared';
import { loadSealed, type Sealed, type Scalar, type TrusteeSecret } from '@council/shared/sealed';
import type { CouncilApi, Person } from './client';

/** How long a trustee's tab waits before following the meeting again when its stream ends. */
const RECONNECT_MS = 100;

/**
 * What a trustee's tab keeps in memory between steps: the secret of each ceremony it took part in,
 * then its share of that ceremony's key. Never sent anywhere in clear.
 */
export interface Keeping {
  readonly secrets: Map<number, TrusteeSecret>;
  readonly shares: Map<number, Scalar>;
  /** Steps already taken, so a refused one is not tried again. */
  readonly taken: Set<string>;
}

/** The trustee's next step of the key ceremony, if the current one awaits them. */
function ceremonyStep(
  sealed: Sealed,
  ceremony: TellersCeremony,
  member: string,
  kept: Keeping,
): WireCommand | undefined {
  const me = ceremony.trustees.find((t) => t.member === member);
  if (!me) return undefined;
  const secret = kept.secrets.get(ceremony.ceremony);
  switch (ceremony.status) {
    case 'committing': {
      // A secret kept means this tab committed already: a second key would orphan the first.
      if (ceremony.committed[member] || secret) return undefined;
      const trustee = sealed.newTrustee(ceremony.threshold);
      kept.secrets.set(ceremony.ceremony, trustee.secret);
      return { type: 'CommitTrusteeKey', ...trustee.commitment };
    }
    case 'dealing': {
      if (ceremony.dealt[member] || !secret) return undefined;
      return dealCommand(sealed, ceremony, me, secret);
    }
    case 'confirming': {
      if (ceremony.ready.includes(member) || !secret) return undefined;
      const received = receivedCommand(sealed, ceremony, me, secret);
      if (received.share) kept.shares.set(ceremony.ceremony, received.share);
      return received.command;
    }
    case 'ready':
    case 'failed':
      return undefined;
  }
}

/** The trustee's share of the count of a closed secret vote whose ballots were added up. */
function countingStep(
  sealed: Sealed,
  meeting: Meeting,
  member: string,
  kept: Keeping,
): WireCommand | undefined {
  for (const vote of Object.values(meeting.votes)) {
    const box = vote.sealed;
    // Others' shares read as empty until publication; whose are in is what matters here.
    if (vote.status !== 'closed' || !box?.aggregate || box.decrypted[member]) continue;
    const share = kept.shares.get(box.ceremony);
    const me = sealingCeremony(meeting, vote)?.trustees.find((t) => t.member === member);
    if (share === undefined || !me || kept.taken.has(`DecryptTally ${vote.id}`)) continue;
    return tallyShareCommand(sealed, meeting.id, vote, me, share);
  }
  return undefined;
}

/** The events of members voting: nothing in them is a trustee's to act on. */
const ballotEvents = /^data: .*"type":"Ballot(Cast|Changed|Recorded)"/;

/**
 * Whether the stream's next chunk holds anything but ballots' events (a heartbeat, another event,
 * or a frame not whole yet, to be safe): frames are read whole across chunks.
 */
function framesWorthALook(): (chunk: Uint8Array) => boolean {
  const text = new TextDecoder();
  let pending = '';
  return (chunk) => {
    const frames = (pending + text.decode(chunk, { stream: true })).split('\n\n');
    pending = frames.pop() ?? '';
    return (
      pending !== '' || frames.some((frame) => !ballotEvents.test(frame.split('\n').at(-1) ?? ''))
    );
  };
}

/** A step taken once: the ceremony's steps once per ceremony, the count's once per vote. */
const stepKey = (command: WireCommand, ceremony: number | undefined) =>
  command.type === 'DecryptTally'
    ? `DecryptTally ${command.voteId}`
    : `${command.type} ${ceremony ?? ''}`;

/** How long one waits for the ceremony's end or a count before saying what the service refused. */
const WAIT_MS = 30_000;

export interface Tellers {
  /** Resolves once the current ceremony is ready; rejects if it failed. */
  ready(): Promise<void>;
  /** Resolves once the service has counted the vote from the trustees' shares (as the director's tab sees). */
  counted(voteId: string): Promise<void>;
  /** From now on this trustee's tab takes part in the counts (again); they all do unless `absent`. */
  arrive(member: string): void;
  /** What the service refused the tabs, for a test to show (no secret in them: shares are sealed). */
  readonly refusals: readonly string[];
  /** What each trustee's tab keeps, by member: tabs opened again (on a restarted service) go on with it. */
  readonly kept: ReadonlyMap<string, Keeping>;
  /** Closes the tabs' live streams. */
  stop(): Promise<void>;
}

/**
 * The trustees' tabs (the director and the tellers the chair named), as a person would leave them
 * open: each follows the meeting's live stream and, on every change, takes its next step: commit
 * its key, deal its shares once all have committed, confirm once all have dealt, and decrypt its
 * share of each secret vote's count once the service has added up the ballots. Trustees named in
 * `absent` keep their share but count nothing until they `arrive`; with `kept`, the tabs go on
 * with what they kept before (the service was restarted, say).
 */
export async function startTellers(
  api: CouncilApi,
  meetingId: string,
  trustees: readonly Person[],
  options: {
    readonly absent?: readonly string[];
    readonly kept?: ReadonlyMap<string, Keeping>;
  } = {},
): Promise<Tellers> {
  const sealed = await loadSealed();
  const stop = new AbortController();
  const absent = new Set(options.absent);
  const refusals: string[] = [];
  const seen: ((meeting: Meeting) => void)[] = [];

  const kept = new Map<string, Keeping>();

  const tabs = trustees.map((person) => {
    const keeping: Keeping = options.kept?.get(person.id) ?? {
      secrets: new Map(),
      shares: new Map(),
      taken: new Set(),
    };
    kept.set(person.id, keeping);
    let pending = false;
    let running: Promise<void> | undefined;

    async function step(): Promise<boolean> {
      const meeting = await api.meeting(person, meetingId);
      for (const look of [...seen]) look(meeting);
      const ceremony = meeting.tellers?.at(-1);
      const command =
        (ceremony && ceremonyStep(sealed, ceremony, person.id, keeping)) ??
        (absent.has(person.id) ? undefined : countingStep(sealed, meeting, person.id, keeping));
      const key = command && stepKey(command, ceremony?.ceremony);
      if (!command || !key || keeping.taken.has(key)) return false;
      keeping.taken.add(key);
      try {
        await api.tab.send(person, meetingId, command);
      } catch (error) {
        // The service out of reach (fetch's TypeError): the step is taken again once it is back.
        if (error instanceof TypeError) {
          keeping.taken.delete(key);
          throw error;
        }
        // Another trustee's share may have completed the count first: a tab shrugs and carries on.
        refusals.push(error instanceof Error ? error.message : String(error));
      }
      return true;
    }

    function react(): void {
      pending = true;
      running ??= (async () => {
        try {
          while (pending && !stop.signal.aborted) {
            pending = false;
            if (await step()) pending = true;
          }
        } catch (error) {
          if (!stop.signal.aborted) refusals.push(String(error));
        } finally {
          running = undefined;
        }
      })();
    }

    async function follow(): Promise<void> {
      while (!stop.signal.aborted) {
        try {
          const reader = (await api.stream(person, meetingId, stop.signal)).getReader();
          const worthALook = framesWorthALook();
          react();
          // Any message but a ballot's (an event, a heartbeat) is a reason to look at the meeting
          // again: a trustee has nothing to do while the ballots come in, and reading the whole
          // meeting after each would load the service in the middle of a burst.
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            if (worthALook(chunk.value)) react();
          }
        } catch {
          // The service is gone (or the stream was stopped): the tab is closed with it.
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }

    return { person, react, following: follow(), idle: () => running };
  });

  /** Resolves with what `settled` says of the meeting the tabs read, the first time it says it. */
  const until = <T>(settled: (meeting: Meeting) => T | undefined, waiting: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        seen.splice(seen.indexOf(look), 1);
        reject(new Error(`${waiting}; the service refused: ${refusals.join('; ') || 'nothing'}`));
      }, WAIT_MS);
      const look = (meeting: Meeting) => {
        const outcome = settled(meeting);
        if (outcome === undefined) return;
        clearTimeout(timer);
        seen.splice(seen.indexOf(look), 1);
        resolve(outcome);
      };
      seen.push(look);
      for (const tab of tabs) tab.react();
    });

  return {
    async ready() {
      const status = await until((meeting) => {
        const current = meeting.tellers?.at(-1)?.status;
        return current === 'ready' || current === 'failed' ? current : undefined;
      }, 'the key ceremony did not end');
      if (status === 'failed') throw new Error('the key ceremony failed');
    },
    async counted(voteId) {
      await until((meeting) => {
        const status = meeting.votes[voteId]?.status;
        return status === 'counted' || status === 'published' ? status : undefined;
      }, `vote ${voteId} was not counted`);
    },
    arrive(member) {
      absent.delete(member);
      for (const tab of tabs) tab.react();
    },
    refusals,
    kept,
    async stop() {
      stop.abort();
      await Promise.allSettled(
        tabs.flatMap((tab) => [tab.following, tab.idle() ?? Promise.resolve()]),
      );
    },
  };
}
