import type { Motion } from '@council/shared';
import { Badge, Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { memberName } from '../../meeting';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { lazyPart } from './LazyPart';

const ProposeMotion = lazyPart(async () => (await import('./ProposeMotion')).ProposeMotion);

const pending = (motion: Motion) => motion.status === 'proposed' || motion.status === 'seconded';

function MotionEntry({ motion }: { motion: Motion }) {
  const { t } = useTranslation();
  const { meeting, me, role } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const member = role === 'chair' || role === 'councillor';
  const mayAct = member && pending(motion) && meeting.attendance[me]?.status === 'present';
  return (
    <li data-motion={motion.id}>
      <div className={layout.row}>
        <span className={layout.grow}>
          {motion.amends ? `${t('motions.amendment')}: ` : ''}
          {motion.text}
        </span>
        <Badge appearance="tint" className={layout.tag}>
          {t(`motions.status.${motion.status}`)}
        </Badge>
      </div>
      <div className={layout.muted}>
        {t('motions.by', { name: memberName(meeting, motion.member) })}
        {motion.secondedBy &&
          ` · ${t('motions.secondedBy', { name: memberName(meeting, motion.secondedBy) })}`}
      </div>
      {mayAct && (
        <div className={layout.row}>
          {motion.status === 'proposed' &&
            motion.member !== me &&
            meeting.profile.motionsNeedSecond.value && (
              <Button
                size="small"
                disabled={busy}
                onClick={() => void run({ type: 'SecondMotion', motionId: motion.id })}
              >
                {t('motions.second')}
              </Button>
            )}
          {motion.member === me && (
            <Button
              size="small"
              disabled={busy}
              onClick={() => void run({ type: 'WithdrawMotion', motionId: motion.id })}
            >
              {t('motions.withdraw')}
            </Button>
          )}
        </div>
      )}
      <ActionFeedback feedback={feedback} />
    </li>
  );
}

/** Motions on the current item: members propose, second and withdraw them (the chair opens their vote). */
export function Motions() {
  const { t } = useTranslation();
  const { meeting, role, me } = useSession();
  const layout = useLayout();
  if (meeting.status !== 'open' || !meeting.currentItemId) return null;
  const motions = Object.values(meeting.motions).filter(
    (m) => m.itemId === meeting.currentItemId && m.status !== 'withdrawn',
  );
  const member = role === 'chair' || role === 'councillor';
  const present = meeting.attendance[me]?.status === 'present';
  if (motions.length === 0 && !(member && present)) return null;
  return (
    <section className={layout.section} aria-labelledby="motions-heading">
      <h2 id="motions-heading" className={layout.heading}>
        {t('motions.heading')}
      </h2>
      {motions.length > 0 && (
        <ul className={layout.list}>
          {motions.map((motion) => (
            <MotionEntry key={motion.id} motion={motion} />
          ))}
        </ul>
      )}
      {member && present && <ProposeMotion />}
    </section>
  );
}
