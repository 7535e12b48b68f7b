import type { Member } from './roster';

/** A name as a chair types it: "Chloe" finds "Chloé", "LAMBERT" finds "Lambert". */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The people of `among` a chair names in the chat: the one whose whole name it is, else everyone
 * whose name holds each word written, accents and case aside. Nothing for an empty name.
 */
export function membersNamed<M extends Pick<Member, 'name'>>(
  among: readonly M[],
  written: string,
): M[] {
  const words = folded(written).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const whole = words.join(' ');
  const names = among.map((member) => ({ member, name: folded(member.name) }));
  const exact = names.filter(({ name }) => name === whole);
  if (exact.length > 0) return exact.map(({ member }) => member);
  return names
    .filter(({ name }) => {
      const parts = name.split(' ');
      return words.every((word) => parts.some((part) => part.startsWith(word)));
    })
    .map(({ member }) => member);
}
