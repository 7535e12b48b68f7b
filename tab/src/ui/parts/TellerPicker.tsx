import { membersInOffice } from '@council/shared';
import { Button, Combobox, Field, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { useLayout } from '../styles';

/** The chair picks exactly the number of tellers the rules ask for, among the voting members. */
export default function TellerPicker({
  busy,
  onName,
}: {
  busy: boolean;
  onName: (tellers: string[]) => void;
}) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const layout = useLayout();
  const rule = meeting.profile.sealedBox.value;
  const members = membersInOffice(meeting.setup.roster);
  const [chosen, setChosen] = useState<string[]>([]);
  const names = new Map(members.map((member) => [member.id, member.name]));
  return (
    <form
      className={layout.column}
      onSubmit={(event) => {
        event.preventDefault();
        onName(chosen);
      }}
    >
      <Field
        label={t('tellers.pick', { count: rule.tellers })}
        hint={rule.director ? t('tellers.pickHint') : undefined}
      >
        <Combobox
          multiselect
          className={layout.fill}
          selectedOptions={chosen}
          value={chosen.map((id) => names.get(id) ?? id).join(', ')}
          onOptionSelect={(_event, data) => {
            setChosen(data.selectedOptions);
          }}
        >
          {members.map((member) => (
            <Option key={member.id} value={member.id}>
              {member.name}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Button
        type="submit"
        appearance="primary"
        className={layout.tag}
        disabled={busy || chosen.length !== rule.tellers}
      >
        {t('tellers.nameThem')}
      </Button>
    </form>
  );
}
