import type { Event } from '../../shared/src';
import { databases, overHttp } from './support/over-http';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type Person, type RunningService } from './support/service';
import { readStream } from './support/sse';

const nineMembers = { ...demo, members: demo.members.slice(0, 9) };
const CLOSED_ITEM = 'item-8';
const PUBLIC_ITEM = 'item-2';
const SECRET_FILE = 'https://contoso.sharepoint.com/sites/council/personnel/candidate-file.docx';
const PUBLIC_FILE = 'https://contoso.sharepoint.com/sites/council/budget/draft.pdf';

const attach = (itemId: string, url: string, title = 'Projet de délibération') => ({
  type: 'AttachDocument',
  itemId,
  title,
  url,
});

describe.each(databases)('item documents over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;

  beforeAll(async () => {
    running = await startService(databaseUrl);
  });
  afterAll(() => running.close());
  beforeEach(async () => {
    sitting = await openDemoMeeting(running, 9, nineMembers);
  });

  const { ok, read, meeting } = overHttp(() => sitting.meetingId);

  test('a member reads a closed item’s documents; the observer gets none of them, in GET and in the live stream', async () => {
    const { director, observer, members } = sitting;
    const councillor = members[1] as Person;
    const { version: start } = await read(observer);
    await ok(director, attach(CLOSED_ITEM, SECRET_FILE, 'Dossier du candidat'));
    await ok(director, attach(PUBLIC_ITEM, PUBLIC_FILE));

    expect((await meeting(councillor)).documents?.[CLOSED_ITEM]).toEqual([
      expect.objectContaining({ title: 'Dossier du candidat', url: SECRET_FILE }),
    ]);
    const seen = await meeting(observer);
    expect(seen.documents?.[PUBLIC_ITEM]).toEqual([expect.objectContaining({ url: PUBLIC_FILE })]);
    expect(JSON.stringify(seen)).not.toContain('candidate-file');

    const streamed = async (person: Person, until: (events: Event[]) => boolean) => {
      const data: Event[] = [];
      await readStream(
        `${running.url}/api/meetings/${sitting.meetingId}/stream`,
        await running.tokenFor(person.id),
        {
          lastEventId: start,
          until: () => until(data),
          onData: (_id, text) => data.push(JSON.parse(text) as Event),
        },
      );
      return data;
    };
    const attachedTo = (events: Event[]) =>
      events.flatMap((e) => (e.type === 'DocumentAttached' ? [e.itemId] : []));
    const observed = await streamed(observer, (events) => attachedTo(events).includes(PUBLIC_ITEM));
    expect(attachedTo(observed)).toEqual([PUBLIC_ITEM]);
    expect(JSON.stringify(observed)).not.toContain('candidate-file');
    const memberSaw = await streamed(councillor, (events) =>
      attachedTo(events).includes(PUBLIC_ITEM),
    );
    expect(attachedTo(memberSaw)).toEqual([CLOSED_ITEM, PUBLIC_ITEM]);
  });

  test.each([
    [
      'a link to another tenant’s SharePoint',
      'https://fabrikam.sharepoint.com/budget.pdf',
      422,
      'DOCUMENT_HOST_NOT_ALLOWED',
    ],
    [
      'a link with a password',
      'https://dg:pw@contoso.sharepoint.com/budget.pdf',
      400,
      'DOCUMENT_LINK_CREDENTIALS',
    ],
    ['a plain http link', 'http://contoso.sharepoint.com/budget.pdf', 400, 'DOCUMENT_LINK_INVALID'],
  ])('%s is refused with its code, and nothing changes', async (_what, url, status, code) => {
    const before = await read(sitting.director);
    const refused = await sitting.director.command(sitting.meetingId, attach(PUBLIC_ITEM, url));
    expect([refused.status, refused.body.code]).toEqual([status, code]);
    expect((await read(sitting.director)).version).toBe(before.version);
  });

  test('only the director attaches or removes documents, and not once the item is decided; the decision list follows publication', async () => {
    const { director, chair, members } = sitting;
    const councillor = members[1] as Person;
    const byChair = await chair.command(sitting.meetingId, attach('item-1', PUBLIC_FILE));
    expect([byChair.status, byChair.body.code]).toEqual([403, 'NOT_AUTHORIZED']);
    await ok(director, attach('item-1', PUBLIC_FILE));
    const documentId = (await meeting(director)).documents?.['item-1']?.[0]?.id ?? '';
    const removal = { type: 'RemoveDocument', itemId: 'item-1', documentId };
    const byCouncillor = await councillor.command(sitting.meetingId, removal);
    expect([byCouncillor.status, byCouncillor.body.code]).toEqual([403, 'NOT_AUTHORIZED']);

    await ok(chair, { type: 'OpenVote' });
    const voteId = (await meeting(chair)).openVoteId ?? '';
    for (const member of members.slice(0, 9)) {
      await ok(member, { type: 'CastBallot', voteId, choice: 'yes' });
    }
    const before = await read(director);
    expect(before.meeting.votes[voteId]?.status).toBe('counted');
    const late = await director.command(sitting.meetingId, removal);
    expect([late.status, late.body.code]).toEqual([409, 'DOCUMENTS_ITEM_DECIDED']);
    expect((await read(director)).version).toBe(before.version);

    // The decision list: the director's at once, the members' once the result is published.
    const decided = async (person: Person) =>
      (
        (await person.get(`/api/meetings/${sitting.meetingId}/decisions`)).body as {
          decisions: { itemId: string; outcome: string }[];
        }
      ).decisions;
    expect(await decided(director)).toEqual([
      expect.objectContaining({ itemId: 'item-1', outcome: 'adopted' }),
    ]);
    expect(await decided(councillor)).toEqual([]);
    await ok(director, { type: 'PublishResult', voteId });
    expect(await decided(councillor)).toEqual([
      expect.objectContaining({ itemId: 'item-1', outcome: 'adopted' }),
    ]);
  });
});
