import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { exportScenarioFile, exportTraceFile, importFile } from '../store/fileActions';
import { useRun } from '../store/runStore';

/** Loaded on first use: the check's dialog, store and worker pool are not in the first page. */
const SeedsCheckDialog = lazy(() => import('./SeedsCheckDialog'));

/**
 * The header's File menu: export the scenario or the trace as JSON, import either, and check
 * the scenario over many seeds. A disclosure (`<details>`), so it opens and closes from the
 * keyboard without extra code.
 */
export function FileMenu() {
  const scenario = useRun((state) => state.scenario);
  const status = useRun((state) => state.status);
  const [open, setOpen] = useState(false);
  /** The seeds check: asked for once (then kept mounted), and open now. */
  const [seeds, setSeeds] = useState({ wanted: false, open: false });
  const menuRef = useRef<HTMLDetailsElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useCloseOnOutsidePointer(open, menuRef, () => setOpen(false));

  const busy = status === 'starting' || status === 'simulating';
  const run = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <>
      <details
        className="file-menu"
        ref={menuRef}
        open={open}
        onToggle={(event) => setOpen(event.currentTarget.open)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return;
          setOpen(false);
          menuRef.current?.querySelector('summary')?.focus();
        }}
      >
        <summary data-testid="file-menu">File</summary>
        <div className="file-menu-items">
          <button
            type="button"
            data-testid="export-scenario"
            disabled={scenario === null}
            onClick={run(exportScenarioFile)}
          >
            Export scenario (.json)
          </button>
          <button
            type="button"
            data-testid="export-trace"
            disabled={scenario === null || busy}
            onClick={run(() => void exportTraceFile())}
          >
            Export trace (.json)
          </button>
          <button
            type="button"
            data-testid="import-file"
            onClick={run(() => inputRef.current?.click())}
          >
            Import scenario or trace…
          </button>
          <p className="file-menu-hint">or drop a file anywhere on the page</p>
          <button
            type="button"
            data-testid="seeds-open"
            disabled={scenario === null}
            onClick={run(() => setSeeds({ wanted: true, open: true }))}
          >
            Check over seeds…
          </button>
        </div>
      </details>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-input"
        aria-label="Import a scenario or trace file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      {seeds.wanted && (
        <Suspense fallback={null}>
          <SeedsCheckDialog open={seeds.open} onClose={() => setSeeds({ wanted: true, open: false })} />
        </Suspense>
      )}
    </>
  );
}

function useCloseOnOutsidePointer(
  open: boolean,
  ref: RefObject<HTMLElement | null>,
  close: () => void,
) {
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, ref, close]);
}
