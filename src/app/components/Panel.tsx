import { useId, useRef, useState, type ReactNode } from 'react';
import { PanelExport } from './PanelExport';

export interface PanelProps {
  testId: string;
  title: string;
  /** One line saying what the panel shows. */
  caption: string;
  /** A short explanation of the concept, behind the ⓘ button. */
  info: ReactNode;
  legend?: ReactNode;
  children: ReactNode;
}

/**
 * The anatomy every panel shares (UI.md): title, caption, ⓘ explanation, legend, body, and
 * SVG/PNG export of the body's drawing when it has one.
 */
export function Panel({ testId, title, caption, info, legend, children }: PanelProps) {
  const [infoOpen, setInfoOpen] = useState(false);
  const infoId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  return (
    <section className="panel" data-testid={testId} aria-labelledby={`${infoId}-title`}>
      <header className="panel-header">
        <h2 id={`${infoId}-title`}>{title}</h2>
        <PanelExport title={title} bodyRef={bodyRef} />
        <button
          type="button"
          className="icon-button"
          aria-label={`About ${title}`}
          aria-expanded={infoOpen}
          aria-controls={infoId}
          onClick={() => setInfoOpen((open) => !open)}
        >
          <span className="info-glyph" aria-hidden="true">i</span>
        </button>
      </header>
      <p className="panel-caption">{caption}</p>
      {infoOpen && (
        <div className="panel-info" id={infoId}>
          {info}
        </div>
      )}
      {legend && <div className="panel-legend">{legend}</div>}
      <div className="panel-body" ref={bodyRef}>
        {children}
      </div>
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}
