import { useState } from 'react';
import { useNarrowScreen } from './useMediaQuery';

/**
 * The preset's paragraph above the panels. In presenter mode a long paragraph is cut to two
 * lines so the ring and its narration fit a 1280 × 720 projector, and on a phone to three so
 * the ring starts on the first screen; clicking it (or Enter on it) shows the whole claim,
 * and clicking again folds it.
 */
export function ScenarioBrief({ text, presenter }: { text: string; presenter: boolean }) {
  const [open, setOpen] = useState(false);
  const narrow = useNarrowScreen();
  if (!presenter && !narrow) return <p className="scenario-brief">{text}</p>;
  return (
    <p
      className={`scenario-brief folding${open ? ' open' : ''}`}
      data-testid="scenario-brief"
      role="button"
      tabIndex={0}
      aria-expanded={open}
      title={open ? 'Click to fold the paragraph' : 'Click to read the whole paragraph'}
      onClick={() => setOpen(!open)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        setOpen(!open);
      }}
    >
      {text}
    </p>
  );
}
