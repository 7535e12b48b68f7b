import { Button, type ButtonProps } from '@fluentui/react-components';
import { lazy, Suspense, type Ref } from 'react';

// Tooltips bring Fluent's positioning engine: loaded after the view shows, the button meanwhile
// named by its aria-label alone.
const Hint = lazy(() => import('./Hint'));

/** A button that shows only an icon (↑ ↓ 🎙 ✕): its label is its accessible name and its tooltip. */
export function IconButton({
  label,
  ...props
}: ButtonProps & { label: string; ref?: Ref<HTMLButtonElement> }) {
  const button = <Button {...props} aria-label={label} />;
  return (
    <Suspense fallback={button}>
      <Hint label={label}>{button}</Hint>
    </Suspense>
  );
}
