import { Button, Field, Select, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Refused, type Api, type MeetingSummary } from '../api/client';
import { useLayout } from './styles';

/** The meetings of the reader's tenant, to link a Teams meeting to one or open one in the browser. */
export function MeetingChooser({
  api,
  chosen,
  onChoose,
  action,
}: {
  api: Api;
  chosen: string | null;
  onChoose: (meetingId: string) => void;
  /** A button that acts on the choice (outside Teams: open it); Teams has its own Save. */
  action?: string;
}) {
  const { t } = useTranslation();
  const layout = useLayout();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [value, setValue] = useState(chosen ?? '');
  useEffect(() => {
    api.meetings().then(
      (answer) => {
        setMeetings(answer.meetings);
      },
      (error: unknown) => {
        setFailure(error instanceof Refused ? error.message : String(error));
      },
    );
  }, [api]);
  useEffect(() => {
    setValue(chosen ?? '');
  }, [chosen]);
  if (failure) return <p role="alert">{failure}</p>;
  if (!meetings) return <Spinner label={t('app.loading')} />;
  return (
    <form
      className={layout.row}
      onSubmit={(event) => {
        event.preventDefault();
        if (value) onChoose(value);
      }}
    >
      <Field label={t('config.meeting')} className={layout.grow}>
        <Select
          value={value}
          onChange={(_e, data) => {
            setValue(data.value);
            if (!action && data.value) onChoose(data.value);
          }}
        >
          <option value="">{t('config.choose')}</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} · {t(`sitting.status.${m.status}`)}
            </option>
          ))}
        </Select>
      </Field>
      {action && (
        <Button type="submit" appearance="primary" disabled={!value}>
          {action}
        </Button>
      )}
    </form>
  );
}
