import type { MemberId } from '../roster';
import type { Meeting, TellersCeremony, Vote } from '../state';

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
 * enough of them have given their share, those who have not. Empty otherwise.
 */
export function waitingTrustees(vote: Vote): MemberId[] {
  const sealed = vote.sealed;
  if (!sealed?.aggregate || vote.status !== 'closed') return [];
  const given = Object.keys(sealed.decrypted);
  if (given.length >= sealed.threshold) return [];
  return sealed.trustees.map((t) => t.member).filter((member) => !given.includes(member));
}
