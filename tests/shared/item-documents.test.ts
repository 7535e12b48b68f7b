import {
  documentLinkRefusal,
  eventFor,
  itemDocumentsFor,
  meetingFor,
  messageOf,
  type Event,
  type Reader,
} from '../../shared/src';
import {
  CHAIR,
  council,
  councillor,
  created,
  DIRECTOR,
  OBSERVER,
  sitting,
} from './support/council';
import { meetingAfter } from './support/payloads';
import { command, given, play } from './support/spec';

const HOSTS = ['contoso.sharepoint.com', 'contoso-my.sharepoint.com'];
const BUDGET_PDF = 'https://contoso.sharepoint.com/sites/council/Shared%20Documents/budget.pdf';

const attach = (itemId: string, url = BUDGET_PDF, by = DIRECTOR, id?: string) =>
  command(by, { type: 'AttachDocument', itemId, title: 'Draft budget amendment', url }, id);
const remove = (itemId: string, documentId: string, by = DIRECTOR) =>
  command(by, { type: 'RemoveDocument', itemId, documentId });

/** 9 in office, 5 present, on the first item; the budget and the closed staff item have a file. */
function withDocuments(): Event[] {
  return play(
    sitting({ members: 9, present: 5 }),
    attach('budget', BUDGET_PDF, DIRECTOR, 'doc-budget'),
    attach(
      'staff',
      'https://contoso.sharepoint.com/sites/hr/candidate.docx',
      DIRECTOR,
      'doc-staff',
    ),
  );
}

/** The budget item taken up and decided by a named vote of the five present. */
function budgetDecided(): Event[] {
  const voters = [CHAIR, councillor(1), councillor(2), councillor(3), councillor(4)];
  return play(
    withDocuments(),
    command(CHAIR, { type: 'TakeUpItem', itemId: 'budget' }),
    command(councillor(1), { type: 'ProposeMotion', text: 'Adopt the amendment' }, 'm-1'),
    command(CHAIR, { type: 'OpenVote', motionId: 'm-1' }, 'v-1'),
    ...voters.map((by) => command(by, { type: 'CastBallot', voteId: 'v-1', choice: 'yes' })),
    command('system', { type: 'CountVote', voteId: 'v-1' }),
  );
}

describe('the address of an item document', () => {
  test('a link to a file in the council’s SharePoint or OneDrive is accepted', () => {
    expect(documentLinkRefusal(BUDGET_PDF, HOSTS)).toBeNull();
    expect(
      documentLinkRefusal(
        'https://Contoso-My.SharePoint.com/personal/dg/Documents/note.docx',
        HOSTS,
      ),
    ).toBeNull();
  });

  test.each([
    ['plain http', 'http://contoso.sharepoint.com/budget.pdf'],
    ['not an address', 'budget.pdf'],
    ['a script', 'javascript:alert(1)'],
    ['a space in it', 'https://contoso.sharepoint.com/my budget.pdf'],
    [
      'a backslash that a browser reads as a slash',
      'https://evil.example\\@contoso.sharepoint.com/',
    ],
    ['no host', 'https:///budget.pdf'],
    ['a control character', 'https://contoso.sharepoint.com/budget\u0007.pdf'],
  ])('%s is not a document link', (_, url) => {
    expect(documentLinkRefusal(url, HOSTS)).toMatchObject({
      error: { code: 'DOCUMENT_LINK_INVALID' },
    });
  });

  test('a link carrying a user name or password is refused, whatever the host', () => {
    expect(
      documentLinkRefusal('https://dg:secret@contoso.sharepoint.com/budget.pdf', HOSTS),
    ).toMatchObject({ error: { code: 'DOCUMENT_LINK_CREDENTIALS' } });
  });

  test.each([
    ['another tenant', 'https://fabrikam.sharepoint.com/budget.pdf'],
    ['a look-alike host', 'https://contoso.sharepoint.com.evil.example/budget.pdf'],
    ['the council’s host on another port', 'https://contoso.sharepoint.com:8443/budget.pdf'],
  ])('a file on %s is refused, naming the host', (_, url) => {
    const refused = documentLinkRefusal(url, HOSTS);
    expect(refused).toMatchObject({ error: { code: 'DOCUMENT_HOST_NOT_ALLOWED' } });
    if (refused && !refused.ok) expect(messageOf(refused.error, 'fr')).toContain('SharePoint');
  });
});

describe('an item’s documents', () => {
  test('the director attaches a document to an item before the sitting', () => {
    given(created(council({ members: 9 })))
      .when(attach('budget', BUDGET_PDF, DIRECTOR, 'doc-1'))
      .then({
        type: 'DocumentAttached',
        itemId: 'budget',
        document: { id: 'doc-1', title: 'Draft budget amendment', url: BUDGET_PDF },
        by: DIRECTOR,
      });
  });

  test('the documents stay in the order attached, and a removed one is gone', () => {
    const log = play(
      withDocuments(),
      attach('budget', 'https://contoso.sharepoint.com/sites/council/annex.xlsx', DIRECTOR, 'a'),
      remove('budget', 'doc-budget'),
    );
    expect(meetingAfter(log).documents?.['budget']).toEqual([
      {
        id: 'a',
        title: 'Draft budget amendment',
        url: 'https://contoso.sharepoint.com/sites/council/annex.xlsx',
      },
    ]);
  });

  test.each([CHAIR, councillor(1), OBSERVER, 'stranger'])(
    'no one but the director attaches or removes documents (%s is refused)',
    (by) => {
      given(...withDocuments())
        .when(attach('budget', BUDGET_PDF + '?v=2', by))
        .thenRefuses('NOT_AUTHORIZED');
      given(...withDocuments())
        .when(remove('budget', 'doc-budget', by))
        .thenRefuses('NOT_AUTHORIZED');
    },
  );

  test('the domain refuses a link that is not https, before any host is known', () => {
    given(...withDocuments())
      .when(attach('budget', 'http://contoso.sharepoint.com/x.pdf'))
      .thenRefuses('DOCUMENT_LINK_INVALID');
  });

  test('a document goes on an item of the agenda only, once per item', () => {
    given(...withDocuments())
      .when(attach('no-such-item'))
      .thenRefuses('ITEM_NOT_FOUND');
    given(...withDocuments())
      .when(attach('budget'))
      .thenRefuses('DOCUMENT_ALREADY_ATTACHED');
  });

  test('an item holds at most thirty documents', () => {
    const thirty = Array.from({ length: 30 }, (_, i) =>
      attach('water', `https://contoso.sharepoint.com/sites/council/annex-${i}.pdf`),
    );
    given(...play(withDocuments(), ...thirty))
      .when(attach('water', 'https://contoso.sharepoint.com/sites/council/one-more.pdf'))
      .thenRefuses('DOCUMENTS_LIMIT');
  });

  test('removing a document the item does not have is refused', () => {
    given(...withDocuments())
      .when(remove('water', 'doc-budget'))
      .thenRefuses('DOCUMENT_NOT_FOUND');
  });

  test('once the council has decided an item, its documents no longer change', () => {
    const log = budgetDecided();
    given(...log)
      .when(attach('budget', 'https://contoso.sharepoint.com/sites/council/late.pdf'))
      .thenRefuses('DOCUMENTS_ITEM_DECIDED');
    given(...log)
      .when(remove('budget', 'doc-budget'))
      .thenRefuses('DOCUMENTS_ITEM_DECIDED');
    // The next item is still open to its file.
    given(...log)
      .when(attach('water'))
      .then({ type: 'DocumentAttached', itemId: 'water' });
  });

  test('after the sitting closes, no document changes', () => {
    given(...play(withDocuments(), command(CHAIR, { type: 'CloseMeeting' })))
      .when(attach('water'))
      .thenRefuses('MEETING_CLOSED');
  });
});

describe('who sees an item’s documents', () => {
  const members: Reader[] = ['director', 'chair', 'councillor'];
  const observers: Reader[] = ['observer', null];

  test.each(members)('the %s sees the documents of a closed item', (reader) => {
    const meeting = meetingAfter(withDocuments());
    expect(itemDocumentsFor(meeting, 'staff', reader).map((d) => d.id)).toEqual(['doc-staff']);
    expect(meetingFor(meeting, reader).documents?.['staff']).toHaveLength(1);
  });

  test.each(observers)(
    'an observer or the public (%s) never gets a closed item’s documents',
    (reader) => {
      const log = withDocuments();
      const meeting = meetingAfter(log);
      expect(itemDocumentsFor(meeting, 'staff', reader)).toEqual([]);
      expect(itemDocumentsFor(meeting, 'budget', reader).map((d) => d.id)).toEqual(['doc-budget']);
      expect(meetingFor(meeting, reader).documents).toEqual({
        budget: [expect.objectContaining({ id: 'doc-budget' })],
      });
      const attachedToStaff = log.find(
        (e) => e.type === 'DocumentAttached' && e.itemId === 'staff',
      );
      if (!attachedToStaff) throw new Error('no document on the staff item');
      expect(eventFor(meeting, attachedToStaff, reader)).toBeNull();
      expect(JSON.stringify(meetingFor(meeting, reader))).not.toContain('candidate.docx');
    },
  );

  test('an item the sitting moves behind closed doors takes its documents out of the public’s view', () => {
    const log = play(
      withDocuments(),
      command(CHAIR, { type: 'TakeUpItem', itemId: 'budget' }),
      command(CHAIR, { type: 'MoveToClosedSession', because: 'person' }),
    );
    const meeting = meetingAfter(log);
    expect(itemDocumentsFor(meeting, 'budget', 'observer')).toEqual([]);
    expect(itemDocumentsFor(meeting, 'budget', 'councillor')).toHaveLength(1);
    const removed = play(log, remove('budget', 'doc-budget'));
    expect(eventFor(meetingAfter(removed), removed.at(-1) as Event, null)).toBeNull();
  });
});
