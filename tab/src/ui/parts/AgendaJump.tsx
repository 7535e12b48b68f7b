import { itemStatus } from '@council/shared';
import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';
import { ActionFeedback } from './ActionFeedback';
import { Agenda } from './Agenda';
import { useConfirm } from './Confirm';
import { leavingItem } from './confirmations';

/** The agenda as the chair holds it: any item still to be dealt with is taken up in one click. */
export function AgendaJump() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const confirm = useConfirm();
  const sitting = meeting.status === 'open';
  const idle = busy || meeting.openVoteId !== null;
  return (
    <Agenda
      action={(item, label) => {
        const status = itemStatus(meeting, item.id);
        const open = status === 'pending' || status === 'examined';
        if (!sitting || !open || item.id === meeting.currentItemId) return null;
        return (
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
        );
      }}
    >
      <ActionFeedback feedback={feedback} />
      {confirm.dialog}
    </Agenda>
  );
}
