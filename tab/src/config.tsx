import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigPage } from './ui/config/ConfigPage';
import { Boot, startBoot } from './ui/Root';

const root = document.getElementById('root');
if (root) {
  const booting = startBoot();
  createRoot(root).render(
    <StrictMode>
      <Boot
        booting={booting}
        page={(reader, place, teams) => <ConfigPage reader={reader} place={place} teams={teams} />}
      />
    </StrictMode>,
  );
}
