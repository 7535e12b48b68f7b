import type { MemberId } from '../roster';
import type { Meeting, TellersCeremony, Vote } from '../state';

/**
 * The key ceremony that sealed a secret vote: its trustees and threshold are the vote's, whatever
 * ceremony came after. Named on the vote by number only, so there is one list of trustees to read.
 */
export function sealingCeremony(meeting: Meeting, vote: Vote): TellersCeremony | undefined {
  const number = vote.sealed?.ceremony;
  return number === undefined ? undefined : meeting.tellers?.find((c) => c.ceremony === number);
}

/** What a sealed vote's count still needs: `more` shares, from any of `from`. */
export interface CountNeeds {
  readonly more: number;
  /** The trustees who have not given a share and still can: none who declared theirs lost. */
  readonly from: readonly MemberId[];
  /** Trustees who will never give theirs: they declared their share lost. */
  readonly lost: readonly MemberId[];
}

/**
 * Once a closed vote's ballots are added up and until enough trustees have given their share,
 * what the count still needs (before the sum: every share, from every trustee who still can).
 * Null once it has enough, or when the vote is not sealed.
 */
export function countNeeds(meeting: Meeting, vote: Vote): CountNeeds | null {
  const sealed = vote.sealed;
  const ceremony = sealingCeremony(meeting, vote);
  if (!sealed || !ceremony) return null;
  const given = Object.keys(sealed.decrypted);
  const more = ceremony.threshold - given.length;
  if (more <= 0) return null;
  const lost = ceremony.lost ?? [];
  const owing = ceremony.trustees.map((t) => t.member).filter((m) => !given.includes(m));
  return {
    more,
    from: owing.filter((member) => !lost.includes(member)),
    lost: owing.filter((member) => lost.includes(member)),
  };
}
