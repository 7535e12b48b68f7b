import { sittingModes, type SittingMode, type WireCommand } from '@council/shared';
import { Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionFeedback } from '../parts/ActionFeedback';
import { useCommand, useSession } from '../session';
import { useLayout } from '../styles';

/**
 * The director convenes the council: where it sits, or the tool, how to join and why it meets
 * remotely (Walloon AGW of 23 Sep 2021, art. 1); urgency where the statute allows a shorter notice.
 */
export function ConveneForm() {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { run, busy, feedback } = useCommand();
  const layout = useLayout();
  const [mode, setMode] = useState<SittingMode>(meeting.setup.mode);
  const [place, setPlace] = useState('');
  const [tool, setTool] = useState(meeting.setup.tool);
  const [join, setJoin] = useState('');
  const [reason, setReason] = useState('');
  const [urgent, setUrgent] = useState(false);
  const remote = mode !== 'in-person';
  const inRoom = mode !== 'remote';
  const filled = (value: string) => (value.trim() ? value.trim() : undefined);
  const command: WireCommand = {
    type: 'ConveneMeeting',
    mode,
    ...(inRoom && filled(place) ? { place: filled(place) } : {}),
    ...(filled(tool) ? { tool: filled(tool) } : {}),
    ...(remote && filled(join) ? { join: filled(join) } : {}),
    ...(remote && filled(reason) ? { reason: filled(reason) } : {}),
    ...(urgent ? { urgent } : {}),
  };
  return (
    <form
      className={layout.column}
      aria-label={t('convocation.form')}
      onSubmit={(event) => {
        event.preventDefault();
        void run(command);
      }}
    >
      <Field label={t('convocation.mode')}>
        <Select
          value={mode}
          onChange={(_, data) => {
            setMode(data.value as SittingMode);
          }}
        >
          {sittingModes.map((m) => (
            <option key={m} value={m}>
              {t(`convocation.modes.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      {inRoom && (
        <Field label={t('convocation.place')} required>
          <Input
            value={place}
            maxLength={300}
            onChange={(_, data) => {
              setPlace(data.value);
            }}
          />
        </Field>
      )}
      {remote && (
        <>
          <Field label={t('convocation.tool')}>
            <Input
              value={tool}
              maxLength={100}
              onChange={(_, data) => {
                setTool(data.value);
              }}
            />
          </Field>
          <Field label={t('convocation.join')} hint={t('convocation.joinHint')}>
            <Input
              value={join}
              maxLength={2000}
              onChange={(_, data) => {
                setJoin(data.value);
              }}
            />
          </Field>
          <Field label={t('convocation.reason')} hint={t('convocation.reasonHint')} required>
            <Textarea
              value={reason}
              maxLength={1000}
              onChange={(_, data) => {
                setReason(data.value);
              }}
            />
          </Field>
        </>
      )}
      <Checkbox
        checked={urgent}
        label={t('convocation.urgent')}
        onChange={(_, data) => {
          setUrgent(data.checked === true);
        }}
      />
      <Button type="submit" appearance="primary" className={layout.tag} disabled={busy}>
        {t('details.convene')}
      </Button>
      <ActionFeedback feedback={feedback} />
    </form>
  );
}
