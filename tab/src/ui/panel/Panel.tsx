import { Agenda, CurrentItem } from '../parts/Agenda';
import { AgendaControl } from '../parts/AgendaControl';
import { AttendanceSection } from '../parts/Attendance';
import { AttendanceList } from '../parts/AttendanceList';
import { Conflicts } from '../parts/Conflicts';
import { Floor } from '../parts/Floor';
import { MeetingControls } from '../parts/MeetingControls';
import { MinutesDownload } from '../parts/MinutesDownload';
import { Motions } from '../parts/Motions';
import { ObserverNote } from '../parts/ObserverNote';
import { Results, ResultsInbox, Votes } from '../parts/Votes';
import { useSession } from '../session';

/** The side panel: what each role needs during the sitting, and nothing it may not do. */
export default function Panel() {
  const { role } = useSession();
  switch (role) {
    case 'chair':
      return (
        <>
          <MeetingControls />
          <CurrentItem />
          <AgendaControl />
          <Floor />
          <Votes />
          <Motions />
          <Conflicts />
          <Results />
          <AttendanceSection />
        </>
      );
    case 'councillor':
      return (
        <>
          <CurrentItem />
          <AttendanceSection />
          <Votes />
          <Floor />
          <Motions />
          <Conflicts />
          <Results />
          <Agenda />
        </>
      );
    case 'director':
      return (
        <>
          <ResultsInbox />
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
          <Results />
          <Agenda />
        </>
      );
  }
}
