import { Button, Tab, TabList } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';
import { AgendaEditor } from './AgendaEditor';
import { RosterEditor } from './RosterEditor';
import { RulesEditor } from './RulesEditor';

type Part = 'agenda' | 'roster' | 'rules';
const parts: readonly Part[] = ['agenda', 'roster', 'rules'];

/** The meeting details tab: the setup before the sitting, which the director edits until it opens. */
export default function Details() {
  const { t } = useTranslation();
  const { meeting, role } = useSession();
  const { run, busy } = useCommand();
  const layout = useLayout();
  const [part, setPart] = useState<Part>('agenda');
  const editable =
    role === 'director' && (meeting.status === 'draft' || meeting.status === 'convened');
  return (
    <>
      <section className={layout.section} aria-labelledby="setup-heading">
        <h2 id="setup-heading" className={layout.heading}>
          {t(`sitting.status.${meeting.status}`)}
        </h2>
        {role === 'director' && !editable && <p className={layout.muted}>{t('details.locked')}</p>}
        {role === 'director' && meeting.status === 'draft' && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void run({ type: 'ConveneMeeting' })}
          >
            {t('details.convene')}
          </Button>
        )}
      </section>
      <TabList
        selectedValue={part}
        onTabSelect={(_e, data) => {
          setPart(data.value as Part);
        }}
      >
        {parts.map((p) => (
          <Tab key={p} value={p} id={`details-tab-${p}`} aria-controls="details-panel">
            {t(`details.parts.${p}`)}
          </Tab>
        ))}
      </TabList>
      <div id="details-panel" role="tabpanel" aria-labelledby={`details-tab-${part}`}>
        {part === 'agenda' && <AgendaEditor editable={editable} />}
        {part === 'roster' && <RosterEditor editable={editable} />}
        {part === 'rules' && <RulesEditor editable={editable} />}
      </div>
    </>
  );
}
