import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { Confirmation } from './Confirm';

/** The dialog of useConfirm: Cancel first, so that Enter on the first focus loses nothing. */
export default function ConfirmDialog({
  open,
  confirmation,
  onClose,
}: {
  open: boolean;
  confirmation: Confirmation;
  onClose: (confirmed: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      // The page outside is made inert while the dialog is open, rather than fenced by focusable
      // guard elements that outlive the dialog (axe: aria-hidden-focus).
      inertTrapFocus
      onOpenChange={(_event, data) => {
        if (!data.open) onClose(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{confirmation.title}</DialogTitle>
          <DialogContent>
            {confirmation.body.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() => {
                onClose(false);
              }}
            >
              {confirmation.cancel}
            </Button>
            <Button
              appearance="primary"
              onClick={() => {
                onClose(true);
              }}
            >
              {confirmation.action}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
