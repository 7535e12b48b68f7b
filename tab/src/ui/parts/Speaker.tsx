import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { currentQueue, memberName } from '../../meeting';
import { useSession } from '../session';
import { useLayout } from '../styles';
import { SpeakingTimer } from './SpeakingTimer';

const useStyles = makeStyles({
  speaker: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  timer: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

/** Who has the floor on the current item, and for how long. */
export function Speaker({ large = false }: { large?: boolean }) {
  const { t } = useTranslation();
  const { meeting, clock, me } = useSession();
  const styles = useStyles();
  const layout = useLayout();
  const queue = currentQueue(meeting);
  if (queue.status !== 'speaking') return <p className={layout.muted}>{t('speaking.nobody')}</p>;
  const size = large ? { fontSize: '1.4em' } : undefined;
  return (
    <div className={styles.speaker} data-speaker={queue.current.member} style={size}>
      <span className={layout.grow}>
        {queue.current.member === me
          ? t('status.youHaveFloor')
          : t('speaking.hasFloor', { name: memberName(meeting, queue.current.member) })}
        {queue.current.kind !== 'contribution' && ` · ${t(`floor.kind.${queue.current.kind}`)}`}
      </span>
      <SpeakingTimer startedAt={queue.current.startedAt} clock={clock} className={styles.timer} />
    </div>
  );
}
