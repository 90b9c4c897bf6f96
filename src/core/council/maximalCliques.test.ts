import { describe, expect, it } from 'vitest';
import { adjacencyBitsets, maximalCliques } from './maximalCliques';

function graph(vertexCount: number, edges: [number, number][]): Uint32Array[] {
  const set = new Set(edges.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
  return adjacencyBitsets(vertexCount, (a, b) => set.has(`${a}-${b}`));
}

describe('maximalCliques (Bron–Kerbosch with pivoting)', () => {
  it('finds a triangle and the edge hanging off it', () => {
    expect(maximalCliques(graph(4, [[0, 1], [1, 2], [0, 2], [2, 3]]), 2)).toEqual([
      [0, 1, 2],
      [2, 3],
    ]);
  });

  it('reports isolated vertices only when single-vertex cliques are asked for', () => {
    expect(maximalCliques(graph(3, [[0, 1]]), 2)).toEqual([[0, 1]]);
    expect(maximalCliques(graph(3, [[0, 1]]), 1)).toEqual([[0, 1], [2]]);
    expect(maximalCliques(graph(0, []), 1)).toEqual([]);
  });

  it('finds the whole of a complete graph larger than one 32-bit word', () => {
    const n = 70;
    const all = adjacencyBitsets(n, () => true);
    expect(maximalCliques(all, 2)).toEqual([Array.from({ length: n }, (_, index) => index)]);
  });

  it('finds all 3^k cliques of a Moon–Moser graph (k triangles’ complement)', () => {
    // Vertices are adjacent unless they sit in the same group of three.
    const moonMoser = adjacencyBitsets(12, (a, b) => Math.floor(a / 3) !== Math.floor(b / 3));
    const cliques = maximalCliques(moonMoser, 2);
    expect(cliques).toHaveLength(81);
    expect(new Set(cliques.map((clique) => clique.join())).size).toBe(81);
  });

  it('builds symmetric adjacency across word boundaries', () => {
    const rows = adjacencyBitsets(40, (a, b) => a === 3 && b === 35);
    expect(rows[3]![1]).toBe(1 << 3);
    expect(rows[35]![0]).toBe(1 << 3);
  });
});
