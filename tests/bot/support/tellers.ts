import { SECRETARIAT_ROLE } from '../../../shared/src';
import { councilApi, type Person as CouncilPerson } from '../../../bot/src/demo-meeting/client';
import { startTellers, type Tellers } from '../../../bot/src/demo-meeting/tellers';
import { demo, type Person, type RunningService } from './service';

export type { Tellers };

export interface TellersChoice {
  /** The councillors the chair names (by default the second and third members of the roster). */
  readonly members?: readonly string[];
  /** Trustees whose tabs take part in the ceremony but not in the counts, until they `arrive`. */
  readonly absent?: readonly string[];
}

/** The demo council's people as their tabs sign in: the director with the secretariat's role. */
function personOf(id: string): CouncilPerson {
  if (id === demo.director.aadObjectId) {
    return { id, name: demo.director.name, roles: [SECRETARIAT_ROLE] };
  }
  return { id, name: demo.members.find((m) => m.aadObjectId === id)?.name ?? id };
}

/** The trustees' tabs: the director's and the tellers', signed in to the service as they would be. */
export function trusteeTabs(
  running: RunningService,
  meetingId: string,
  members: readonly string[],
  options: Parameters<typeof startTellers>[3] = {},
): Promise<Tellers> {
  return startTellers(
    councilApi(running.url, demo.tenantId),
    meetingId,
    [demo.director.aadObjectId, ...members].map(personOf),
    options,
  );
}

/**
 * The chair names the tellers, and the trustees' tabs (the director's and the tellers') run the
 * key ceremony over HTTP, keeping their secrets in the test's memory as a browser would; they stay
 * open to decrypt each secret vote's count once its ballots are added up. Resolves once the sealed
 * ballot box is ready.
 */
export async function nameTellers(
  running: RunningService,
  meetingId: string,
  chair: Person,
  choice: TellersChoice = {},
): Promise<Tellers> {
  const members = choice.members ?? demo.members.slice(1, 3).map((m) => m.aadObjectId);
  const named = await chair.command(meetingId, { type: 'NameTellers', tellers: members });
  if (named.status !== 200) throw new Error(`tellers not named: ${JSON.stringify(named.body)}`);
  const tellers = await trusteeTabs(
    running,
    meetingId,
    members,
    choice.absent ? { absent: choice.absent } : {},
  );
  await tellers.ready();
  return tellers;
}
