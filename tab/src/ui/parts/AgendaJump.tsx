import { itemStatus } from '@council/shared';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { itemLabel } from '../../meeting';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { useConfirm } from './Confirm';
import { leavingItem } from './confirmations';

const useStyles = makeStyles({
  current: {
    fontWeight: tokens.fontWeightSemibold,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
});

/** The agenda as the chair holds it: any item still to be dealt with is taken up in one click. */
export function AgendaJump() {
  const { t } = useTranslation();
  const { meeting, role, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const confirm = useConfirm();
  const styles = useStyles();
  const layout = useLayout();
  if (role !== 'chair' || meeting.status !== 'open') return null;
  const idle = busy || meeting.openVoteId !== null;
  return (
    <section className={layout.section} aria-labelledby="agenda-jump-heading">
      <h2 id="agenda-jump-heading" className={layout.heading}>
        {t('agenda.heading')}
      </h2>
      <ol className={layout.list}>
        {meeting.setup.agenda.map((item) => {
          const current = item.id === meeting.currentItemId;
          const status = itemStatus(meeting, item.id);
          const label = itemLabel(meeting, item, language);
          const open = status === 'pending' || status === 'examined';
          return (
            <li
              key={item.id}
              aria-current={current ? 'step' : undefined}
              className={mergeClasses(layout.row, current && styles.current)}
            >
              <span className={layout.grow}>
                {label}
                {item.session === 'closed' && ` (${t('item.closedSession')})`}
                {(status === 'withdrawn' || status === 'postponed') && ` (${t(`item.${status}`)})`}
              </span>
              {open && !current && (
                <Button
                  size="small"
                  disabled={idle}
                  aria-label={t('console.takeUp', { item: label })}
                  onClick={() => {
                    confirm.ask(
                      leavingItem(t, meeting, 'takeUp'),
                      () => void run({ type: 'TakeUpItem', itemId: item.id }),
                    );
                  }}
                >
                  {t('agendaControl.takeUp')}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      <ActionFeedback feedback={feedback} />
      {confirm.dialog}
    </section>
  );
}
