import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useUi } from '../store/uiStore';
import { pageActions } from './actions';

const tour: readonly { panel: string; what: string }[] = [
  { panel: 'Configuration', what: 'agents, faults, network and parameters; Apply & run starts the edit.' },
  { panel: 'Network', what: 'agents on a ring, the leader in gold, messages as lettered dots.' },
  { panel: 'Quorum', what: 'the n − f arithmetic; why two quorums share an honest agent.' },
  { panel: 'Invariants', what: 'safety rules checked after every event: green holds, red broke.' },
  { panel: 'Agent inspector', what: 'click any agent: its persona, sealed record and signature check.' },
  { panel: 'Opinions', what: 'agents’ positions drawing together over deliberation steps.' },
  { panel: 'Trust', what: 'how much each agent trusts each other one, round by round.' },
  { panel: 'Commit timeline', what: 'every round over ticks: resolutions, commits and view changes.' },
  { panel: 'Drawer', what: 'the event log (click a line to jump there) and the pentadic report.' },
  { panel: 'Playback', what: 'play, step and scrub: every panel shows the run at the cursor.' },
];

/**
 * Keeps Tab inside the dialog: a modal dialog makes the page inert, but Tab past its last
 * control would still leave for the browser's own toolbar.
 */
function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const focusable = event.currentTarget.querySelectorAll<HTMLElement>(
    'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])',
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (first === undefined || last === undefined) return;
  const active = document.activeElement;
  const outside = !event.currentTarget.contains(active);
  if (event.shiftKey ? active === first || outside : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/**
 * Keyboard shortcuts and a short tour. A modal `<dialog>`: the page behind it is inert, so
 * focus stays inside; Escape closes it, and focus returns to where it was.
 */
export function HelpDialog() {
  const open = useUi((state) => state.helpOpen);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      const active = document.activeElement;
      returnFocus.current = active instanceof HTMLElement ? active : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const onClose = () => {
    useUi.getState().setHelpOpen(false);
    returnFocus.current?.focus();
    returnFocus.current = null;
  };
  return (
    <dialog
      ref={dialogRef}
      className="help-dialog"
      data-testid="help-dialog"
      aria-labelledby="help-title"
      onClose={onClose}
      onKeyDown={trapTab}
    >
      <header className="help-header">
        <h2 id="help-title">BFT Lab: keys and a tour</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close help"
          onClick={() => dialogRef.current?.close()}
        >
          ✕
        </button>
      </header>
      <h3>Keyboard</h3>
      <dl className="shortcut-list">
        {pageActions.map((action) => (
          <div key={action.id}>
            <dt>{action.keyLabel === null ? <span className="muted">click</span> : <kbd>{action.keyLabel}</kbd>}</dt>
            <dd>{action.does}</dd>
          </div>
        ))}
      </dl>
      <h3>The panels</h3>
      <ul className="help-tour">
        {tour.map((stop) => (
          <li key={stop.panel}>
            <strong>{stop.panel}</strong>: {stop.what}
          </li>
        ))}
      </ul>
      <p className="help-footnote">
        Panels with a drawing save it as SVG or PNG from their header. The File menu exports the
        scenario or the whole trace as JSON, and opens either again.
      </p>
    </dialog>
  );
}
