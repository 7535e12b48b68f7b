import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigPage } from './ui/config/ConfigPage';
import { Boot } from './ui/Root';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Boot
        page={(reader, place, teams) => <ConfigPage reader={reader} place={place} teams={teams} />}
      />
    </StrictMode>,
  );
}
