import { genderOf, quorum } from '@council/shared';
import { Badge, Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { useConfirm } from './Confirm';
import { checkingOut } from './confirmations';
import { ActionFeedback } from './ActionFeedback';

/** Present / needed, and whether the council may deliberate. */
export function QuorumIndicator() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const report = quorum(meeting);
  const ok = report.reached || report.waived;
  return (
    <div role="group" aria-label={t('quorum.label')} data-quorum={ok ? 'reached' : 'missing'}>
      <Badge appearance="filled" color={ok ? 'success' : 'danger'}>
        {report.reached
          ? t('quorum.reached')
          : report.waived
            ? t('quorum.waived')
            : t('quorum.missing')}
      </Badge>{' '}
      {t('quorum.count', {
        count: report.present,
        needed: report.needed,
        inOffice: report.inOffice,
      })}
    </div>
  );
}

/** A member checks in or out, and answers the roll call while it is open. */
export function MyAttendance() {
  const { t } = useTranslation();
  const { meeting, me } = useSession();
  const { run, busy, feedback } = useCommand();
  const confirm = useConfirm();
  const layout = useLayout();
  const status = meeting.attendance[me]?.status ?? 'absent';
  const rollCallOpen = meeting.rollCall.status === 'open';
  const answered = meeting.rollCall.status === 'open' && meeting.rollCall.answered.includes(me);
  if (meeting.status !== 'convened' && meeting.status !== 'open') return null;
  return (
    <div className={layout.row} data-attendance={status}>
      <span className={layout.grow}>
        {t(`attendance.you.${status}`, { context: genderOf(meeting.setup.roster, me) })}
      </span>
      {rollCallOpen && !answered ? (
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void run({ type: 'AnswerRollCall' })}
        >
          {t('attendance.answer')}
        </Button>
      ) : status === 'present' ? (
        <Button
          disabled={busy}
          onClick={() => {
            confirm.ask(checkingOut(t), () => void run({ type: 'CheckOut' }));
          }}
        >
          {t('attendance.checkOut')}
        </Button>
      ) : (
        <Button appearance="primary" disabled={busy} onClick={() => void run({ type: 'CheckIn' })}>
          {t('attendance.checkIn')}
        </Button>
      )}
      <ActionFeedback feedback={feedback} />
      {confirm.dialog}
    </div>
  );
}

/** The chair opens and closes the roll call and watches the quorum. */
export function RollCall() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  if (meeting.status !== 'open') return null;
  const open = meeting.rollCall.status === 'open';
  return (
    <div className={layout.row}>
      <span className={layout.grow}>
        {open
          ? t('rollCall.openSince', { count: meeting.rollCall.answered.length })
          : t('rollCall.closed')}
      </span>
      <Button
        disabled={busy}
        onClick={() => void run({ type: open ? 'CloseRollCall' : 'OpenRollCall' })}
      >
        {open ? t('rollCall.close') : t('rollCall.open')}
      </Button>
      <ActionFeedback feedback={feedback} />
    </div>
  );
}

/** Attendance of a meeting, as its chair or a member sees it. */
export function AttendanceSection() {
  const { t } = useTranslation();
  const { role } = useSession();
  const layout = useLayout();
  return (
    <section className={layout.section} aria-labelledby="attendance-heading">
      <h2 id="attendance-heading" className={layout.heading}>
        {t('attendance.heading')}
      </h2>
      <MyAttendance />
      {role === 'chair' && <RollCall />}
      <QuorumIndicator />
    </section>
  );
}
