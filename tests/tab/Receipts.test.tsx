/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Event } from '../../shared/src';
import Details from '../../tab/src/ui/details/Details';
import { CHAIR, DIRECTOR, council, councillor, created } from '../shared/support/council';
import { renderFor } from './support/harness';

const at = (hour: number) => `2026-11-10T${String(hour).padStart(2, '0')}:00:00.000Z`;
const system = (type: Event['type'], fields: Record<string, unknown>, hour: number) =>
  ({ type, ...fields, at: at(hour), by: 'system' }) as Event;

/** Five members convened late (on the 20th for the 23rd): one acknowledged, one unreachable. */
function convened(): Event[] {
  return [
    created(council({ members: 5 })),
    {
      type: 'MeetingConvened',
      convocation: { mode: 'remote', tool: 'Microsoft Teams', reason: 'Works' },
      late: { needed: 7, given: 2, clear: true },
      at: '2026-11-20T09:00:00.000Z',
      by: DIRECTOR,
    },
    system('ConvocationDelivered', { member: CHAIR, sending: 1 }, 10),
    system('ConvocationDelivered', { member: councillor(1), sending: 1 }, 10),
    { type: 'ConvocationOpened', member: councillor(1), at: at(11), by: councillor(1) },
    { type: 'ConvocationAcknowledged', member: councillor(1), at: at(12), by: councillor(1) },
    system('ConvocationUnreachable', { member: councillor(2), sending: 1, failure: 'blocked' }, 10),
  ];
}

describe('the receipts of the convocation, in the details tab', () => {
  test('the director sees who received, opened and acknowledged it, with times, and who Teams could not reach', async () => {
    renderFor(DIRECTOR, convened(), <Details />);
    // The convocation's section loads on its own; the first time takes a while under jsdom.
    const table = await screen.findByRole(
      'table',
      { name: 'Receipts of the convocation' },
      { timeout: 15_000 },
    );
    const row = (name: string) => {
      const cell = within(table).getByText(name);
      return (cell.closest('tr') as HTMLElement).textContent;
    };
    expect(row('Councillor 1')).toMatch(/11\/10\/26.*11\/10\/26.*11\/10\/26/);
    expect(row('Councillor 2')).toContain('Unreachable: the bot is blocked');
    expect(row('Councillor 3')).toContain('Not delivered yet');
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(screen.getByText(/1 member could not be reached in Teams/).textContent).toContain(
      'Councillor 2',
    );
    expect(screen.getByText(/Sent late: 2 days given where the rule asks 7/).textContent).toContain(
      'CDLD L1122-13 §1',
    );
  });

  test('the director resends the convocation to one member', async () => {
    const { record } = renderFor(DIRECTOR, convened(), <Details />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: 'Resend the convocation to Councillor 2' }),
    );
    expect(record.sent).toEqual([{ type: 'ResendConvocation', member: councillor(2) }]);
  });

  test('in French, and the chair sees no receipts at all', async () => {
    renderFor(DIRECTOR, convened(), <Details />, { language: 'fr' });
    expect(await screen.findByRole('table', { name: 'Réception de la convocation' })).toBeTruthy();
    renderFor(CHAIR, convened(), <Details />);
    expect(screen.queryByRole('table', { name: 'Receipts of the convocation' })).toBeNull();
  });
});
