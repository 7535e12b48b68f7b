import type { MemberId } from '../roster';
import type { Meeting, TellersCeremony, Vote } from '../state';
import { countNeeds } from './sealing-ceremony';

/** The sitting's key ceremony now: the last the chair started. */
export function currentCeremony(meeting: Meeting): TellersCeremony | undefined {
  return meeting.tellers?.at(-1);
}

/** What the chair sees: "tellers ready 2/3"; before any naming, the trustees the rules call for. */
export function tellersReady(meeting: Meeting): { ready: number; needed: number } {
  const ceremony = currentCeremony(meeting);
  if (!ceremony) {
    const rule = meeting.profile.sealedBox.value;
    return {
      ready: 0,
      needed: rule.tellers + (rule.director ? 1 : 0) + (rule.service ? 1 : 0),
    };
  }
  const ready = ceremony.status === 'failed' ? 0 : ceremony.ready.length;
  return { ready, needed: ceremony.trustees.length };
}

/**
 * The trustees a sealed vote's count still waits for: once its ballots are added up and until
 * enough of them have given their share, those who have not and still can. Empty otherwise.
 */
export function waitingTrustees(meeting: Meeting, vote: Vote): readonly MemberId[] {
  if (!vote.sealed?.aggregate || vote.status !== 'closed') return [];
  return countNeeds(meeting, vote)?.from ?? [];
}
