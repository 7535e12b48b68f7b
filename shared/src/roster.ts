import type { MeetingSetup } from './commands';
import { memo } from './copy-on-write';

export const roles = ['chair', 'director', 'councillor', 'observer'] as const;
export type Role = (typeof roles)[number];

/** How the minutes agree a person's function and participles: échevine, désignée. */
export const genders = ['female', 'male', 'neutral'] as const;
export type Gender = (typeof genders)[number];

/** The office a member holds, as the minutes name it (Bourgmestre, Échevine, Schepen…). */
export const memberFunctions = [
  'mayor',
  'alderman',
  'cpasPresident',
  'councillor',
  'councilChair',
  'director',
] as const;
export type MemberFunction = (typeof memberFunctions)[number];

/** The service itself, for the few steps no person takes (counting a closed secret ballot box). */
export const SYSTEM = 'system';
export type Actor = Role | typeof SYSTEM;

export type MemberId = string;

/** A person of the meeting's roster; `birthDate` serves the tie rule on appointments (CDLD L1122-28). */
export type Member = MeetingSetup['roster'][number];

const rolesById = (roster: readonly Member[]) =>
  new Map(roster.map((member) => [member.id, member.role]));

/** How texts agree with a member of the roster: "Présidente", "présente". Neutral when not given. */
export function genderOf(roster: readonly Member[], id: MemberId | undefined): Gender {
  return roster.find((member) => member.id === id)?.gender ?? 'neutral';
}

export function actorOf(roster: readonly Member[], id: MemberId): Actor | null {
  if (id === SYSTEM) return SYSTEM;
  return memo(roster, rolesById).get(id) ?? null;
}

/** The chair and the councillors sit and vote; the director and observers do not. */
export function isVotingMember(member: Pick<Member, 'role'>): boolean {
  return member.role === 'chair' || member.role === 'councillor';
}

const bySeat = (roster: readonly Member[]): readonly Member[] =>
  roster
    .filter(isVotingMember)
    .sort((a, b) => (a.seat ?? Infinity) - (b.seat ?? Infinity) || a.name.localeCompare(b.name));

const directorsIn = (roster: readonly Member[]): readonly Member[] =>
  roster.filter((member) => member.role === 'director');

/** The meeting's general director (or directors): who receives the results and the minutes. */
export function directorsOf(roster: readonly Member[]): readonly Member[] {
  return memo(roster, directorsIn);
}

/** The chair and the councillors by seat, sorted once per roster (a roster never changes once made). */
export function membersInOffice(roster: readonly Member[]): readonly Member[] {
  return memo(roster, bySeat);
}
