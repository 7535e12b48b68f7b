import type { ItemId } from '../agenda';
import { genderOf, type Gender } from '../roster';
import type { Meeting } from '../state';

/** The gender the roster gives a candidate who is a member: "désignée", "Élue". Neutral otherwise. */
export function genderOfCandidate(meeting: Meeting, itemId: ItemId, candidateId: string): Gender {
  const item = meeting.setup.agenda.find((i) => i.id === itemId);
  const memberId = item?.candidates.find((c) => c.id === candidateId)?.memberId;
  return genderOf(meeting.setup.roster, memberId);
}
