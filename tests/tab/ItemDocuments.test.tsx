/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Details from '../../tab/src/ui/details/Details';
import { createApi } from '../../tab/src/api/client';
import { Agenda } from '../../tab/src/ui/parts/Agenda';
import Stage from '../../tab/src/ui/stage/Stage';
import type { Event } from '../../shared/src';
import {
  council,
  councillor,
  created,
  DIRECTOR,
  minutesApproval,
  OBSERVER,
  sitting,
} from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const BUDGET_PDF = 'https://contoso.sharepoint.com/sites/council/budget.pdf';
const STAFF_FILE = 'https://contoso.sharepoint.com/sites/hr/candidate.docx';

const attach = (itemId: string, title: string, url: string) =>
  command(DIRECTOR, { type: 'AttachDocument', itemId, title, url });

/** An open sitting on the budget item; the budget and the closed staff item each have a file. */
function withDocuments(): Event[] {
  return play(
    sitting({ members: 9, present: 5, item: 'budget' }),
    attach('budget', 'Draft budget amendment', BUDGET_PDF),
    attach('staff', 'Candidate’s file', STAFF_FILE),
  );
}

test('the agenda lists each item’s documents as links that open beside Teams', () => {
  renderFor(councillor(1), withDocuments(), <Agenda />);
  const budget = screen.getByRole('link', { name: /Draft budget amendment/ });
  expect(budget.getAttribute('href')).toBe(BUDGET_PDF);
  expect(budget.getAttribute('target')).toBe('_blank');
  expect(budget.getAttribute('rel')).toContain('noopener');
  expect(screen.getByRole('link', { name: /Candidate’s file/ }).getAttribute('href')).toBe(
    STAFF_FILE,
  );
});

test('an observer’s agenda has no closed item, nor its documents', () => {
  const { container } = renderFor(OBSERVER, withDocuments(), <Agenda />);
  expect(screen.getByRole('link', { name: /Draft budget amendment/ })).toBeTruthy();
  expect(screen.queryByRole('link', { name: /Candidate’s file/ })).toBeNull();
  expect(container.innerHTML).not.toContain('candidate.docx');
});

test('the stage shows the current item’s documents only', () => {
  renderFor(councillor(1), withDocuments(), <Stage />);
  const documents = within(screen.getByRole('region', { name: 'Documents' }));
  expect(documents.getByRole('link', { name: /Draft budget amendment/ })).toBeTruthy();
  expect(screen.queryByRole('link', { name: /Candidate’s file/ })).toBeNull();
});

test('the director attaches a document to an item in the details tab, and removes it', async () => {
  const { record } = renderFor(DIRECTOR, [created(council({ members: 5 }))], <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Documents' }));
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Item' }), 'budget');
  expect(screen.getByText('No document for this item yet.')).toBeTruthy();
  await user.type(screen.getByRole('textbox', { name: /Title/ }), 'Draft budget amendment');
  await user.type(screen.getByRole('textbox', { name: /Link to the file/ }), BUDGET_PDF);
  await user.click(screen.getByRole('button', { name: 'Attach' }));
  expect(record.sent[0]).toEqual({
    type: 'AttachDocument',
    itemId: 'budget',
    title: 'Draft budget amendment',
    url: BUDGET_PDF,
  });
  const attached = await screen.findByRole('link', { name: /Draft budget amendment/ });
  expect(attached.getAttribute('href')).toBe(BUDGET_PDF);
  expect(screen.getByRole<HTMLInputElement>('textbox', { name: /Title/ }).value).toBe('');
  await user.click(screen.getByRole('button', { name: 'Remove Draft budget amendment' }));
  expect(record.sent[1]).toMatchObject({ type: 'RemoveDocument', itemId: 'budget' });
  expect(screen.queryByRole('link', { name: /Draft budget amendment/ })).toBeNull();
});

test('a councillor reads the documents in the details tab and cannot change them', async () => {
  renderFor(councillor(1), withDocuments(), <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Documents' }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Item' }), 'budget');
  expect(screen.getByRole('link', { name: /Draft budget amendment/ })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Attach' })).toBeNull();
  expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
});

describe('the approval of the previous minutes', () => {
  const SEALED = 'e'.repeat(64);
  const approving = () =>
    sitting({
      members: 9,
      present: 5,
      tellers: false,
      agenda: [
        minutesApproval(SEALED),
        { id: 'budget', title: { en: 'Budget' }, session: 'public', subject: 'budget' },
      ],
    });
  function fakeApi() {
    const api = createApi({ token: () => Promise.resolve('token'), language: 'en' });
    const previousMinutesPdf = jest.fn(() =>
      Promise.resolve({ pdf: new Blob(['%PDF']), fileName: 'minutes-m0-sealed.pdf' }),
    );
    return { ...api, previousMinutesPdf };
  }
  const saved = jest.fn((blob: Blob) => `blob:${String(blob.size)}`);
  beforeEach(() => {
    URL.createObjectURL = saved;
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('a member downloads, among the item’s documents, the sealed minutes the item names', async () => {
    const api = fakeApi();
    renderFor(councillor(1), approving(), <Agenda />, { api });
    const documents = within(screen.getByRole('list', { name: /Documents: .*Approval/ }));
    await userEvent.setup().click(
      await documents.findByRole('button', {
        name: /^Minutes of (November 5|5 November), 2026, sealed \(PDF\)$/,
      }),
    );
    expect(api.previousMinutesPdf).toHaveBeenCalledWith('meeting-1', 'minutes');
    expect(saved).toHaveBeenCalled();
  });

  test('an observer is offered no link to the whole record', () => {
    renderFor(OBSERVER, approving(), <Agenda />);
    expect(screen.queryByRole('button', { name: /Minutes of/ })).toBeNull();
  });
});
