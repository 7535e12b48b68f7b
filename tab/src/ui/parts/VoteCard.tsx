import type { Meeting, Vote } from '@council/shared';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openVoteOf, voteSubject, votesOfItem } from '../../meeting';
import { useSession } from '../session';
import { useLayout } from '../styles';
import { CountingWait } from './Counting';
import { Ballot, ResultView, VoteProgress } from './Votes';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBlock: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    minWidth: 0,
  },
  quiet: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  subject: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  choices: {
    '& [role="group"] > button': {
      flexGrow: 1,
      minHeight: '44px',
      fontSize: tokens.fontSizeBase400,
    },
  },
  recorded: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** The vote this member is concerned with now: the open one, else the item's latest. */
export function voteInFocus(meeting: Meeting): Vote | null {
  return openVoteOf(meeting) ?? votesOfItem(meeting, meeting.currentItemId).at(-1) ?? null;
}

/** "19:46": when this screen saw a named ballot recorded (a secret one shows no time, no choice). */
function useRecordedAt(recorded: string | undefined): string | null {
  const { language } = useSession();
  const seen = useRef(recorded);
  const [at, setAt] = useState<string | null>(null);
  useEffect(() => {
    if (recorded === seen.current) return;
    seen.current = recorded;
    setAt(
      recorded
        ? new Date().toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' })
        : null,
    );
  }, [recorded, language]);
  return at;
}

/** The open vote: the subject, the choices as large buttons, then what became of the ballot. */
function OpenVoteCard({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { meeting, me, language } = useSession();
  const styles = useStyles();
  const layout = useLayout();
  const mine = vote.secret ? undefined : vote.ballots[me];
  const recordedAt = useRecordedAt(mine);
  const when = recordedAt ? t('console.recordedAt', { time: recordedAt }) : t('console.recorded');
  return (
    <section className={styles.card} aria-labelledby="vote-heading" data-vote={vote.id}>
      <h2 id="vote-heading" className={layout.heading}>
        {t(vote.secret ? 'vote.openSecret' : 'vote.openNamed')}
      </h2>
      <p className={styles.subject}>{voteSubject(meeting, vote, language)}</p>
      <VoteProgress vote={vote} />
      <div className={styles.choices}>
        <Ballot vote={vote} />
      </div>
      {mine !== undefined && (
        <p role="status" data-recorded="" className={styles.recorded}>
          {t(meeting.profile.voteChangeUntilClose.value ? 'console.changeable' : 'console.final', {
            when,
          })}
        </p>
      )}
    </section>
  );
}

/**
 * The vote a councillor cannot miss, at the top of their panel: open, with its choices; closed and
 * awaiting the director; then its published result.
 */
export function VoteCard() {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const styles = useStyles();
  const layout = useLayout();
  const vote = meeting.status === 'open' ? voteInFocus(meeting) : null;
  if (!vote) return null;
  if (vote.status === 'open') return <OpenVoteCard key={vote.id} vote={vote} />;
  const published = vote.status === 'published';
  return (
    <section
      className={`${styles.card} ${published ? '' : styles.quiet}`}
      aria-labelledby="vote-heading"
      data-vote={vote.id}
      data-vote-status={vote.status}
    >
      <h2 id="vote-heading" className={layout.heading}>
        {published ? t('console.published') : t('console.closedAwaiting')}
      </h2>
      {published ? (
        <ResultView vote={vote} />
      ) : (
        <>
          <p className={styles.subject}>{voteSubject(meeting, vote, language)}</p>
          <CountingWait vote={vote} />
        </>
      )}
    </section>
  );
}
