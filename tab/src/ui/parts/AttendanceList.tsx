import { genderOf, membersInOffice } from '@council/shared';
import { Badge, Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { QuorumIndicator } from './Attendance';

const colors = { present: 'success', absent: 'subtle', excused: 'warning' } as const;

/** Every member in office and whether they are present; the director records an excuse. */
export function AttendanceList() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const mayExcuse = meeting.status === 'convened' || meeting.status === 'open';
  return (
    <section className={layout.section} aria-labelledby="register-heading">
      <h2 id="register-heading" className={layout.heading}>
        {t('attendance.register')}
      </h2>
      <QuorumIndicator />
      <ActionFeedback feedback={feedback} />
      <ul className={layout.list}>
        {membersInOffice(meeting.setup.roster).map((member) => {
          const status = meeting.attendance[member.id]?.status ?? 'absent';
          return (
            <li key={member.id} className={layout.row} data-member={member.id}>
              <span className={layout.grow}>{member.name}</span>
              <Badge appearance="tint" color={colors[status]}>
                {t(`attendance.status.${status}`, {
                  context: genderOf(meeting.setup.roster, member.id),
                })}
              </Badge>
              {mayExcuse && status === 'absent' && (
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={t('attendance.excuseWho', { name: member.name })}
                  onClick={() => void run({ type: 'ExcuseMember', member: member.id })}
                >
                  {t('attendance.excuse')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
