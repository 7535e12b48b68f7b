import { itemStatus } from '@council/shared';
import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentItem } from '../../meeting';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { useConfirm } from './Confirm';
import { leavingItem } from './confirmations';
import { ItemSelect } from './ItemSelect';

/**
 * The chair's hold on the order of business: take up any item, withdraw or postpone one, move the
 * item under discussion behind closed doors, propose an urgent item. The rules decide; the
 * service answers a refusal with its reason.
 */
export function AgendaControl() {
  const { t } = useTranslation();
  const { meeting, role } = useSession();
  const { run, busy, feedback } = useCommand();
  const urgency = useCommand();
  const confirm = useConfirm();
  const layout = useLayout();
  const items = meeting.setup.agenda.filter((item) => {
    const status = itemStatus(meeting, item.id);
    return status === 'pending' || status === 'examined';
  });
  const [chosen, setChosen] = useState('');
  const [urgent, setUrgent] = useState('');
  if (role !== 'chair' || meeting.status !== 'open') return null;
  const itemId = items.some((item) => item.id === chosen) ? chosen : (items[0]?.id ?? '');
  const current = currentItem(meeting);
  const idle = busy || urgency.busy || meeting.openVoteId !== null;
  return (
    <section className={layout.section} aria-labelledby="agenda-control-heading">
      <h2 id="agenda-control-heading" className={layout.heading}>
        {t('agendaControl.heading')}
      </h2>
      <ItemSelect
        label={t('agendaControl.item')}
        items={items}
        value={itemId}
        onChange={setChosen}
      />
      <div className={layout.row}>
        <Button
          disabled={idle || !itemId}
          onClick={() => {
            confirm.ask(
              leavingItem(t, meeting, 'takeUp'),
              () => void run({ type: 'TakeUpItem', itemId }),
            );
          }}
        >
          {t('agendaControl.takeUp')}
        </Button>
        <Button
          disabled={idle || !itemId}
          onClick={() => void run({ type: 'WithdrawItem', itemId })}
        >
          {t('agendaControl.withdraw')}
        </Button>
        <Button
          disabled={idle || !itemId}
          onClick={() => void run({ type: 'PostponeItem', itemId })}
        >
          {t('agendaControl.postpone')}
        </Button>
      </div>
      {current?.session === 'public' && (
        <Button disabled={idle} onClick={() => void run({ type: 'MoveToClosedSession' })}>
          {t('agendaControl.closedSession')}
        </Button>
      )}
      <ActionFeedback feedback={feedback} />
      <Field label={t('agendaControl.urgentTitle')}>
        <Input
          className={layout.fill}
          value={urgent}
          maxLength={500}
          onChange={(_, data) => {
            setUrgent(data.value);
          }}
        />
      </Field>
      <Button
        disabled={idle || !current || urgent.trim() === ''}
        onClick={() =>
          void urgency
            .run({ type: 'ProposeUrgentItem', title: urgent.trim(), subject: 'general' })
            .then((ok) => {
              if (ok) setUrgent('');
            })
        }
      >
        {t('agendaControl.proposeUrgent')}
      </Button>
      <ActionFeedback feedback={urgency.feedback} />
      {confirm.dialog}
    </section>
  );
}
