import { sittingStatus, type Meeting } from '@council/shared';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { currentItem, currentQueue, itemLabel, memberName, openVoteOf } from '../../meeting';
import { useSession } from '../session';
import { useLayout } from '../styles';
import { SpeakingTimer } from './SpeakingTimer';
import { tellersAwaited, TellersReadiness } from './TellersReadiness';

const useStyles = makeStyles({
  status: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    flexBasis: '100%',
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  text: {
    minWidth: 0,
    flexGrow: 1,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  state: { flexShrink: 0, whiteSpace: 'nowrap' },
  large: { fontSize: 'clamp(1rem, 2.2vw, 2rem)', lineHeight: 1.3 },
  /** Read from across the room: the state as large as the rest of the line. */
  largeState: {
    fontSize: 'inherit',
    lineHeight: 'inherit',
    height: 'auto',
    paddingBlock: tokens.spacingVerticalXXS,
  },
  timer: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  progress: { fontVariantNumeric: 'tabular-nums', flexShrink: 0 },
});

/** The sitting's state as one word, closed session first: it hides the item from the public. */
export function sittingStateKey(meeting: Meeting): string[] {
  const status = sittingStatus(meeting);
  if (status === 'open' && meeting.behindClosedDoors) return ['status.sitting.closedSession'];
  // A state this tab does not know yet still reads as the domain's own word for it.
  return [`status.sitting.${status}`, `sitting.status.${status}`];
}

const stateColors: Record<string, 'success' | 'warning' | 'informative' | 'subtle'> = {
  open: 'success',
  suspended: 'warning',
  closed: 'subtle',
};

/**
 * Where the sitting stands, in a few lines that stay in view: its state, the item under
 * discussion, who has the floor and for how long, and how far an open vote has come.
 */
export function StatusHeader({
  large = false,
  floor = true,
}: {
  large?: boolean;
  /** The stage shows the floor in a column of its own: its header leaves it out. */
  floor?: boolean;
}) {
  const { t } = useTranslation();
  const { meeting, me, role, language, clock } = useSession();
  const styles = useStyles();
  const layout = useLayout();
  const status = sittingStatus(meeting);
  const closedDoors = status === 'open' && meeting.behindClosedDoors;
  // The public learns only that the council sits behind closed doors, never which item it is.
  // Also during a break: a suspended closed session is still closed to the public.
  const behindClosedDoors = meeting.status === 'open' && meeting.behindClosedDoors;
  const item =
    behindClosedDoors && (role === 'observer' || role === null) ? null : currentItem(meeting);
  const queue = currentQueue(meeting);
  const vote = openVoteOf(meeting);
  const speaking =
    floor && meeting.status === 'open' && queue.status === 'speaking' ? queue.current : null;
  const tellers = tellersAwaited(meeting);
  return (
    <div
      role="group"
      aria-label={t('status.label')}
      data-sitting={closedDoors ? 'closedSession' : status}
      className={mergeClasses(styles.status, large && styles.large)}
    >
      <div className={styles.line}>
        <Badge
          appearance="filled"
          size={large ? 'extra-large' : 'large'}
          color={closedDoors ? 'danger' : (stateColors[status] ?? 'informative')}
          icon={closedDoors ? <LockClosedRegular /> : undefined}
          className={mergeClasses(styles.state, large && styles.largeState)}
        >
          {t(sittingStateKey(meeting))}
        </Badge>
        {meeting.status === 'open' && (
          <span className={styles.text} data-status-item={item?.id ?? ''}>
            {item ? itemLabel(meeting, item, language) : closedDoors ? '' : t('status.noItem')}
          </span>
        )}
      </div>
      {(speaking || vote || tellers) && (
        <div className={styles.line}>
          {speaking && (
            <span className={styles.text} data-status-speaker={speaking.member}>
              {speaking.member === me
                ? t('status.youHaveFloor')
                : t('speaking.hasFloor', { name: memberName(meeting, speaking.member) })}{' '}
              <SpeakingTimer
                startedAt={speaking.startedAt}
                clock={clock}
                className={styles.timer}
              />
            </span>
          )}
          {vote && (
            <span className={styles.progress} data-status-vote={vote.id}>
              <span aria-hidden="true">
                {t('status.vote', {
                  voted: vote.participants.length,
                  eligible: vote.eligible.length,
                })}
              </span>
              <span className={layout.visuallyHidden}>
                {t('vote.progress', {
                  count: vote.participants.length,
                  eligible: vote.eligible.length,
                })}
              </span>
            </span>
          )}
          {tellers && <TellersReadiness className={styles.progress} />}
        </div>
      )}
    </div>
  );
}
