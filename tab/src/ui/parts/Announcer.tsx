import type { Language, Meeting } from '@council/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announcementsBetween } from '../../live/announcements';
import { useLayout } from '../styles';

/** A polite live region: a new speaker and an opened vote are read out without moving the focus. */
export function Announcer({ meeting, language }: { meeting: Meeting | null; language: Language }) {
  const { t } = useTranslation();
  const layout = useLayout();
  const [said, setSaid] = useState('');
  const before = useRef<Meeting | null>(null);
  useEffect(() => {
    if (!meeting) return;
    const news = announcementsBetween(before.current, meeting, language);
    before.current = meeting;
    if (news.length === 0) return;
    const text = news
      .map((n) =>
        n.kind === 'speaker'
          ? t('announce.speaker', { name: n.name })
          : t('announce.voteOpened', { subject: n.subject }),
      )
      .join(' ');
    // The same words again (the same member speaks twice) must still change the region to be read.
    setSaid((previous) => (previous === text ? `${text}\u00a0` : text));
  }, [meeting, language, t]);
  return (
    <div aria-live="polite" aria-atomic="true" className={layout.visuallyHidden} data-announcer="">
      {said}
    </div>
  );
}
