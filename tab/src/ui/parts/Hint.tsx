import { Tooltip } from '@fluentui/react-components';
import type { ReactElement } from 'react';

/** The tooltip of an icon button: its label, shown on hover and on keyboard focus. */
export default function Hint({ label, children }: { label: string; children: ReactElement }) {
  return (
    <Tooltip content={label} relationship="label" withArrow>
      {children}
    </Tooltip>
  );
}
