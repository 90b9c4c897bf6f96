import { useEffect, useState, type RefObject } from 'react';
import { exportPanelImage, type ExportContext } from '../files/panelImage';

type GraphicKind = 'svg' | 'canvas' | null;

/**
 * Which kind of drawing the panel body holds, looked up after every render (panels draw
 * late: the ring appears once a scenario loads). A query, not a layout read, so it stays
 * cheap when playback re-renders every frame.
 */
function useGraphicKind(bodyRef: RefObject<HTMLElement | null>): GraphicKind {
  const [kind, setKind] = useState<GraphicKind>(null);
  // Policy: runs after every render on purpose (no dependency list), and sets state only when
  // the kind changed, so it settles at once.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    const body = bodyRef.current;
    const found = body?.querySelector('svg, canvas') ?? null;
    let next: GraphicKind = null;
    if (found !== null) next = found.localName === 'canvas' ? 'canvas' : 'svg';
    if (next !== kind) setKind(next);
  });
  return kind;
}

interface PanelExportProps {
  title: string;
  /** The panel body, searched for its drawing when a button is pressed. */
  bodyRef: RefObject<HTMLElement | null>;
}

/** SVG and PNG buttons in a panel's header, shown once the panel has a drawing. */
export function PanelExport({ title, bodyRef }: PanelExportProps) {
  const kind = useGraphicKind(bodyRef);
  const [problem, setProblem] = useState<string | null>(null);
  if (kind === null) return null;
  const save = (format: 'svg' | 'png') => {
    const body = bodyRef.current;
    if (body === null) return;
    exportPanelImage(body, title, format, exportContext()).then(setProblem, (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      setProblem(`The image could not be saved: ${reason}`);
    });
  };
  return (
    <span className="panel-export" role="group" aria-label={`Save ${title} as an image`}>
      {kind === 'svg' && (
        <ExportButton label={`Save ${title} as SVG`} onClick={() => save('svg')}>
          SVG
        </ExportButton>
      )}
      <ExportButton label={`Save ${title} as PNG`} onClick={() => save('png')}>
        PNG
      </ExportButton>
      {problem !== null && (
        <span className="panel-export-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/**
 * The scenario and the tick at the time cursor, read from the header's status line when a
 * button is pressed. Policy: from the page, not the store, so a panel renders without the
 * store (the panels' server-side tests start no worker) and never re-renders for the tick.
 */
function exportContext(): ExportContext {
  const status = document.querySelector<HTMLElement>('[data-testid="run-status"]');
  const tick = status?.dataset.tick;
  return {
    scenarioName: status?.dataset.scenarioName ?? null,
    tick: tick === undefined || tick === '' ? null : Number(tick),
  };
}

interface ExportButtonProps {
  label: string;
  onClick(): void;
  children: string;
}

function ExportButton({ label, onClick, children }: ExportButtonProps) {
  return (
    <button type="button" className="export-button" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}
