import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import {
  currentItem,
  currentQueue,
  itemLabel,
  memberName,
  openVoteOf,
  voteSubject,
} from '../../meeting';
import { ItemDocuments } from '../parts/ItemDocuments';
import { Speaker } from '../parts/Speaker';
import { SpeakingQueue } from '../parts/SpeakingQueue';
import { ResultView } from '../parts/Votes';
import { useSession } from '../session';

const useStyles = makeStyles({
  stage: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    gap: tokens.spacingHorizontalXXL,
    fontSize: 'clamp(1rem, 2.2vw, 2rem)',
    lineHeight: 1.3,
  },
  item: {
    gridColumn: '1 / -1',
    margin: 0,
    fontSize: '1.6em',
    lineHeight: 1.2,
    overflowWrap: 'anywhere',
  },
  /** Seen from afar: the council sits behind closed doors. */
  closedDoors: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorPaletteRedBorder2,
    color: tokens.colorPaletteRedForeground1,
  },
  heading: { margin: 0, fontSize: '1em', color: tokens.colorNeutralForeground2 },
  documents: { gridColumn: '1 / -1', minWidth: 0 },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  publicPage: { gridColumn: '1 / -1', margin: 0, fontSize: '0.6em', overflowWrap: 'anywhere' },
});

/** The meeting stage: what everyone in the call reads together, large enough for a shared screen. */
export default function Stage() {
  const { t } = useTranslation();
  const { meeting, language, snapshot } = useSession();
  const styles = useStyles();
  const item = currentItem(meeting);
  const queue = currentQueue(meeting);
  const vote = openVoteOf(meeting);
  const hasDocuments = Boolean(item && meeting.documents?.[item.id]?.length);
  const published = Object.values(meeting.votes)
    .filter((v) => v.itemId === meeting.currentItemId && v.status === 'published')
    .slice(-1);
  return (
    <div className={styles.stage}>
      <h2
        className={mergeClasses(styles.item, meeting.behindClosedDoors && styles.closedDoors)}
        data-current-item={item?.id ?? ''}
        data-closed-session={meeting.behindClosedDoors ? '' : undefined}
      >
        {meeting.behindClosedDoors && <LockClosedRegular aria-hidden="true" />}
        {meeting.status === 'closed'
          ? t('status.sitting.closed')
          : meeting.behindClosedDoors
            ? t('item.closedSessionNow')
            : item
              ? itemLabel(meeting, item, language)
              : t('item.none')}
      </h2>
      {item && hasDocuments && !meeting.behindClosedDoors && meeting.status !== 'closed' && (
        <section className={styles.documents} aria-labelledby="stage-documents">
          <h3 id="stage-documents" className={styles.heading}>
            {t('documents.heading')}
          </h3>
          <ItemDocuments itemId={item.id} label={itemLabel(meeting, item, language)} />
        </section>
      )}
      <section className={styles.column} aria-labelledby="stage-floor">
        <h3 id="stage-floor" className={styles.heading}>
          {t('floor.heading')}
        </h3>
        <Speaker large />
        <SpeakingQueue requests={queue.requests} nameOf={(id) => memberName(meeting, id)} />
      </section>
      <section className={styles.column} aria-labelledby="stage-vote">
        <h3 id="stage-vote" className={styles.heading}>
          {vote ? t(vote.secret ? 'vote.openSecret' : 'vote.openNamed') : t('result.heading')}
        </h3>
        {vote ? (
          <p>
            {voteSubject(meeting, vote, language)}
            <br />
            {t('vote.progress', {
              count: vote.participants.length,
              eligible: vote.eligible.length,
            })}
          </p>
        ) : published[0] ? (
          <ResultView vote={published[0]} />
        ) : (
          <p>{t('result.none')}</p>
        )}
      </section>
      {snapshot.publicPage && (
        <p className={styles.publicPage}>
          {t('documents.publicPage')} <a href={snapshot.publicPage}>{snapshot.publicPage}</a>
        </p>
      )}
    </div>
  );
}
