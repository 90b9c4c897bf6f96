import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` shown modally while `open` is true and closed when it turns false: the ref to
 * put on the element. Escape and the dialog's own close still call its `onClose`.
 */
export function useModalDialog(open: boolean) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return dialogRef;
}
