import type { Meeting, WireCommand } from '@council/shared';
import { isVotingMember } from '@council/shared';
import type { TextKey } from './i18n';

type Params = Readonly<Record<string, string | number>>;

/** What "conflict [item number] [member's name]" asks, or why it cannot be understood. */
export type ConflictRequest =
  | {
      readonly ok: true;
      readonly command: Extract<WireCommand, { type: 'DeclareConflict' }>;
      readonly member: string | null;
      readonly itemNumber: number;
    }
  | { readonly ok: false; readonly key: TextKey; readonly params?: Params };

const normal = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();

/** A member named in full, or by the only name that contains the words given. */
function memberNamed(meeting: Meeting, name: string): string | null {
  const wanted = normal(name);
  const members = meeting.setup.roster.filter(isVotingMember);
  const exact = members.filter((m) => normal(m.name) === wanted);
  const partial = members.filter((m) => normal(m.name).includes(wanted));
  const found = exact.length === 1 ? exact : partial;
  return found.length === 1 ? (found[0]?.id ?? null) : null;
}

/**
 * "conflict" declares the writer's own conflict on the item under discussion; "conflict 3" on
 * item 3; the chair adds a member's name to record theirs ("conflict 3 Bruno Claes").
 */
export function conflictRequest(meeting: Meeting, rest: string): ConflictRequest {
  const [, number, name = ''] = /^(\d+)?\s*(.*)$/su.exec(rest.trim()) ?? [];
  const agenda = meeting.setup.agenda;
  const index = number
    ? Number(number) - 1
    : agenda.findIndex((item) => item.id === meeting.currentItemId);
  const item = agenda[index];
  if (!item) {
    return number
      ? { ok: false, key: 'conflict.unknownItem', params: { n: number } }
      : { ok: false, key: 'agenda.none' };
  }
  const itemNumber = index + 1;
  if (!name) {
    return {
      ok: true,
      command: { type: 'DeclareConflict', itemId: item.id },
      member: null,
      itemNumber,
    };
  }
  const member = memberNamed(meeting, name);
  if (!member) {
    return { ok: false, key: 'conflict.unknownMember', params: { name: name.slice(0, 100) } };
  }
  return {
    ok: true,
    command: { type: 'DeclareConflict', itemId: item.id, member },
    member,
    itemNumber,
  };
}
