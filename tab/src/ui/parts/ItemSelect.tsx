import type { AgendaItem } from '@council/shared';
import { Field, Select } from '@fluentui/react-components';
import { itemLabel } from '../../meeting';
import { useSession } from '../session';
import { useLayout } from '../styles';

/** A choice among agenda items, numbered and titled in the reader's language; fits 320 px. */
export function ItemSelect(props: {
  readonly label: string;
  readonly items: readonly AgendaItem[];
  readonly value: string;
  readonly onChange: (itemId: string) => void;
}) {
  const { meeting, language } = useSession();
  const layout = useLayout();
  return (
    <Field label={props.label}>
      <Select
        className={layout.fill}
        value={props.value}
        onChange={(_, data) => {
          props.onChange(data.value);
        }}
      >
        {props.items.map((item) => (
          <option key={item.id} value={item.id}>
            {itemLabel(meeting, item, language)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
