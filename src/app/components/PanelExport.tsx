import { useEffect, useState, type RefObject } from 'react';
import { exportPanelImage } from '../files/panelImage';

type GraphicKind = 'svg' | 'canvas' | null;

/**
 * Which kind of drawing the panel body holds, looked up after every render (panels draw
 * late: the ring appears once a scenario loads). A query, not a layout read, so it stays
 * cheap when playback re-renders every frame.
 */
function useGraphicKind(bodyRef: RefObject<HTMLElement | null>): GraphicKind {
  const [kind, setKind] = useState<GraphicKind>(null);
  useEffect(() => {
    const body = bodyRef.current;
    const found = body?.querySelector('svg, canvas') ?? null;
    const next: GraphicKind = found === null ? null : found.localName === 'canvas' ? 'canvas' : 'svg';
    if (next !== kind) setKind(next);
  });
  return kind;
}

/** SVG and PNG buttons in a panel's header, shown once the panel has a drawing. */
export function PanelExport({ title, bodyRef }: { title: string; bodyRef: RefObject<HTMLElement | null> }) {
  const kind = useGraphicKind(bodyRef);
  const [problem, setProblem] = useState<string | null>(null);
  if (kind === null) return null;
  const save = (format: 'svg' | 'png') => {
    const body = bodyRef.current;
    if (body === null) return;
    exportPanelImage(body, title, format).then(setProblem, (error: unknown) =>
      setProblem(`The image could not be saved: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  return (
    <span className="panel-export" role="group" aria-label={`Save ${title} as an image`}>
      {kind === 'svg' && (
        <button type="button" className="export-button" aria-label={`Save ${title} as SVG`} onClick={() => save('svg')}>
          SVG
        </button>
      )}
      <button type="button" className="export-button" aria-label={`Save ${title} as PNG`} onClick={() => save('png')}>
        PNG
      </button>
      {problem !== null && (
        <span className="panel-export-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
