import { convokedMembers, type Receipt } from '@council/shared';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ActionFeedback } from '../parts/ActionFeedback';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';

/**
 * Who received, opened and acknowledged the convocation, with the times, and who Teams could not
 * reach (for the secretariat to notify by other means); the director resends it to one member.
 */
export function Receipts() {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const convocation = meeting.convocation;
  if (!convocation) return null;
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const when = (iso: string | undefined) => (iso ? time.format(new Date(iso)) : '—');
  const people = new Map(meeting.setup.roster.map((m) => [m.id, m.name]));
  const members = convokedMembers(meeting);
  const unreachable = members.filter((id) => convocation.receipts[id]?.unreachable);
  const delivery = (receipt: Receipt | undefined) => {
    if (receipt?.unreachable) {
      return t(`convocation.failure.${receipt.unreachable.failure}`, {
        time: when(receipt.unreachable.at),
      });
    }
    return receipt?.delivered ? when(receipt.delivered) : t('convocation.pending');
  };
  return (
    <section className={layout.section} aria-labelledby="receipts-heading">
      <h3 id="receipts-heading">{t('convocation.receipts')}</h3>
      {unreachable.length > 0 && (
        <p data-unreachable="">
          {t('convocation.unreachable', {
            count: unreachable.length,
            names: unreachable.map((id) => people.get(id) ?? id).join(', '),
          })}
        </p>
      )}
      <div className={layout.tableScroll}>
        <Table size="small" aria-labelledby="receipts-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('convocation.member')}</TableHeaderCell>
              <TableHeaderCell>{t('convocation.delivered')}</TableHeaderCell>
              <TableHeaderCell>{t('convocation.opened')}</TableHeaderCell>
              <TableHeaderCell>{t('convocation.acknowledged')}</TableHeaderCell>
              <TableHeaderCell>
                <span className={layout.visuallyHidden}>{t('convocation.resend')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((id) => {
              const receipt = convocation.receipts[id];
              const name = people.get(id) ?? id;
              return (
                <TableRow key={id} data-member={id}>
                  <TableCell>{name}</TableCell>
                  <TableCell>{delivery(receipt)}</TableCell>
                  <TableCell>{when(receipt?.opened)}</TableCell>
                  <TableCell>{when(receipt?.acknowledged)}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      disabled={busy || meeting.status === 'closed'}
                      aria-label={t('convocation.resendTo', { name })}
                      onClick={() => void run({ type: 'ResendConvocation', member: id })}
                    >
                      {t('convocation.resend')}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
