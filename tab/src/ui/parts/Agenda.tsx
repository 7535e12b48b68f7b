import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { itemStatus, type AgendaItem, type Meeting } from '@council/shared';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentItem, itemLabel } from '../../meeting';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { useConfirm } from './Confirm';
import { ItemDocuments } from './ItemDocuments';
import { leavingItem } from './confirmations';

const useStyles = makeStyles({
  current: {
    fontWeight: tokens.fontWeightSemibold,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  item: { overflowWrap: 'anywhere' },
});

/** Where no item is shown: none under discussion yet, or one behind closed doors. */
const nothingShown = (meeting: Meeting) =>
  meeting.behindClosedDoors ? 'item.closedSessionNow' : 'item.none';

/** The item under discussion; the chair moves through the agenda from here. */
export function CurrentItem() {
  const { t } = useTranslation();
  const { meeting, role, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const confirm = useConfirm();
  const layout = useLayout();
  const item = currentItem(meeting);
  return (
    <section className={layout.section} aria-labelledby="item-heading">
      <h2 id="item-heading" className={layout.heading}>
        {t('item.current')}
      </h2>
      <p className={layout.grow} data-current-item={item?.id ?? ''}>
        {item ? itemLabel(meeting, item, language) : t(nothingShown(meeting))}{' '}
        {item?.session === 'closed' && (
          <Badge appearance="tint" color="warning">
            {t('item.closedSession')}
          </Badge>
        )}
      </p>
      {role === 'chair' && meeting.status === 'open' && (
        <div className={layout.row}>
          <Button
            icon={<ChevronLeftRegular />}
            disabled={busy || !item}
            onClick={() => {
              confirm.ask(
                leavingItem(t, meeting, 'previous'),
                () => void run({ type: 'PreviousItem' }),
              );
            }}
          >
            {t('item.previous')}
          </Button>
          <Button
            icon={<ChevronRightRegular />}
            iconPosition="after"
            disabled={busy}
            onClick={() => {
              confirm.ask(leavingItem(t, meeting, 'next'), () => void run({ type: 'NextItem' }));
            }}
          >
            {t('item.next')}
          </Button>
        </div>
      )}
      <ActionFeedback feedback={feedback} />
      {confirm.dialog}
    </section>
  );
}

/**
 * The agenda in order, the current item marked for sight and for screen readers; `action` adds a
 * control to an item (the chair's "Take up"), `children` follow the list.
 */
export function Agenda({
  action,
  children,
}: {
  action?: (item: AgendaItem, label: string) => ReactElement | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const styles = useStyles();
  const layout = useLayout();
  return (
    <section className={layout.section} aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className={layout.heading}>
        {t('agenda.heading')}
      </h2>
      <ol className={layout.list}>
        {meeting.setup.agenda.map((item) => {
          const current = item.id === meeting.currentItemId;
          const status = itemStatus(meeting, item.id);
          const label = itemLabel(meeting, item, language);
          const control = action?.(item, label) ?? null;
          return (
            <li
              key={item.id}
              aria-current={current ? 'step' : undefined}
              className={mergeClasses(
                styles.item,
                control ? layout.row : undefined,
                current && styles.current,
              )}
            >
              <div className={layout.grow}>
                {label}
                {item.session === 'closed' && ` (${t('item.closedSession')})`}
                {(status === 'withdrawn' || status === 'postponed') && ` (${t(`item.${status}`)})`}
                <ItemDocuments itemId={item.id} label={label} />
              </div>
              {control}
            </li>
          );
        })}
      </ol>
      {children}
    </section>
  );
}
