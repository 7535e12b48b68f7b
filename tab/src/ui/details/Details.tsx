import { sittingStatus } from '@council/shared';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyPart } from '../parts/LazyPart';
import { MinutesDownload } from '../parts/MinutesDownload';
import { useSession } from '../session';
import { useLayout } from '../styles';
import { AgendaEditor } from './AgendaEditor';

const Convocation = lazy(() => import('./Convocation'));
// The agenda shows first; the other parts load when their tab is first chosen.
const DocumentsEditor = lazyPart(async () => (await import('./DocumentsEditor')).DocumentsEditor);
const RosterEditor = lazyPart(async () => (await import('./RosterEditor')).RosterEditor);
const RulesEditor = lazyPart(async () => (await import('./RulesEditor')).RulesEditor);
const MinutesSigning = lazyPart(
  async () => (await import('../parts/MinutesSigning')).MinutesSigning,
);
const Publications = lazyPart(async () => (await import('./Publications')).default);
const MinutesCorrections = lazyPart(async () => (await import('./MinutesCorrections')).default);

type Part = 'agenda' | 'documents' | 'roster' | 'rules';
const parts: readonly Part[] = ['agenda', 'documents', 'roster', 'rules'];

const useStyles = makeStyles({
  tabs: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalM,
  },
});

/**
 * The meeting details tab: the setup before the sitting, which the director edits until it opens.
 * Its tabs are plain buttons in the ARIA tabs pattern: Fluent's TabList adds focus sentinels that
 * axe reports as focusable hidden elements.
 */
export default function Details() {
  const { t } = useTranslation();
  const { meeting, role } = useSession();
  const layout = useLayout();
  const styles = useStyles();
  const [part, setPart] = useState<Part>('agenda');
  const tabs = useRef<HTMLElement[]>([]);

  /** Tabs as the ARIA pattern has them: arrows, Home and End move between them and select. */
  function onTabKey(event: KeyboardEvent, index: number) {
    const last = parts.length - 1;
    const to =
      event.key === 'ArrowRight'
        ? (index + 1) % parts.length
        : event.key === 'ArrowLeft'
          ? (index + last) % parts.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const next = to === null ? undefined : parts[to];
    if (to === null || !next) return;
    event.preventDefault();
    setPart(next);
    tabs.current[to]?.focus();
  }
  const editable =
    role === 'director' && (meeting.status === 'draft' || meeting.status === 'convened');
  return (
    <>
      <section className={layout.section} aria-labelledby="setup-heading">
        <h2 id="setup-heading" className={layout.heading}>
          {t(`sitting.status.${sittingStatus(meeting)}`)}
        </h2>
        {role === 'director' && !editable && <p className={layout.muted}>{t('details.locked')}</p>}
        {role === 'director' && (
          <Suspense fallback={null}>
            <Convocation />
          </Suspense>
        )}
      </section>
      {role === 'director' && meeting.status !== 'draft' && <Publications />}
      {role === 'director' && meeting.status === 'open' && <MinutesCorrections />}
      {role === 'director' && meeting.status !== 'draft' && <MinutesDownload />}
      {meeting.status === 'closed' && <MinutesSigning />}
      <div role="tablist" aria-label={t('details.heading')} className={styles.tabs}>
        {parts.map((p, index) => (
          <Button
            key={p}
            ref={(el) => {
              if (el) tabs.current[index] = el;
            }}
            role="tab"
            id={`details-tab-${p}`}
            aria-selected={p === part}
            aria-controls="details-panel"
            tabIndex={p === part ? 0 : -1}
            appearance={p === part ? 'primary' : 'subtle'}
            onClick={() => {
              setPart(p);
            }}
            onKeyDown={(event) => {
              onTabKey(event, index);
            }}
          >
            {t(`details.parts.${p}`)}
          </Button>
        ))}
      </div>
      <div id="details-panel" role="tabpanel" aria-labelledby={`details-tab-${part}`}>
        {part === 'agenda' && <AgendaEditor editable={editable} />}
        {part === 'documents' && (
          <DocumentsEditor editable={role === 'director' && meeting.status !== 'closed'} />
        )}
        {part === 'roster' && <RosterEditor editable={editable} />}
        {part === 'rules' && <RulesEditor editable={editable} />}
      </div>
    </>
  );
}
