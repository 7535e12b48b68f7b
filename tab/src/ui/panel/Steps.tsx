import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';

const steps = ['now', 'agenda'] as const;
type Step = (typeof steps)[number];

const useStyles = makeStyles({
  tabs: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    borderRadius: 0,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    fontWeight: tokens.fontWeightRegular,
  },
  selected: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * A member's panel in two tabs: what to do now first, the agenda and the rarer controls apart.
 * A vote or a roll call that opens calls the reader back to "Now", where they answer it. Buttons
 * rather than Fluent's TabList: its arrow-key mover alone would weigh 24 KB on the panel's load.
 */
export function Steps({ now, agenda }: { now: ReactNode; agenda: ReactNode }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const styles = useStyles();
  const [step, setStep] = useState<Step>('now');
  const tabs = useRef<Partial<Record<Step, HTMLElement | null>>>({});
  const called = meeting.openVoteId ?? (meeting.rollCall.status === 'open' ? 'roll call' : null);
  useEffect(() => {
    if (called) setStep('now');
  }, [called]);

  function arrows(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, Home: -9, End: 9 };
    const by = moves[event.key];
    if (by === undefined) return;
    event.preventDefault();
    const at = Math.min(steps.length - 1, Math.max(0, steps.indexOf(step) + by));
    const next = steps[at] ?? 'now';
    setStep(next);
    tabs.current[next]?.focus();
  }

  return (
    <>
      <div role="tablist" aria-label={t('console.sections')} className={styles.tabs}>
        {steps.map((each) => (
          <Button
            key={each}
            ref={(button) => {
              tabs.current[each] = button;
            }}
            role="tab"
            id={`step-${each}`}
            aria-selected={step === each}
            aria-controls="step-panel"
            tabIndex={step === each ? 0 : -1}
            appearance="transparent"
            className={mergeClasses(styles.tab, step === each && styles.selected)}
            onClick={() => {
              setStep(each);
            }}
            onKeyDown={arrows}
          >
            {t(`console.${each}`)}
          </Button>
        ))}
      </div>
      <div role="tabpanel" id="step-panel" aria-labelledby={`step-${step}`}>
        {step === 'now' ? now : agenda}
      </div>
    </>
  );
}
