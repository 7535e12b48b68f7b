import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Place } from './host/place';
import type { TeamsHost } from './host/teams';
import { Boot, startBoot, MeetingPage, useHostActions, type Reader } from './ui/Root';

function Meeting({
  reader,
  place,
  teams,
}: {
  reader: Reader;
  place: Place;
  teams: TeamsHost | null;
}) {
  const host = useHostActions(teams, place.meetingId);
  return <MeetingPage reader={reader} place={place} host={host} />;
}

const root = document.getElementById('root');
if (root) {
  const booting = startBoot();
  createRoot(root).render(
    <StrictMode>
      <Boot
        booting={booting}
        page={(reader, place, teams) => <Meeting reader={reader} place={place} teams={teams} />}
      />
    </StrictMode>,
  );
}
