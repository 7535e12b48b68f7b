import type { ProfileOverrides } from '../../../shared/src';
import { demo, nextCommandId, personOf, type Person, type RunningService } from './service';
import { nameTellers, type Tellers, type TellersChoice } from './tellers';

export interface DemoMeeting {
  readonly meetingId: string;
  readonly director: Person;
  readonly chair: Person;
  readonly observer: Person;
  readonly members: Person[];
  /** The trustees' tabs, when the chair named tellers. */
  readonly tellers?: Tellers;
}

/**
 * The demo council (or a variant of it) created, convened and opened, with the first `present`
 * members checked in and item 1 taken up; with `tellers`, the chair names them and the sealed
 * ballot box is ready for secret votes.
 */
export async function openDemoMeeting(
  running: RunningService,
  present = 30,
  council: typeof demo & { rulesOverrides?: ProfileOverrides } = demo,
  options: { readonly tellers?: TellersChoice } = {},
): Promise<DemoMeeting> {
  const director = personOf(running, demo.director.aadObjectId);
  const members = demo.members.map((m) => personOf(running, m.aadObjectId));
  const chair = members[0] as Person;
  const created = await director.call('POST', '/api/meetings', {
    commandId: nextCommandId(),
    council,
  });
  const meetingId = created.body.meetingId as string;
  const must = async (person: Person, command: unknown) => {
    const reply = await person.command(meetingId, command);
    if (reply.status !== 200)
      throw new Error(`${JSON.stringify(command)}: ${JSON.stringify(reply.body)}`);
  };
  await must(director, {
    type: 'ConveneMeeting',
    place: 'Council chamber',
    reason: 'Chamber under renovation',
  });
  await must(chair, { type: 'OpenMeeting' });
  await Promise.all(members.slice(0, present).map((m) => must(m, { type: 'CheckIn' })));
  await must(chair, { type: 'NextItem' });
  return {
    meetingId,
    director,
    chair,
    observer: personOf(running, demo.observer.aadObjectId),
    members,
    ...(options.tellers
      ? { tellers: await nameTellers(running, meetingId, chair, options.tellers) }
      : {}),
  };
}
