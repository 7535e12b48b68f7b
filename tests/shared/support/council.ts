import {
  meetingSetupSchema,
  profileWith,
  type Command,
  type WireCommand,
  type Event,
  type MeetingSetup,
  type MeetingSetupInput,
  type ProfileId,
  type ProfileOverrides,
} from '../../../shared/src';
import { readyCeremony } from './tellers';

export const CHAIR = 'chair';
export const DIRECTOR = 'director';
export const OBSERVER = 'observer';
export const TENANT = 'tenant-1';

/** Councillor n (1-based); the chair is seat 1, so councillor n sits at seat n + 1. */
export const councillor = (n: number) => `c${n}`;

interface CouncilOptions {
  /** Members in office, the chair included. */
  readonly members?: number;
  readonly profile?: ProfileId;
  readonly overrides?: ProfileOverrides;
  readonly agenda?: MeetingSetupInput['agenda'];
  readonly mode?: MeetingSetup['mode'];
  readonly convocation?: number;
  readonly language?: MeetingSetup['language'];
}

const title = (en: string) => ({ fr: `${en} (fr)`, nl: `${en} (nl)`, de: `${en} (de)`, en });

export const defaultAgenda: MeetingSetupInput['agenda'] = [
  { id: 'minutes', title: title('Approval of the minutes'), session: 'public' },
  { id: 'budget', title: title('Budget amendment'), session: 'public', subject: 'budget' },
  {
    id: 'water',
    title: title('Representative to the water company'),
    session: 'public',
    subject: 'appointment',
    expectedVote: 'secret',
    candidates: [
      { id: 'cand-old', name: 'Older candidate', birthDate: '1950-01-01' },
      { id: 'cand-young', name: 'Younger candidate', birthDate: '1990-01-01' },
      { id: 'cand-third', name: 'Third candidate', birthDate: '1970-01-01' },
    ],
  },
  { id: 'staff', title: title('Staff appointment'), session: 'closed', subject: 'person' },
];

export function council(options: CouncilOptions = {}): MeetingSetup {
  const size = options.members ?? 49;
  const roster: MeetingSetupInput['roster'] = [
    { id: CHAIR, name: 'The Chair', role: 'chair', seat: 1, birthDate: '1960-01-01' },
    ...Array.from({ length: size - 1 }, (_, i) => ({
      id: councillor(i + 1),
      name: `Councillor ${i + 1}`,
      role: 'councillor' as const,
      seat: i + 2,
      group: i % 2 ? 'Blue' : 'Red',
      birthDate: `19${String(50 + (i % 40)).padStart(2, '0')}-06-01`,
    })),
    { id: DIRECTOR, name: 'The Director', role: 'director' },
    { id: OBSERVER, name: 'A Journalist', role: 'observer' },
  ];
  return meetingSetupSchema.parse({
    title: 'Council meeting',
    municipality: 'Testville',
    language: options.language ?? 'en',
    mode: options.mode ?? 'remote',
    tool: 'Microsoft Teams',
    scheduledStart: '2026-11-23T19:30:00+01:00',
    convocation: options.convocation ?? 1,
    roster,
    agenda: options.agenda ?? defaultAgenda,
    rules: { profile: options.profile ?? 'wallonia', overrides: options.overrides ?? {} },
  });
}

let tick = 0;
/** A clock for tests: each call is one second after the previous. */
export function nextTime(): string {
  tick += 1;
  return new Date(Date.UTC(2026, 10, 23, 18, 30, 0) + tick * 1000).toISOString();
}

const stampOf = (by: string) => ({ at: nextTime(), by });

export const created = (setup: MeetingSetup = council()): Event => ({
  type: 'MeetingCreated',
  meetingId: 'meeting-1',
  setup,
  ...stampOf(DIRECTOR),
});
export const convened = (): Event => ({ type: 'MeetingConvened', ...stampOf(DIRECTOR) });
export const opened = (): Event => ({ type: 'MeetingOpened', ...stampOf(CHAIR) });
export const checkedIn = (member: string): Event => ({
  type: 'MemberCheckedIn',
  member,
  ...stampOf(member),
});
export const itemTakenUp = (itemId: string): Event => ({
  type: 'ItemTakenUp',
  itemId,
  ...stampOf(CHAIR),
});

/** The first `count` members in office, the chair first. */
export function firstMembers(count: number): string[] {
  return [CHAIR, ...Array.from({ length: count - 1 }, (_, i) => councillor(i + 1))];
}

/** The service's stamp on a command the support issues: who, when and a fresh id. */
const issued = (by: string, wire: WireCommand): Command => ({
  ...wire,
  by,
  at: nextTime(),
  newId: `tellers-${tick}`,
});

/** The first councillors as the tellers the rules ask for, their ceremony done: a secret ballot may open. */
export function tellersNamed(history: readonly Event[], options: CouncilOptions = {}): Event[] {
  const rule = profileWith(options.profile ?? 'wallonia', options.overrides).sealedBox.value;
  if ((options.members ?? 49) <= rule.tellers) return [];
  const tellers = Array.from({ length: rule.tellers }, (_, i) => councillor(i + 1));
  return readyCeremony(history, tellers, issued);
}

/**
 * An open meeting on `item` with the first `present` members checked in, and its sealed ballot box
 * ready (the director and two tellers) unless `tellers` is false.
 */
export function sitting(
  options: CouncilOptions & { present?: number; item?: string | null; tellers?: boolean } = {},
): Event[] {
  const present = options.present ?? 25;
  const item = options.item === undefined ? 'minutes' : options.item;
  const open = [created(council(options)), convened(), opened()];
  return [
    ...open,
    ...(options.tellers === false ? [] : tellersNamed(open, options)),
    ...firstMembers(present).map(checkedIn),
    ...(item ? [itemTakenUp(item)] : []),
  ];
}

/** The approval of the previous sitting's minutes, sealed as `sealed` (issue 16 item 7). */
export const minutesApproval = (
  sealed: string,
  title: Readonly<Record<string, string>> = { en: 'Approval of the minutes' },
) => ({
  id: 'minutes',
  title,
  session: 'public' as const,
  subject: 'minutesApproval' as const,
  previousSitting: '2026-11-05',
  previousMinutes: sealed,
});
