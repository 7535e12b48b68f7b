import { useTranslation } from 'react-i18next';
import { Agenda, CurrentItem } from '../parts/Agenda';
import { AgendaControl } from '../parts/AgendaControl';
import { AttendanceSection } from '../parts/Attendance';
import { AttendanceList } from '../parts/AttendanceList';
import { Conflicts } from '../parts/Conflicts';
import { Floor } from '../parts/Floor';
import { MeetingControls } from '../parts/MeetingControls';
import { MinutesDownload } from '../parts/MinutesDownload';
import { Motions } from '../parts/Motions';
import { Results, ResultsInbox, Votes } from '../parts/Votes';
import { useSession } from '../session';
import { useLayout } from '../styles';

/** The side panel: what each role needs during the sitting, and nothing it may not do. */
export default function Panel() {
  const { t } = useTranslation();
  const { role } = useSession();
  const layout = useLayout();
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
          <p className={layout.muted}>{t('panel.observer')}</p>
          <CurrentItem />
          <Floor />
          <Results />
          <Agenda />
        </>
      );
  }
}
