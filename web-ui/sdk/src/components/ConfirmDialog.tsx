import { useEffect, useRef, type ReactNode } from "react";

/**
 * Asks before something that cannot be undone. Built on the native modal <dialog>: the browser
 * makes the rest of the page inert (so focus stays inside), closes it on Escape, and returns
 * focus to where it was; we only focus the safe choice first.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  danger = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="ga-dialog"
      aria-labelledby="ga-dialog-title"
      // Escape fires "cancel"; let the owner decide, so the open prop stays the truth.
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="ga-dialog-title">{title}</h2>
      <div className="ga-dialog__body">{children}</div>
      <div className="ga-dialog__actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? "ga-button--danger" : "ga-button--primary"} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
