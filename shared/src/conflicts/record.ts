import type { ItemId } from '../agenda';
import type { ProfileId } from '../profiles';
import type { MemberId } from '../roster';
import type { Conflict, Meeting } from '../state';

const none: readonly Conflict[] = [];

/** The conflicts of interest recorded on an item. */
export function conflictsOn(meeting: Meeting, itemId: ItemId | null): readonly Conflict[] {
  return (itemId !== null && meeting.conflicts?.[itemId]) || none;
}

export function inConflict(meeting: Meeting, itemId: ItemId | null, member: MemberId): boolean {
  return conflictsOn(meeting, itemId).some((conflict) => conflict.member === member);
}

/** Where the rules say a member in conflict leaves the room for the item (CDLD L1122-19 1°). */
export function leavesRoom(meeting: Meeting): boolean {
  return meeting.profile.conflictOfInterest.value.leavesRoom;
}

/** The article each region's refusals and minutes cite. */
export const conflictArticle: Readonly<Record<ProfileId, string>> = {
  wallonia: 'CDLD L1122-19',
  flanders: 'DLB art. 27',
  brussels: 'NLC art. 92',
  roberts: 'RONR',
};

export function articleOf(meeting: Meeting): string {
  return conflictArticle[meeting.profile.id];
}
