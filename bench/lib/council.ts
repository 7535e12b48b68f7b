import { createHash } from 'node:crypto';
import type { CouncilFile } from '@council/shared';
import demo from '../../bot/fixtures/council-demo.json';

/** A made-up member id shaped like an Entra object id, the same for the same seat in every run. */
function memberId(seat: number): string {
  const hex = createHash('sha256').update(`bench-member-${seat}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The demo council grown to `voters` members who sit and vote (a large assembly): the demo's 49
 * members first, so its chair and its candidates stay on the roster, then generated councillors.
 */
export function largeCouncil(voters: number): CouncilFile {
  const council = demo as CouncilFile;
  if (voters < 1) throw new RangeError('a council needs at least one voting member');
  const kept = council.members.slice(0, voters);
  const added = Array.from({ length: Math.max(0, voters - kept.length) }, (_, index) => {
    const seat = kept.length + index + 1;
    return {
      aadObjectId: memberId(seat),
      name: `Councillor ${String(seat).padStart(5, '0')}`,
      role: 'councillor' as const,
      group: `Group ${String.fromCharCode(65 + (seat % 7))}`,
      seat,
    };
  });
  return { ...council, members: [...kept, ...added] };
}

/** The agenda item with a secret appointment (two candidates and abstention) that bursts vote on. */
export const secretItemNumber = 5;
