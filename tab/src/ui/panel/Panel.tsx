import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { currentQueue, openVoteOf } from '../../meeting';
import { Agenda, CurrentItem } from '../parts/Agenda';
import { AttendanceSection } from '../parts/Attendance';
import { AttendanceList } from '../parts/AttendanceList';
import { Counting } from '../parts/Counting';
import { lazyPart } from '../parts/LazyPart';
import { Floor } from '../parts/Floor';
import { MeetingControls } from '../parts/MeetingControls';
import { MinutesDownload } from '../parts/MinutesDownload';
import { NotAnswered, NotVoted } from '../parts/Missing';
import { Motions } from '../parts/Motions';
import { ObserverNote } from '../parts/ObserverNote';
import { TellersSection } from '../parts/Tellers';
import { tellersAwaited } from '../parts/TellersReadiness';
import { TrusteeSection } from '../parts/Trustee';
import { VoteCard, voteInFocus } from '../parts/VoteCard';
import { Results, ResultsInbox, Votes } from '../parts/Votes';
import { useSession } from '../session';
import { Steps } from './Steps';

/** Rarely opened during a sitting: its code loads when the Agenda tab first opens. */
const AgendaStep = lazy(() => import('./AgendaStep'));
// The director's list of declared interests: off the panel's first render.
const Conflicts = lazyPart(async () => (await import('../parts/Conflicts')).Conflicts);
function AgendaTab() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
      <AgendaStep />
    </Suspense>
  );
}

/** Whether the roll call is the step at hand: under way, or not yet held in this sitting. */
function useRollCallFirst(): boolean {
  const { meeting } = useSession();
  return (
    meeting.rollCall.status === 'open' ||
    (meeting.status === 'open' && Object.keys(meeting.closedRollCalls).length === 0)
  );
}

/**
 * The chair's current step first: the roll call, the vote under way, the speech under way; between
 * speeches, the vote to open and the floor to give. The rest below.
 */
function ChairNow() {
  const { meeting } = useSession();
  const rollCallFirst = useRollCallFirst();
  const vote = openVoteOf(meeting);
  const speech = currentQueue(meeting).status === 'speaking';
  // Not ready, the tellers come before the vote they hold up; ready, they wait below.
  const tellersFirst = tellersAwaited(meeting);
  // Keyed: a part that moves as the step changes keeps its state (an answered confirmation
  // dialog among it), where one remounted would leave the page hidden from screen readers.
  if (meeting.status !== 'open') {
    return (
      <>
        <MeetingControls key="sitting" />
        <TrusteeSection key="duty" />
        {meeting.status === 'convened' && <TellersSection key="tellers" />}
        <CurrentItem key="item" />
        <Results key="results" />
      </>
    );
  }
  return (
    <>
      {rollCallFirst && <AttendanceSection key="attendance" />}
      <NotAnswered key="not-answered" />
      {tellersFirst && <TellersSection key="tellers" />}
      {(vote || !speech) && <Votes key="votes" />}
      <NotVoted key="not-voted" vote={vote} />
      <Counting key="counting" />
      <TrusteeSection key="duty" />
      <Floor key="floor" />
      {!vote && speech && <Votes key="votes" />}
      <CurrentItem key="item" />
      {!rollCallFirst && <AttendanceSection key="attendance" />}
      <Motions key="motions" />
      {!tellersFirst && <TellersSection key="tellers" />}
      <Results key="results" />
      <MeetingControls key="sitting" />
    </>
  );
}

/** A councillor's current step first: the roll call to answer, the vote, the floor. */
function CouncillorNow() {
  const { meeting, me } = useSession();
  const toAnswer = meeting.rollCall.status === 'open' && !meeting.rollCall.answered.includes(me);
  const focused = voteInFocus(meeting);
  return (
    <>
      {toAnswer && <AttendanceSection key="attendance" />}
      <VoteCard />
      <TrusteeSection />
      <Floor />
      {!toAnswer && <AttendanceSection key="attendance" />}
      <Motions />
      <Results except={focused?.status === 'published' ? focused.id : undefined} />
    </>
  );
}

/** The side panel: what each role needs during the sitting, and nothing it may not do. */
export default function Panel() {
  const { role } = useSession();
  switch (role) {
    case 'chair':
      return <Steps now={<ChairNow />} agenda={<AgendaTab />} />;
    case 'councillor':
      return <Steps now={<CouncillorNow />} agenda={<AgendaTab />} />;
    case 'director':
      return (
        <>
          <TrusteeSection />
          <ResultsInbox />
          <Counting />
          <CurrentItem />
          <AttendanceList />
          <Conflicts />
          <Results />
          <MinutesDownload />
        </>
      );
    default:
      return (
        <>
          <ObserverNote />
          <CurrentItem />
          <Floor />
          <Counting />
          <Results />
          <Agenda />
        </>
      );
  }
}
