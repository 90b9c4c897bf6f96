import { memo, useMemo, useState, type PointerEvent } from 'react';
import { blocCells, matrixPixels, trustColour, type TrustMatrix } from './trustLayout';
import { aggregateMatrix, cellText, cellWords, trustGrid, unitAgents, unitName, unitOf, type BlockMatrix, type TrustGrid } from './trustGrid';

/** Width of the matrix itself, in SVG units (the labels' margin comes on top). */
const size = 360;
/**
 * Above this many rows the cells are one pixel image instead of one SVG rect each. Policy: a
 * commit changes every row, and at 49 agents restyling 2,401 rects (each with a title) made one
 * main-thread task of about 100 ms of CPU (SPEC §8: none over 50 ms); 24² = 576 rects stay
 * well under it, and every teaching preset (7 to 12 agents) keeps its rects and tooltips.
 */
const svgUnitsMax = 24;

interface Cell {
  row: number;
  column: number;
}

export interface TrustHeatmapProps {
  matrix: TrustMatrix;
  /** What a cell holds, in words: 'trust', 'semantic trust', 'agreement'. */
  label: string;
  blocs: readonly (readonly string[])[];
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
}

/**
 * The n×n heat map with agent labels (every one when there is room, else every k-th) and the
 * hovered row and column named. Above `aggregateAgentsAbove` agents each cell is a block of
 * agents, averaged, and the panel says so.
 */
export const TrustHeatmap = memo(function TrustHeatmap({ matrix, label, blocs, selectedAgent, onSelectAgent }: TrustHeatmapProps) {
  const n = matrix.values.length;
  const grid = useMemo(() => trustGrid(n, size), [n]);
  const shown = useMemo(
    () => (grid.blockSize === 1 ? matrix : aggregateMatrix(matrix, grid.blockSize)),
    [matrix, grid],
  );
  const [hover, setHover] = useState<Cell | null>(null);
  const aggregated = grid.blockSize > 1;
  const selectedUnit = selectedAgent === null || selectedAgent >= n ? null : unitOf(selectedAgent, grid.blockSize);
  const onPointerMove = (event: PointerEvent<SVGGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return;
    const at = (offset: number, length: number) =>
      Math.min(grid.units - 1, Math.max(0, Math.floor((offset / length) * grid.units)));
    const next = { row: at(event.clientY - box.top, box.height), column: at(event.clientX - box.left, box.width) };
    if (next.row !== hover?.row || next.column !== hover.column) setHover(next);
  };
  const onClick = () => {
    // Policy: a block is many agents, so clicking an aggregated matrix selects no one.
    if (aggregated || hover === null) return;
    onSelectAgent(hover.row === selectedAgent ? null : hover.row);
  };
  const [first, last] = unitAgents(0, grid.blockSize, n);
  return (
    <div className="trust-heatmap">
      <svg
        className="trust-svg"
        viewBox={`0 0 ${grid.width} ${grid.height}`}
        role="img"
        aria-label={`${label} matrix of ${n} agents${aggregated ? `, in blocks of ${grid.blockSize}` : ''}`}
      >
        <AxisLabels grid={grid} hover={hover} />
        <g transform={`translate(${grid.left} ${grid.top})`}>
          <g className="trust-cells" onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)} onClick={onClick}>
            {grid.units <= svgUnitsMax ? (
              <Cells matrix={shown} grid={grid} label={label} />
            ) : (
              <PixelCells matrix={shown} />
            )}
          </g>
          <Outlines grid={grid} blocs={blocs} hover={hover} selectedUnit={selectedUnit} />
        </g>
      </svg>
      <p className="trust-hover" data-testid="trust-hover" aria-live="polite">
        {hover ? cellText(shown, grid, hover.row, hover.column, label) : 'Hover a cell to read it.'}
      </p>
      {aggregated && (
        <p className="trust-aggregated" data-testid="trust-aggregated">
          Aggregated: {n} agents in {grid.units} blocks of {grid.blockSize} ({unitName(0, grid.blockSize, n)}
          {first === last ? '' : ', …'}); each cell is the mean {label} between two blocks.
        </p>
      )}
    </div>
  );
});

/** One SVG rect per cell, with its reading as a tooltip. Redrawn only when the matrix changes. */
const Cells = memo(function Cells({ matrix, grid, label }: { matrix: TrustMatrix; grid: TrustGrid; label: string }) {
  const counts = (matrix as Partial<BlockMatrix>).counts;
  return matrix.values.map((row, i) => (
    <CellRow key={i} row={i} values={row} counts={counts?.[i]} min={matrix.min} max={matrix.max} grid={grid} label={label} />
  ));
});

interface CellRowProps {
  row: number;
  values: readonly (number | null)[];
  /** Known pairs per block (an aggregated matrix). */
  counts: readonly number[] | undefined;
  min: number;
  max: number;
  grid: TrustGrid;
  label: string;
}

/**
 * One row of cells. Policy: redrawn only when one of its values, or the colour range, changes:
 * a commit changes the rows of the agents (or blocks) that committed, and the other rows of a
 * 50 × 50 block matrix are not drawn again.
 */
const CellRow = memo(
  function CellRow({ row, values, counts, min, max, grid, label }: CellRowProps) {
    const colour = trustColour({ min, max });
    const { cell } = grid;
    return values.map((value, j) => (
      <rect
        key={j}
        x={j * cell}
        y={row * cell}
        width={cell}
        height={cell}
        className={`trust-cell${value === null ? ' unknown' : ''}`}
        fill={value === null ? undefined : colour(value)}
      >
        <title>{cellWords(value, counts?.[j] ?? 0, grid, row, j, label)}</title>
      </rect>
    ));
  },
  (before, after) =>
    before.row === after.row && before.min === after.min && before.max === after.max && before.grid === after.grid &&
    before.label === after.label && sameCells(before.values, after.values) && sameCells(before.counts, after.counts),
);

function sameCells(a: readonly (number | null)[] | undefined, b: readonly (number | null)[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The cells as one image, a pixel each, for more rows than SVG rects should draw. */
const PixelCells = memo(function PixelCells({ matrix }: { matrix: TrustMatrix }) {
  const n = matrix.values.length;
  const href = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = n;
    canvas.height = n;
    canvas.getContext('2d')?.putImageData(new ImageData(matrixPixels(matrix), n, n), 0, 0);
    return canvas.toDataURL();
  }, [matrix, n]);
  return (
    <>
      <rect className="trust-pixels-unknown" width={size} height={size} />
      <image className="trust-pixels" data-units={n} href={href} width={size} height={size} preserveAspectRatio="none" />
    </>
  );
});

/** Row labels at the left, column labels on top; the hovered row and column in bold. */
function AxisLabels({ grid, hover }: { grid: TrustGrid; hover: Cell | null }) {
  const named = (unit: number) => unitName(unit, grid.blockSize, grid.agentCount);
  return (
    <g className="trust-labels" aria-hidden="true">
      {grid.labels.map(({ unit, position, text }) => (
        <g key={unit}>
          <text
            className={hover?.row === unit ? 'faded' : undefined}
            x={grid.left - 4}
            y={grid.top + position}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {text}
          </text>
          <text
            className={hover?.column === unit ? 'faded' : undefined}
            transform={`translate(${grid.left + position} ${grid.top - 4}) rotate(-90)`}
            dominantBaseline="middle"
          >
            {text}
          </text>
        </g>
      ))}
      {hover && (
        <>
          <text className="hovered" x={grid.left - 4} y={grid.top + (hover.row + 0.5) * grid.cell} textAnchor="end" dominantBaseline="middle">
            {named(hover.row)}
          </text>
          <text
            className="hovered"
            transform={`translate(${grid.left + (hover.column + 0.5) * grid.cell} ${grid.top - 4}) rotate(-90)`}
            dominantBaseline="middle"
          >
            {named(hover.column)}
          </text>
        </>
      )}
    </g>
  );
}

interface OutlinesProps {
  grid: TrustGrid;
  blocs: readonly (readonly string[])[];
  hover: Cell | null;
  selectedUnit: number | null;
}

/** Bloc cells (dashed), the selected agent's row and column, the hovered row and column. */
function Outlines({ grid, blocs, hover, selectedUnit }: OutlinesProps) {
  const { cell, units } = grid;
  const band = (unit: number, axis: 'row' | 'column', className: string) => (
    <rect
      key={`${className}:${axis}`}
      className={className}
      x={axis === 'row' ? 0 : unit * cell}
      y={axis === 'row' ? unit * cell : 0}
      width={axis === 'row' ? units * cell : cell}
      height={axis === 'row' ? cell : units * cell}
    />
  );
  const blocUnits = new Map<string, Cell>();
  for (const { row, column } of blocCells(blocs, grid.agentCount)) {
    const unitRow = unitOf(row, grid.blockSize);
    const unitColumn = unitOf(column, grid.blockSize);
    blocUnits.set(`${unitRow}:${unitColumn}`, { row: unitRow, column: unitColumn });
  }
  return (
    <g className="trust-outlines" pointerEvents="none">
      {[...blocUnits].map(([key, { row, column }]) => (
        <rect key={`bloc:${key}`} className="bloc-cell" x={column * cell + 1} y={row * cell + 1} width={cell - 2} height={cell - 2} />
      ))}
      {selectedUnit !== null && [band(selectedUnit, 'row', 'trust-selected'), band(selectedUnit, 'column', 'trust-selected')]}
      {hover && [band(hover.row, 'row', 'trust-hovered'), band(hover.column, 'column', 'trust-hovered')]}
    </g>
  );
}
