import {
  languages,
  profileIds,
  type Language,
  type MeetingSetupInput,
  type ProfileId,
} from '@council/shared';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Refused, type Api } from '../../api/client';
import { useLayout } from '../styles';

/** Until the director imports the roster, the meeting needs a chair: a placeholder holds the seat. */
export const PLACEHOLDER_CHAIR = 'chair-to-be-named';

/**
 * A new meeting record: from a council file (people and agenda, like the demo council's), or an
 * empty one whose director is the reader, to be completed in the meeting details tab.
 */
export function NewMeeting({
  api,
  me,
  language,
  onCreated,
}: {
  api: Api;
  me: { id: string; name: string };
  language: Language;
  onCreated: (meetingId: string) => void;
}) {
  const { t } = useTranslation();
  const layout = useLayout();
  const fileInput = useId();
  const [title, setTitle] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [start, setStart] = useState('');
  const [meetingLanguage, setMeetingLanguage] = useState<Language>(language);
  const [profile, setProfile] = useState<ProfileId>('wallonia');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    setProblem(null);
    try {
      if (file) {
        // Checking a council file takes zod: loaded only when a director picks one.
        const { readCouncilFile } = await import('../../setup/council-file');
        const council = readCouncilFile(await file.text());
        if (!council) throw new Error(t('config.badCouncilFile'));
        onCreated((await api.createMeeting({ council })).meetingId);
        return;
      }
      const setup: MeetingSetupInput = {
        title,
        municipality,
        language: meetingLanguage,
        mode: 'remote',
        tool: 'Microsoft Teams',
        scheduledStart: new Date(start).toISOString(),
        roster: [
          { id: me.id, name: me.name, role: 'director' },
          { id: PLACEHOLDER_CHAIR, name: t('config.chairToName'), role: 'chair' },
        ],
        agenda: [],
        rules: { profile, overrides: {} },
      };
      onCreated((await api.createMeeting({ setup })).meetingId);
    } catch (error) {
      setProblem(
        error instanceof Refused || error instanceof Error ? error.message : String(error),
      );
    } finally {
      setBusy(false);
    }
  }

  const complete = file !== null || (title.trim() && municipality.trim() && start);
  return (
    <form
      className={layout.section}
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <h2 className={layout.heading}>{t('config.new')}</h2>
      <div className={layout.row}>
        <label htmlFor={fileInput}>{t('config.councilFile')}</label>
        <input
          id={fileInput}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
          }}
        />
      </div>
      {!file && (
        <>
          <Field label={t('config.title')} required>
            <Input
              value={title}
              onChange={(_e, d) => {
                setTitle(d.value);
              }}
            />
          </Field>
          <Field label={t('config.municipality')} required>
            <Input
              value={municipality}
              onChange={(_e, d) => {
                setMunicipality(d.value);
              }}
            />
          </Field>
          <Field label={t('config.start')} required>
            <Input
              type="datetime-local"
              value={start}
              onChange={(_e, d) => {
                setStart(d.value);
              }}
            />
          </Field>
          <Field label={t('rules.language')}>
            <Select
              value={meetingLanguage}
              onChange={(_e, d) => {
                setMeetingLanguage(d.value as Language);
              }}
            >
              {languages.map((id) => (
                <option key={id} value={id} lang={id}>
                  {t(`languages.${id}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('rules.profile')}>
            <Select
              value={profile}
              onChange={(_e, d) => {
                setProfile(d.value as ProfileId);
              }}
            >
              {profileIds.map((id) => (
                <option key={id} value={id}>
                  {t(`rules.profiles.${id}`)}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      {problem && <p role="alert">{problem}</p>}
      <Button type="submit" appearance="primary" disabled={busy || !complete}>
        {t('config.create')}
      </Button>
    </form>
  );
}
