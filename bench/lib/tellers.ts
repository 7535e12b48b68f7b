import { SECRETARIAT_ROLE, sealingCeremony, type Meeting } from '@council/shared';
import type { Point, Sealed } from '@council/shared/sealed';
import { councilApi } from '../../bot/src/demo-meeting/client';
import { startTellers, type Tellers } from '../../bot/src/demo-meeting/tellers';
import type { HttpClient } from './http';
import { command, must, type Session } from './session';

export type { Tellers };

/**
 * The chair names the second and third members tellers; the trustees' tabs (the director's and
 * theirs) run the key ceremony and stay open to release their shares of each count. Resolves once
 * the sealed ballot box is ready.
 */
export async function nameTellers(
  client: HttpClient,
  session: Session,
  serviceUrl: string,
): Promise<Tellers> {
  const tellers = session.members.slice(1, 3).map((member) => member.id);
  await must(
    command(client, session.chair, session.meetingId, { type: 'NameTellers', tellers }),
    'name the tellers',
  );
  const running = await startTellers(councilApi(serviceUrl, session.tenantId), session.meetingId, [
    { id: session.director.id, name: session.director.id, roles: [SECRETARIAT_ROLE] },
    ...tellers.map((id) => ({ id, name: id })),
  ]);
  await running.ready();
  return running;
}

/** The key a member's tab seals their ballot with: the open vote's, from the trustees' commitments. */
export function sealingKey(sealed: Sealed, meeting: Meeting, voteId: string): Point {
  const vote = meeting.votes[voteId];
  const ceremony = vote && sealingCeremony(meeting, vote);
  if (!ceremony) throw new Error(`vote ${voteId} has no sealed box`);
  return sealed.sittingKey(ceremony.trustees, ceremony.committed, ceremony.threshold).publicKey;
}
