import { randomUUID } from 'node:crypto';
import { SECRETARIAT_ROLE, type CouncilFile, type WireCommand } from '@council/shared';
import { inPool, type Headers, type HttpClient, type Reply } from './http';
import { secretItemNumber } from './council';

/** Someone of the council with a dev token, as the tab would call the API for them. */
export interface Person {
  readonly id: string;
  readonly headers: Headers;
}

export interface Session {
  readonly meetingId: string;
  readonly tenantId: string;
  readonly director: Person;
  readonly chair: Person;
  /** Every member who sits and votes, checked in. */
  readonly members: readonly Person[];
}

export interface OpenVote {
  readonly voteId: string;
  readonly choices: readonly string[];
}

export async function signIn(
  client: HttpClient,
  tenantId: string,
  ids: readonly string[],
  roles: readonly string[] = [],
): Promise<Person[]> {
  return inPool(ids, 16, async (id) => {
    const reply = await client.post('/api/dev/token', { tenantId, objectId: id, name: id, roles });
    const token = (reply.body as { token?: unknown } | undefined)?.token;
    if (reply.status !== 200 || typeof token !== 'string') fail('dev sign-in', reply);
    return { id, headers: { authorization: `Bearer ${token}` } };
  });
}

export function command(
  client: HttpClient,
  person: Person,
  meetingId: string,
  body: WireCommand,
  commandId: string = randomUUID(),
): Promise<Reply> {
  return client.post(
    `/api/meetings/${meetingId}/commands`,
    { commandId, command: body },
    person.headers,
  );
}

export async function must(reply: Promise<Reply>, what: string): Promise<Reply> {
  const answer = await reply;
  if (answer.status < 200 || answer.status > 299) fail(what, answer);
  return answer;
}

export interface CouncilPeople {
  readonly director: Person;
  readonly chair: Person;
  readonly members: readonly Person[];
}

/** Dev tokens for the council's director and every member who sits and votes. */
export async function signInCouncil(
  client: HttpClient,
  council: CouncilFile,
): Promise<CouncilPeople> {
  const chairId = council.members.find((m) => m.role === 'chair')?.aadObjectId;
  const voterIds = council.members
    .filter((m) => m.role === 'chair' || m.role === 'councillor')
    .map((m) => m.aadObjectId);
  const [director] = await signIn(
    client,
    council.tenantId,
    [council.director.aadObjectId],
    [SECRETARIAT_ROLE],
  );
  const members = await signIn(client, council.tenantId, voterIds);
  const chair = members.find((m) => m.id === chairId);
  if (!director || !chair) throw new Error('the council needs a director and a chair');
  return { director, chair, members };
}

/**
 * A council's meeting created from its file, convened, opened, with every voting member checked
 * in (`concurrency` check-ins under way at once) and the secret appointment taken up.
 */
export async function openSession(
  client: HttpClient,
  council: CouncilFile,
  {
    people,
    concurrency = 64,
    commandId = randomUUID(),
  }: { people?: CouncilPeople; concurrency?: number; commandId?: string } = {},
): Promise<Session> {
  const { director, chair, members } = people ?? (await signInCouncil(client, council));
  const created = await must(
    client.post('/api/meetings', { commandId, council }, director.headers),
    'create the meeting',
  );
  const meetingId = (created.body as { meetingId: string }).meetingId;
  await must(
    command(client, director, meetingId, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    }),
    'convene',
  );
  await must(command(client, chair, meetingId, { type: 'OpenMeeting' }), 'open');
  await inPool(members, concurrency, (member) =>
    must(command(client, member, meetingId, { type: 'CheckIn' }), 'check in'),
  );
  for (let item = 1; item <= secretItemNumber; item++) {
    await must(command(client, chair, meetingId, { type: 'NextItem' }), 'next item');
  }
  return { meetingId, tenantId: council.tenantId, director, chair, members };
}

export async function openSecretVote(client: HttpClient, session: Session): Promise<OpenVote> {
  await must(command(client, session.chair, session.meetingId, { type: 'OpenVote' }), 'open vote');
  const meeting = await readMeeting(client, session.chair, session.meetingId);
  const voteId = meeting.openVoteId;
  const vote = voteId ? meeting.votes[voteId] : undefined;
  if (!voteId || !vote?.secret) throw new Error('no secret vote is open');
  return { voteId, choices: vote.choices };
}

export interface MeetingView {
  readonly version: number;
  readonly openVoteId: string | null;
  readonly votes: Record<
    string,
    {
      readonly secret: boolean;
      readonly status: string;
      readonly choices: string[];
      readonly participants: string[];
      readonly result: { readonly tally?: Record<string, number> } | null;
    }
  >;
}

export async function readMeeting(
  client: HttpClient,
  person: Person,
  meetingId: string,
): Promise<MeetingView> {
  const reply = await must(client.get(`/api/meetings/${meetingId}`, person.headers), 'read');
  const body = reply.body as { version: number; meeting: Omit<MeetingView, 'version'> };
  return { ...body.meeting, version: body.version };
}

function fail(what: string, reply: Reply): never {
  throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
}
