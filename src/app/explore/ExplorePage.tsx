import { useRef, useState } from 'react';
import { downloadBlob, downloadText } from '../files/download';
import { serializeSvg, surfaceColour, svgToPng } from '../files/panelImage';
import { exportSize } from '../files/svgStyles';
import { useExplore, type ExploreStatus } from '../store/exploreStore';
import './explore.css';
import { SweepChart } from './SweepChart';
import { SweepEditor } from './SweepEditor';
import { sweepCsv, sweepFileName, sweepJson } from './sweepExport';
import { SweepRuns } from './SweepRuns';

/**
 * The Explore page (issue 13; UI.md Explore): the gallery of classic experiments, the sweep
 * editor, the progress bar with time left and Cancel, the diagram and the clicked cell's runs,
 * and exports (CSV and JSON of the rows, SVG and PNG of the picture).
 */
export default function ExplorePage() {
  const close = useExplore((state) => state.close);
  const error = useExplore((state) => state.error);
  const definition = useExplore((state) => state.definition);
  const rows = useExplore((state) => state.rows);
  const metric = useExplore((state) => state.draft.metric);
  const selected = useExplore((state) => state.selected);
  const select = useExplore((state) => state.select);
  const chartRef = useRef<HTMLDivElement>(null);

  return (
    <div className="explore-page" data-testid="explore-page">
      <div className="explore-bar">
        <h2>Explore</h2>
        <p className="panel-caption">Run a scenario over a grid of parameters and many seeds, and read what changes.</p>
        <button type="button" data-testid="explore-close" onClick={close}>Back to the simulator</button>
      </div>
      <Gallery />
      {error !== null && (
        <div className="error-banner" role="alert" data-testid="sweep-error">
          <span>{error}</span>
          <button type="button" aria-label="Dismiss message" onClick={() => useExplore.setState({ error: null })}>✕</button>
        </div>
      )}
      <div className="explore-layout">
        <SweepEditor />
        <main className="explore-centre">
          <SweepProgress />
          {definition === null ? (
            <p className="empty-state">Pick the axes and press Run: the diagram fills in as the runs finish.</p>
          ) : (
            <>
              <div ref={chartRef}>
                <SweepChart definition={definition} rows={rows} metric={metric} selected={selected}
                  onSelect={(xi, yi) => void select(xi, yi)} />
              </div>
              <SweepExports chartRef={chartRef} />
            </>
          )}
        </main>
        {definition !== null ? <SweepRuns definition={definition} rows={rows} metric={metric} /> : <aside />}
      </div>
    </div>
  );
}

function Gallery() {
  const gallery = useExplore((state) => state.gallery);
  const loadExperiment = useExplore((state) => state.loadExperiment);
  const running = useExplore((state) => state.status === 'running' || state.status === 'checking');
  if (gallery.length === 0) return null;
  return (
    <section className="sweep-gallery" aria-label="Classic experiments">
      {gallery.map((experiment) => (
        <article key={experiment.id} className="sweep-card" data-testid="sweep-gallery-card" data-id={experiment.id}>
          <h3>{experiment.question}</h3>
          <details>
            <summary>What to look for</summary>
            <p>{experiment.paragraph}</p>
          </details>
          <button type="button" disabled={running} onClick={() => void loadExperiment(experiment.id)}>Run this experiment</button>
        </article>
      ))}
    </section>
  );
}

const statusWords: Record<ExploreStatus, string> = {
  idle: '', checking: 'checking the sweep…', running: 'running', done: 'done',
  cancelled: 'cancelled (the finished runs stay)', failed: 'stopped',
};

function SweepProgress() {
  const status = useExplore((state) => state.status);
  const done = useExplore((state) => state.done);
  const total = useExplore((state) => state.total);
  const elapsedMs = useExplore((state) => state.elapsedMs);
  const workerCount = useExplore((state) => state.workerCount);
  if (status === 'idle') return null;
  const left = done > 0 && status === 'running' ? Math.round((elapsedMs / done) * (total - done) / 1000) : null;
  return (
    <div className="sweep-progress" data-testid="sweep-progress" data-status={status} data-done={done} data-total={total}
      data-elapsed-ms={Math.round(elapsedMs)} data-workers={workerCount}>
      <progress max={Math.max(1, total)} value={done} aria-label="Runs finished" />
      <span>
        {done} / {total} runs · {statusWords[status]}
        {left !== null && ` · about ${left} s left`}
        {workerCount > 0 && status === 'running' && ` · ${workerCount} worker${workerCount === 1 ? '' : 's'}`}
      </span>
    </div>
  );
}

function SweepExports({ chartRef }: { chartRef: React.RefObject<HTMLDivElement | null> }) {
  const definition = useExplore((state) => state.definition);
  const rows = useExplore((state) => state.rows);
  const link = useExplore((state) => state.link);
  const [problem, setProblem] = useState<string | null>(null);
  if (definition === null) return null;
  const image = async (format: 'svg' | 'png') => {
    const svg = chartRef.current?.querySelector<SVGSVGElement>('svg[data-testid="sweep-heatmap"]');
    if (!svg) return setProblem('There is no diagram to save yet.');
    try {
      const text = serializeSvg(svg, surfaceColour(svg));
      if (format === 'svg') downloadBlob(new Blob([text], { type: 'image/svg+xml' }), sweepFileName(definition, 'svg'));
      else {
        const size = exportSize(svg.getAttribute('viewBox'), svg.getBoundingClientRect());
        downloadBlob(await svgToPng(text, size), sweepFileName(definition, 'png'));
      }
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const copyLink = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(`${location.origin}${location.pathname}${link}`);
      setProblem('Link copied.');
    } catch {
      setProblem('The address bar holds the link: copy it from there.');
    }
  };
  return (
    <div className="sweep-exports">
      <button type="button" data-testid="sweep-export-csv" onClick={() => downloadText(sweepCsv(rows), sweepFileName(definition, 'csv'), 'text/csv')}>CSV</button>
      <button type="button" data-testid="sweep-export-json" onClick={() => downloadText(sweepJson(definition, rows, link), sweepFileName(definition, 'json'))}>JSON</button>
      <button type="button" data-testid="sweep-export-svg" onClick={() => void image('svg')}>SVG</button>
      <button type="button" data-testid="sweep-export-png" onClick={() => void image('png')}>PNG</button>
      <button type="button" data-testid="sweep-share" disabled={link === null} onClick={() => void copyLink()}>Copy sweep link</button>
      {problem !== null && <span className="sweep-export-note" role="status">{problem}</span>}
    </div>
  );
}
