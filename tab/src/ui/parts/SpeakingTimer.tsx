import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerClock } from '../../live/clock';

/** 75 000 ms → "1:15"; an hour or more → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** How long the speaker has spoken, by the service's clock: the same on every screen. */
export function SpeakingTimer({
  startedAt,
  clock,
  className,
}: {
  startedAt: string;
  clock: ServerClock;
  className?: string;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    const timer = setInterval(() => {
      setNow(clock.now());
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, [clock, startedAt]);
  const elapsed = formatDuration(now - Date.parse(startedAt));
  return (
    <span role="timer" aria-label={t('speaking.timer', { elapsed })} className={className}>
      {elapsed}
    </span>
  );
}
