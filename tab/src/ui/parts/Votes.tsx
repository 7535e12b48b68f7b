import { absenceRefusal, genderOfCandidate, type Meeting, type Vote } from '@council/shared';
import { Badge, Button, Field, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceLabel, currentItem, openVoteOf, voteSubject } from '../../meeting';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { useConfirm } from './Confirm';
import { closingVote } from './confirmations';
import { useSealedBallot } from './sealedBallot';
import { SecondRound } from './SecondRound';
import {
  MajorityOfResult,
  MajorityPicker,
  plainMajority,
  SecretChoice,
  secretOf,
} from './VoteRules';

/** A choice as the reader reads it: Yes / No / Abstain, a candidate, or a blank ballot. */
export function useChoiceText() {
  const { t } = useTranslation();
  return (meeting: Meeting, vote: Vote, choice: string) =>
    choiceLabel(meeting, vote, choice) ??
    (vote.kind === 'election' ? t('vote.blank') : t(`vote.choice.${choice}`));
}

/** The outcome and the count of a result, once the director has published it (or for the director). */
export function ResultView({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  const choiceText = useChoiceText();
  const result = vote.result;
  if (!result) return null;
  const outcome = result.outcome;
  const name = (id: string) => choiceLabel(meeting, vote, id) ?? id;
  const said =
    outcome.kind === 'adopted'
      ? t('result.adopted')
      : outcome.kind === 'rejected'
        ? t(outcome.tie ? 'result.rejectedTie' : 'result.rejected')
        : outcome.kind === 'elected'
          ? t(outcome.byAge ? 'result.electedByAge' : 'result.elected', {
              name: name(outcome.candidateId),
              context: genderOfCandidate(meeting, vote.itemId, outcome.candidateId),
            })
          : outcome.kind === 'runoff'
            ? t('result.runoff', {
                a: name(outcome.candidateIds[0]),
                b: name(outcome.candidateIds[1]),
              })
            : outcome.kind === 'void'
              ? outcome.reason === 'keyLost'
                ? t('result.voidKeyLost', { ...outcome })
                : t('result.void', { count: outcome.present, needed: outcome.needed })
              : t('result.noneElected');
  return (
    <div data-result={vote.id}>
      <div className={layout.grow}>{voteSubject(meeting, vote, language)}</div>
      <strong>{said}</strong>
      <ul className={layout.list}>
        {vote.choices.map((choice) => (
          <li key={choice}>
            {choiceText(meeting, vote, choice)}: {result.tally[choice] ?? 0}
          </li>
        ))}
      </ul>
      <div className={layout.muted}>
        {t('result.basis', {
          voters: t('counts.voters', { count: result.participation }),
          cast: t('counts.votesCast', { count: result.votesCast }),
          needed: t('counts.needed', { count: result.needed }),
        })}
      </div>
      <MajorityOfResult vote={vote} />
    </div>
  );
}

/** How many of those entitled have voted, and the alert when quorum was lost meanwhile. */
export function VoteProgress({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const layout = useLayout();
  return (
    <>
      <p className={layout.muted}>
        {t('vote.progress', { count: vote.participants.length, eligible: vote.eligible.length })}
      </p>
      {meeting.quorumLost && (
        <p role="alert" data-quorum-lost="" className={layout.grow}>
          <strong>
            {t('vote.quorumLost', {
              count: meeting.quorumLost.present,
              needed: meeting.quorumLost.needed,
            })}
          </strong>
        </p>
      )}
    </>
  );
}

/** A member's ballot: the choices, then for a secret vote a receipt and never the choice. */
export function Ballot({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { meeting, me } = useSession();
  const { run, attempt, busy, feedback } = useCommand();
  const layout = useLayout();
  const choiceText = useChoiceText();
  const seal = useSealedBallot(vote);
  const receiptRef = useRef<HTMLParagraphElement>(null);
  const [justCast, setJustCast] = useState(false);
  const [sealing, setSealing] = useState(false);
  const [unsealed, setUnsealed] = useState(false);
  const [tracker, setTracker] = useState<string | null>(null);
  const voted = vote.participants.includes(me);
  const mine = vote.secret ? undefined : vote.ballots[me];
  const mayChange = !vote.secret && meeting.profile.voteChangeUntilClose.value;

  useEffect(() => {
    if (justCast) receiptRef.current?.focus();
  }, [justCast]);

  if (!vote.eligible.includes(me)) return <p className={layout.muted}>{t('vote.notEligible')}</p>;
  const absent = absenceRefusal(meeting, vote, me);
  if (absent && !(voted && vote.secret)) {
    return <p data-absent="">{t(`absence.${absent}`)}</p>;
  }

  async function cast(choice: string) {
    if (!vote.secret) {
      await run({ type: 'CastBallot', voteId: vote.id, choice });
      return;
    }
    setSealing(true);
    setUnsealed(false);
    let sending: Awaited<ReturnType<typeof seal>>;
    try {
      sending = await seal(choice);
    } catch {
      setUnsealed(true);
      return;
    } finally {
      setSealing(false);
    }
    const accepted = await attempt(async (commandId) => {
      const outcome = await sending(commandId);
      if (outcome.ok && outcome.tracker) setTracker(outcome.tracker);
      return outcome;
    });
    // Nothing is kept: what was chosen stays in the ballot box.
    if (accepted) setJustCast(true);
  }

  if (voted && vote.secret) {
    return (
      <>
        <p ref={receiptRef} tabIndex={-1} role="status" data-receipt="" className={layout.grow}>
          {t('console.inTheBox')}
        </p>
        {tracker && (
          <p data-tracker="" className={layout.grow}>
            {t('tellers.tracker', { tracker })}
          </p>
        )}
      </>
    );
  }
  return (
    <div role="group" aria-label={t('vote.ballot')} className={layout.row}>
      {vote.choices.map((choice) => (
        <Button
          key={choice}
          appearance={mine === choice ? 'primary' : 'secondary'}
          aria-pressed={vote.secret ? undefined : mine === choice}
          disabled={busy || sealing || (voted && !mayChange)}
          onClick={() => void cast(choice)}
        >
          {choiceText(meeting, vote, choice)}
        </Button>
      ))}
      {mine !== undefined && (
        <span className={layout.grow}>
          {t('vote.youChose', { choice: choiceText(meeting, vote, mine) })}
        </span>
      )}
      {sealing && <Spinner size="tiny" labelPosition="after" label={t('tellers.sealing')} />}
      {unsealed && (
        <p role="alert" className={layout.grow}>
          {t('tellers.unavailable')}
        </p>
      )}
      <ActionFeedback feedback={feedback} />
    </div>
  );
}

/** The chair opens a vote on the current item or on one of its motions. */
function OpenVote() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const item = currentItem(meeting);
  const motions = Object.values(meeting.motions).filter(
    (m) => m.itemId === item?.id && (m.status === 'proposed' || m.status === 'seconded'),
  );
  const [on, setOn] = useState('');
  const [secret, setSecret] = useState(item?.expectedVote === 'secret');
  const [majority, setMajority] = useState(plainMajority);
  useEffect(() => {
    setSecret(item?.expectedVote === 'secret');
    setOn('');
  }, [item?.id, item?.expectedVote]);
  if (!item) return null;
  return (
    <form
      className={layout.section}
      onSubmit={(event) => {
        event.preventDefault();
        void run({
          type: 'OpenVote',
          ...(on ? { motionId: on } : {}),
          ...secretOf(meeting, item, secret),
          ...majority,
        });
      }}
    >
      <Field label={t('vote.on')}>
        <Select
          className={layout.fill}
          value={on}
          onChange={(_e, data) => {
            setOn(data.value);
          }}
        >
          <option value="">{t('vote.onItem')}</option>
          {motions.map((m) => (
            <option key={m.id} value={m.id}>
              {m.text.slice(0, 80)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={layout.row}>
        <SecretChoice item={item} checked={secret} onChange={setSecret} />
        <MajorityPicker value={majority} onChange={setMajority} />
      </div>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t('vote.open')}
      </Button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}

/** The vote under way, as each reader may take part in it; the chair opens and closes votes. */
export function Votes() {
  const { t } = useTranslation();
  const { meeting, role, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const confirm = useConfirm();
  const layout = useLayout();
  if (meeting.status !== 'open' || !meeting.currentItemId) return null;
  const vote = openVoteOf(meeting);
  const member = role === 'chair' || role === 'councillor';
  if (!vote && role !== 'chair') return null;
  return (
    <section className={layout.section} aria-labelledby="vote-heading" data-vote={vote?.id ?? ''}>
      <h2 id="vote-heading" className={layout.heading}>
        {vote ? t(vote.secret ? 'vote.openSecret' : 'vote.openNamed') : t('vote.heading')}
      </h2>
      {vote ? (
        <>
          <p className={layout.grow}>{voteSubject(meeting, vote, language)}</p>
          <VoteProgress vote={vote} />
          {member && <Ballot vote={vote} />}
          {role === 'chair' && (
            <Button
              disabled={busy}
              onClick={() => {
                confirm.ask(
                  closingVote(t, meeting, vote),
                  () => void run({ type: 'CloseVote', voteId: vote.id }),
                );
              }}
            >
              {t('vote.close')}
            </Button>
          )}
        </>
      ) : (
        <OpenVote />
      )}
      <ActionFeedback feedback={feedback} />
      {confirm.dialog}
    </section>
  );
}

/** Published results of the current item, for everyone (but one already shown above). */
export function Results({ except }: { except?: string | undefined }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const layout = useLayout();
  const published = Object.values(meeting.votes).filter(
    (v) => v.itemId === meeting.currentItemId && v.status === 'published' && v.id !== except,
  );
  if (published.length === 0) return null;
  return (
    <section className={layout.section} aria-labelledby="results-heading">
      <h2 id="results-heading" className={layout.heading}>
        {t('result.heading')}
      </h2>
      {published.map((vote) => (
        <div key={vote.id}>
          <ResultView vote={vote} />
          <SecondRound vote={vote} />
        </div>
      ))}
    </section>
  );
}

/** The director's private inbox: each counted result, until it is published. */
export function ResultsInbox() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const counted = Object.values(meeting.votes).filter((v) => v.status === 'counted');
  return (
    <section className={layout.section} aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" className={layout.heading}>
        {t('inbox.heading')}{' '}
        <Badge appearance="filled" color={counted.length ? 'important' : 'informative'}>
          {counted.length}
        </Badge>
      </h2>
      {counted.length === 0 && <p className={layout.muted}>{t('inbox.empty')}</p>}
      {counted.map((vote) => (
        <div key={vote.id} className={layout.section}>
          <ResultView vote={vote} />
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void run(
                { type: 'PublishResult', voteId: vote.id },
                { applied: t('feedback.published') },
              )
            }
          >
            {t('inbox.publish')}
          </Button>
        </div>
      ))}
      <ActionFeedback feedback={feedback} />
    </section>
  );
}
