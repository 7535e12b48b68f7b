import {
  languages,
  profileIds,
  profiles,
  type Language,
  type ProfileId,
  type MeetingSetup,
} from '@council/shared';
import { Button, Field, Select, Switch } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RulesInForce } from '../parts/RulesInForce';
import { ActionFeedback } from '../parts/ActionFeedback';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';

type Overrides = MeetingSetup['rules']['overrides'];
type HouseRules = Required<
  Pick<Overrides, 'joiningCallIsPresence' | 'quorumAt' | 'presenceToCast'>
>;

/** The council's own rules set here, each kept only where it differs from its region's. */
function withHouseRules(overrides: Overrides, profile: ProfileId, chosen: HouseRules): Overrides {
  const region = profiles[profile];
  const differs = (rule: keyof HouseRules) =>
    JSON.stringify(chosen[rule]) !== JSON.stringify(region[rule].value);
  const others = Object.entries(overrides).filter(([rule]) => !(rule in chosen));
  const own = Object.entries(chosen).filter(([rule]) => differs(rule as keyof HouseRules));
  return Object.fromEntries([...others, ...own]);
}

/** The rules profile (the council's house rules kept) and the language the meeting is held in. */
export function RulesEditor({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const [profile, setProfile] = useState<ProfileId>(meeting.setup.rules.profile);
  const [language, setLanguage] = useState<Language>(meeting.setup.language);
  const joiningNow = meeting.profile.joiningCallIsPresence.value;
  const [joining, setJoining] = useState(joiningNow);
  const atCloseNow = meeting.profile.quorumAt.value === 'decision';
  const [atClose, setAtClose] = useState(atCloseNow);
  const castingNow = meeting.profile.presenceToCast.value;
  const [returning, setReturning] = useState(castingNow.returningMayVote);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    setProfile(meeting.setup.rules.profile);
  }, [meeting.setup.rules.profile]);
  useEffect(() => {
    setLanguage(meeting.setup.language);
  }, [meeting.setup.language]);
  useEffect(() => {
    setJoining(joiningNow);
  }, [joiningNow]);
  useEffect(() => {
    setAtClose(atCloseNow);
  }, [atCloseNow]);
  useEffect(() => {
    setReturning(castingNow.returningMayVote);
  }, [castingNow.returningMayVote]);
  const rulesChanged =
    profile !== meeting.setup.rules.profile ||
    joining !== joiningNow ||
    atClose !== atCloseNow ||
    returning !== castingNow.returningMayVote;

  return (
    <div className={layout.section}>
      <form
        className={layout.row}
        onSubmit={(event) => {
          event.preventDefault();
          void run({
            type: 'ChooseRules',
            rules: {
              profile,
              overrides: withHouseRules(meeting.setup.rules.overrides, profile, {
                joiningCallIsPresence: joining,
                quorumAt: atClose ? 'decision' : 'opening',
                presenceToCast: { ...castingNow, returningMayVote: returning },
              }),
            },
          }).then((ok) => {
            setSaved(ok ? 'rules' : null);
          });
        }}
      >
        <Field label={t('rules.profile')} className={layout.grow}>
          <Select
            value={profile}
            disabled={!editable}
            onChange={(_e, data) => {
              setProfile(data.value as ProfileId);
            }}
          >
            {profileIds.map((id) => (
              <option key={id} value={id}>
                {t(`rules.profiles.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Switch
          label={t('rules.joiningIsPresence')}
          checked={joining}
          disabled={!editable}
          onChange={(_e, data) => {
            setJoining(data.checked);
          }}
        />
        <Switch
          label={t('rules.quorumAtClose')}
          checked={atClose}
          disabled={!editable}
          onChange={(_e, data) => {
            setAtClose(data.checked);
          }}
        />
        <Switch
          label={t('rules.returningMayVote')}
          checked={returning}
          disabled={!editable}
          onChange={(_e, data) => {
            setReturning(data.checked);
          }}
        />
        {editable && (
          <Button type="submit" disabled={busy || !rulesChanged}>
            {t('rules.saveProfile')}
          </Button>
        )}
        {saved === 'rules' && <span role="status">{t('details.saved')}</span>}
      </form>
      <form
        className={layout.row}
        onSubmit={(event) => {
          event.preventDefault();
          void run({ type: 'ChooseLanguage', language }).then((ok) => {
            setSaved(ok ? 'language' : null);
          });
        }}
      >
        <Field label={t('rules.language')} className={layout.grow}>
          <Select
            value={language}
            disabled={!editable}
            onChange={(_e, data) => {
              setLanguage(data.value as Language);
            }}
          >
            {languages.map((id) => (
              <option key={id} value={id} lang={id}>
                {t(`languages.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
        {editable && (
          <Button type="submit" disabled={busy || language === meeting.setup.language}>
            {t('rules.saveLanguage')}
          </Button>
        )}
        {saved === 'language' && <span role="status">{t('details.saved')}</span>}
      </form>
      <ActionFeedback feedback={feedback} />
      <RulesInForce />
    </div>
  );
}
