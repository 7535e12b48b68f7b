import { Link } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tabAddress, type Place } from '../../host/place';
import type { TeamsHost } from '../../host/teams';
import { MeetingChooser } from '../MeetingChooser';
import { lazyPart } from '../parts/LazyPart';
import type { Reader } from '../Root';
import { useRenderedMark } from '../rendered';
import { useLayout } from '../styles';

// Its text fields load after the list of meetings shows: every view's first load is spared them.
const NewMeeting = lazyPart(async () => (await import('./NewMeeting')).NewMeeting);

/**
 * The configuration page Teams shows when the app is added to a meeting: it links the Teams
 * meeting to a meeting record, existing or new, and saves that link with pages.config.
 */
export function ConfigPage({
  reader,
  place,
  teams,
}: {
  reader: Reader;
  place: Place;
  teams: TeamsHost | null;
}) {
  const { t } = useTranslation();
  const layout = useLayout();
  const [chosen, setChosen] = useState<string | null>(place.meetingId);
  const [listKey, setListKey] = useState(0);

  useEffect(() => {
    teams?.config.onSave(() => {
      const id = chosen ?? '';
      return Promise.resolve({
        entityId: id,
        contentUrl: tabAddress(location.origin, id),
        name: t('app.name'),
      });
    });
    teams?.config.setValid(chosen !== null);
  }, [teams, chosen, t]);

  useRenderedMark();

  const open = (view: 'panel' | 'stage' | 'details') => {
    const url = new URL(tabAddress(location.origin, chosen ?? '', view));
    const as = new URLSearchParams(location.search).get('as');
    if (as) url.searchParams.set('as', as);
    return url.toString();
  };

  return (
    <main>
      <h1 className={layout.heading}>{t('config.heading')}</h1>
      <p className={layout.muted}>{t('config.explain')}</p>
      <section className={layout.section} aria-label={t('config.existing')}>
        <MeetingChooser key={listKey} api={reader.api} chosen={chosen} onChoose={setChosen} />
        {chosen && (
          <p role="status" data-chosen={chosen}>
            {teams ? t('config.willLink') : t('config.openIn')}{' '}
            {!teams && (
              <>
                <Link href={open('panel')}>{t('config.views.panel')}</Link> ·{' '}
                <Link href={open('stage')}>{t('config.views.stage')}</Link> ·{' '}
                <Link href={open('details')}>{t('config.views.details')}</Link>
              </>
            )}
          </p>
        )}
      </section>
      {reader.id && (
        <NewMeeting
          api={reader.api}
          me={{ id: reader.id, name: reader.name ?? reader.id }}
          language={place.language}
          onCreated={(id) => {
            setChosen(id);
            setListKey((k) => k + 1);
          }}
        />
      )}
    </main>
  );
}
