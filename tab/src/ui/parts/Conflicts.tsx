import { isVotingMember, type AgendaItem, type Meeting } from '@council/shared';
import { Button, Field, makeStyles, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemLabel, memberName } from '../../meeting';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { ItemSelect } from './ItemSelect';

const useStyles = makeStyles({ entry: { overflowWrap: 'anywhere' } });

/** Items a conflict may still be declared on: those not dealt with yet, and the one under debate. */
function openItems(meeting: Meeting): AgendaItem[] {
  return meeting.setup.agenda.filter(
    (item) => !(item.id in meeting.queues) || item.id === meeting.currentItemId,
  );
}

/**
 * Conflicts of interest (DLB art. 27, CDLD L1122-19): who is in conflict on which item; a member
 * declares their own, the chair records one for any member and lifts one before its item.
 */
export function Conflicts() {
  const { t } = useTranslation();
  const { meeting, role, me, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const styles = useStyles();
  const items = openItems(meeting);
  const [itemId, setItemId] = useState(meeting.currentItemId ?? items[0]?.id ?? '');
  const [member, setMember] = useState(me);
  const declaring = role === 'chair' || role === 'councillor';
  const open = meeting.status === 'convened' || meeting.status === 'open';
  const recorded = meeting.setup.agenda.flatMap((item) =>
    (meeting.conflicts?.[item.id] ?? []).map((conflict) => ({ item, conflict })),
  );
  if (recorded.length === 0 && !(declaring && open)) return null;
  const chosen = items.some((item) => item.id === itemId) ? itemId : (items[0]?.id ?? '');
  return (
    <section className={layout.section} aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading" className={layout.heading}>
        {t('conflicts.heading')}
      </h2>
      {recorded.length > 0 && (
        <ul className={layout.list}>
          {recorded.map(({ item, conflict }) => (
            <li key={`${item.id}:${conflict.member}`} className={styles.entry}>
              {t('conflicts.entry', {
                item: itemLabel(meeting, item, language),
                name: memberName(meeting, conflict.member),
              })}
              {conflict.leftAt && !conflict.returnedAt && ` (${t('conflicts.outOfRoom')})`}{' '}
              {role === 'chair' && !(item.id in meeting.queues) && (
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() =>
                    void run({ type: 'LiftConflict', itemId: item.id, member: conflict.member })
                  }
                >
                  {t('conflicts.lift')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {declaring && open && items.length > 0 && (
        <div className={layout.section}>
          <ItemSelect
            label={t('conflicts.item')}
            items={items}
            value={chosen}
            onChange={setItemId}
          />
          {role === 'chair' && (
            <Field label={t('conflicts.member')}>
              <Select
                className={layout.fill}
                value={member}
                onChange={(_e, d) => {
                  setMember(d.value);
                }}
              >
                {meeting.setup.roster.filter(isVotingMember).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Button
            disabled={busy || !chosen}
            onClick={() =>
              void run(
                member === me
                  ? { type: 'DeclareConflict', itemId: chosen }
                  : { type: 'DeclareConflict', itemId: chosen, member },
              )
            }
          >
            {role === 'chair' && member !== me ? t('conflicts.record') : t('conflicts.declare')}
          </Button>
        </div>
      )}
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
