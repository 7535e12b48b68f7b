import { currentCeremony, type TellersCeremony as Ceremony, type Vote } from '@council/shared';
import { Button, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kept } from '../../sealed/keeper';
import {
  awaited,
  releaseCommand,
  slotOf,
  standing,
  stepCommand,
  trusteeIn,
} from '../../sealed/ceremony';
import { loadSealed } from '../../sealed/load';
import { memberNames, voteSubject } from '../../meeting';
import { useKeeper } from '../keeping';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { ceremonyFailure } from './ceremony-failure';
import ShareLost from './ShareLost';

/** What this browser keeps for the slot: undefined while it is being read. */
function useKept(meetingId: string, ceremony: Ceremony, member: string) {
  const keeper = useKeeper();
  const slot = useMemo(() => slotOf(meetingId, ceremony, member), [meetingId, ceremony, member]);
  const [kept, setKept] = useState<Kept | null | undefined>(undefined);
  const [read, setRead] = useState(0);
  useEffect(() => {
    let current = true;
    void keeper.recall(slot).then(
      (found) => {
        if (current) setKept(found);
      },
      () => {
        if (current) setKept(null);
      },
    );
    return () => {
      current = false;
    };
  }, [keeper, slot, read]);
  const readAgain = useCallback(() => {
    setRead((n) => n + 1);
  }, []);
  return { keeper, slot, kept, readAgain };
}

/** A closed secret vote whose count awaits this trustee's share. */
function awaitsShareOf(vote: Vote, ceremony: Ceremony, member: string): boolean {
  const sealed = vote.sealed;
  return (
    vote.status === 'closed' &&
    !!sealed?.aggregate &&
    sealed.ceremony === ceremony.ceremony &&
    !sealed.decrypted[member]
  );
}

/** "Release my share of the count": a deliberate click for each vote, never automatic. */
function ReleaseShare({ vote, ceremony }: { vote: Vote; ceremony: Ceremony }) {
  const { t } = useTranslation();
  const { meeting, meetingId, me, language } = useSession();
  const { run, busy, feedback } = useCommand();
  const keeper = useKeeper();
  const layout = useLayout();
  const [problem, setProblem] = useState<string | null>(null);
  async function release() {
    setProblem(null);
    try {
      const slot = slotOf(meetingId, ceremony, me);
      const command = await releaseCommand(await loadSealed(), keeper, slot, ceremony, vote);
      if (!command) setProblem(t('tellers.lost'));
      else await run(command, { applied: t('tellers.released') });
    } catch {
      setProblem(t('tellers.unavailable'));
    }
  }
  return (
    <div className={layout.column} data-release={vote.id}>
      <p className={layout.grow}>{voteSubject(meeting, vote, language)}</p>
      <Button
        appearance="primary"
        className={layout.tag}
        disabled={busy}
        onClick={() => void release()}
      >
        {t('tellers.release')}
      </Button>
      {problem && (
        <p role="alert" className={layout.grow}>
          {problem}
        </p>
      )}
      <ActionFeedback feedback={feedback} />
    </div>
  );
}

/**
 * The trustee's part of the key ceremony, taken by this browser as the meeting allows: commit,
 * deal, check and confirm (or complain). The secret it draws is kept sealed here, never sent.
 */
function KeyCeremony({ ceremony }: { ceremony: Ceremony }) {
  const { t } = useTranslation();
  const { meeting, meetingId, me, language } = useSession();
  const { run, feedback } = useCommand();
  const { keeper, slot, kept, readAgain } = useKept(meetingId, ceremony, me);
  const layout = useLayout();
  const [problem, setProblem] = useState<string | null>(null);
  const at = kept === undefined ? null : standing(ceremony, me, kept);
  const taken = useRef<string | null>(null);

  useEffect(() => {
    if (at !== 'commit' && at !== 'deal' && at !== 'confirm') return;
    // Each step once per ceremony: a refusal or a lost answer is for the reader to see and retry.
    if (taken.current === at) return;
    taken.current = at;
    void (async () => {
      try {
        setProblem(null);
        await run(await stepCommand(await loadSealed(), keeper, slot, ceremony, at));
      } catch {
        setProblem(t('tellers.unavailable'));
      }
      readAgain();
    })();
  }, [at, ceremony, keeper, slot, run, readAgain, t]);

  const others = awaited(ceremony).filter((member) => member !== me);
  const said =
    at === null
      ? null
      : at === 'waiting'
        ? t('tellers.waiting', { names: memberNames(meeting, others, language) })
        : at === 'failed'
          ? ceremonyFailure(t, meeting, ceremony, language)
          : t(`tellers.${at}`);
  const working = at === 'commit' || at === 'deal' || at === 'confirm';
  return (
    <div data-standing={at ?? ''}>
      {working ? (
        <Spinner size="tiny" labelPosition="after" label={said} />
      ) : (
        said && (
          <p role={at === 'lost' || at === 'failed' ? 'alert' : 'status'} className={layout.grow}>
            {said}
          </p>
        )
      )}
      {problem && (
        <p role="alert" className={layout.grow}>
          {problem}
        </p>
      )}
      {at === 'lost' && <ShareLost ceremony={ceremony} />}
      <ActionFeedback feedback={feedback} />
    </div>
  );
}

/** For the director and the tellers of the current ceremony: their key, then their share of counts. */
export default function TrusteeDuty() {
  const { t } = useTranslation();
  const { meeting, me } = useSession();
  const layout = useLayout();
  const ceremony = currentCeremony(meeting);
  if (!ceremony || !trusteeIn(ceremony, me)) return null;
  const toRelease = Object.values(meeting.votes).filter((vote) =>
    awaitsShareOf(vote, ceremony, me),
  );
  return (
    <section className={layout.section} aria-labelledby="duty-heading" data-duty="">
      <h2 id="duty-heading" className={layout.heading}>
        {t('tellers.duty')}
      </h2>
      <KeyCeremony key={ceremony.ceremony} ceremony={ceremony} />
      {toRelease.map((vote) => (
        <ReleaseShare key={vote.id} vote={vote} ceremony={ceremony} />
      ))}
    </section>
  );
}
