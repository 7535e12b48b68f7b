import { currentCeremony, type TellersCeremony as Ceremony, type Vote } from '@council/shared';
import { Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Kept, Slot } from '../../sealed/keeper';
import { awaited, standing, stepCommand, trusteeIn } from '../../sealed/ceremony';
import { loadSealed } from '../../sealed/load';
import { useKeeper } from '../keeping';
import { useCommand, useSession, type Feedback } from '../session';
import { useLayout } from '../styles';
import { ActionFeedback } from './ActionFeedback';
import { ReleaseShare } from './ReleaseShare';
import { ceremonyFailure } from './ceremony-failure';
import ShareLost from './ShareLost';
import { trusteeNames } from './trustee-names';

/**
 * What this browser keeps for the trustee's slot of the ceremony: undefined while it is being
 * read. Read once per ceremony, not at each live event, and again when what the ceremony records
 * of this trustee changes (a step taken here, or in another window of theirs).
 */
function useKept(meetingId: string, ceremony: Ceremony, member: string) {
  const keeper = useKeeper();
  const number = ceremony.ceremony;
  const slot = useMemo<Slot>(
    () => ({ meetingId, ceremony: number, member }),
    [meetingId, number, member],
  );
  const recorded = `${ceremony.committed[member]?.boxKey ?? ''} ${String(ceremony.ready.includes(member))}`;
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
  }, [keeper, slot, read, recorded]);
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
  // The step could not be prepared here (the crypto did not load, the keeper failed).
  const [unprepared, setUnprepared] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const at = kept === undefined ? null : standing(ceremony, me, kept);
  const taken = useRef<string | null>(null);

  useEffect(() => {
    if (at !== 'commit' && at !== 'deal' && at !== 'confirm') return;
    // Each step once per attempt: a failure is for the reader to see, and to retry.
    const step = `${at} ${String(attempt)}`;
    if (taken.current === step) return;
    taken.current = step;
    void (async () => {
      setUnprepared(false);
      try {
        await run(await stepCommand(await loadSealed(), keeper, slot, ceremony, at));
      } catch {
        setUnprepared(true);
      }
      readAgain();
    })();
  }, [at, attempt, ceremony, keeper, slot, run, readAgain]);

  const retry = () => {
    feedback?.dismiss();
    setUnprepared(false);
    setAttempt((n) => n + 1);
  };
  const failure: Feedback | null = unprepared
    ? {
        kind: 'refused',
        message: t('tellers.unavailable'),
        key: -attempt - 1,
        dismiss: () => {
          setUnprepared(false);
        },
      }
    : null;
  const others = awaited(ceremony).filter((member) => member !== me);
  const said =
    at === null
      ? null
      : at === 'waiting'
        ? t('tellers.waiting', { names: trusteeNames(meeting, others, language) })
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
      {at === 'lost' && <ShareLost ceremony={ceremony} />}
      <ActionFeedback feedback={failure ?? feedback} retry={retry} />
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
