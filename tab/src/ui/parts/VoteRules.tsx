import {
  majorityInWords,
  majorityName,
  secretAllowed,
  thresholdBases,
  thresholds,
  type AgendaItem,
  type Meeting,
  type Threshold,
  type ThresholdBase,
  type Vote,
} from '@council/shared';
import { Checkbox, Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { useLayout } from '../styles';

export interface Majority {
  readonly threshold: Threshold;
  readonly base: ThresholdBase;
}

export const plainMajority: Majority = { threshold: '1/2', base: 'votesCast' };

/** Every majority the rules provide for, on every base they allow, plain majority first. */
function majoritiesOf(meeting: Meeting): Majority[] {
  const profile = meeting.profile;
  const allowedThresholds = thresholds.filter(
    (th) => th === '1/2' || profile.thresholds.value.includes(th),
  );
  const allowedBases = thresholdBases.filter(
    (base) => base === 'votesCast' || profile.thresholdBases.value.includes(base),
  );
  return allowedThresholds.flatMap((threshold) =>
    allowedBases.map((base) => ({ threshold, base })),
  );
}

const keyOf = (m: Majority) => `${m.threshold} ${m.base}`;

/** The chair picks the majority in words: "two-thirds majority of the members present". */
export function MajorityPicker(props: { value: Majority; onChange: (majority: Majority) => void }) {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  const choices = majoritiesOf(meeting);
  return (
    <Field label={t('vote.threshold')} className={layout.fill}>
      <Select
        className={layout.fill}
        value={keyOf(props.value)}
        onChange={(_e, data) => {
          const chosen = choices.find((m) => keyOf(m) === data.value);
          if (chosen) props.onChange(chosen);
        }}
      >
        {choices.map((m) => (
          <option key={keyOf(m)} value={keyOf(m)}>
            {majorityName(m.threshold, m.base, language)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Secret where the rules require it, public where they forbid it (CDLD L1122-27), else a choice. */
function secretRuleOf(meeting: Meeting, item: AgendaItem): 'required' | 'allowed' | 'public' {
  if (meeting.profile.secretSubjects.value.includes(item.subject)) return 'required';
  return secretAllowed(meeting.profile, item.subject) ? 'allowed' : 'public';
}

/** Whether the vote the chair opens is secret: the chair's choice only where the rules leave it. */
export function secretOf(meeting: Meeting, item: AgendaItem, chosen: boolean): { secret: boolean } {
  const rule = secretRuleOf(meeting, item);
  return { secret: rule === 'required' || (rule === 'allowed' && chosen) };
}

/** The secret-ballot box, offered only where the rules leave the choice to the chair. */
export function SecretChoice(props: {
  item: AgendaItem;
  checked: boolean;
  onChange: (secret: boolean) => void;
}) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const layout = useLayout();
  const rule = secretRuleOf(meeting, props.item);
  if (rule === 'public') return <span className={layout.muted}>{t('vote.publicByRule')}</span>;
  return (
    <Checkbox
      label={t('vote.secret')}
      checked={rule === 'required' || props.checked}
      disabled={rule === 'required'}
      onChange={(_e, data) => {
        props.onChange(data.checked === true);
      }}
    />
  );
}

/** A majority of members says its base and numbers under a result; votes cast are already there. */
export function MajorityOfResult({ vote }: { vote: Vote }) {
  const { language } = useSession();
  const layout = useLayout();
  const result = vote.result;
  if (!result || result.base === 'votesCast') return null;
  return (
    <div className={layout.muted} data-majority="">
      {majorityInWords(vote.threshold, result, language)}
    </div>
  );
}
