/**
 * Every maximal clique of an undirected graph by Bron–Kerbosch with pivoting (reference §1.3).
 *
 * Vertices are 0..n-1 and sets are bitsets (one bit per vertex in 32-bit words), so the
 * pivot choice, argmax over u ∈ P ∪ X of |P ∩ N(u)|, is a few popcounts per candidate.
 * Policy: ties between pivots go to the lowest vertex, and branches run in ascending vertex
 * order, so the enumeration is fully deterministic (the reference leaves both to Python's
 * set order; the set of cliques it finds is the same).
 *
 * Not bounded by a count: the result is, by contract, every maximal clique, and truncating
 * it would silently change the answer. The recursion is at most n deep.
 */
export function maximalCliques(neighbours: readonly Uint32Array[], minSize: number): number[][] {
  const vertexCount = neighbours.length;
  const words = Math.ceil(vertexCount / 32);
  const cliques: number[][] = [];
  const members: number[] = [];

  const expand = (candidates: Uint32Array, excluded: Uint32Array): void => {
    if (isEmpty(candidates) && isEmpty(excluded)) {
      if (members.length >= minSize) cliques.push([...members].sort((a, b) => a - b));
      return;
    }
    const pivot = choosePivot(neighbours, candidates, excluded);
    const branches = andNot(candidates, neighbours[pivot]!);
    forEachBit(branches, (vertex) => {
      const around = neighbours[vertex]!;
      members.push(vertex);
      expand(and(candidates, around), and(excluded, around));
      members.pop();
      clearBit(candidates, vertex);
      setBit(excluded, vertex);
    });
  };

  const all = new Uint32Array(words);
  for (let vertex = 0; vertex < vertexCount; vertex++) setBit(all, vertex);
  expand(all, new Uint32Array(words));
  return cliques;
}

/** Bitset adjacency rows for `vertexCount` vertices, from a symmetric edge predicate. */
export function adjacencyBitsets(
  vertexCount: number,
  isEdge: (a: number, b: number) => boolean,
): Uint32Array[] {
  const words = Math.ceil(vertexCount / 32);
  const rows = Array.from({ length: vertexCount }, () => new Uint32Array(words));
  for (let a = 0; a < vertexCount; a++) {
    for (let b = a + 1; b < vertexCount; b++) {
      if (!isEdge(a, b)) continue;
      setBit(rows[a]!, b);
      setBit(rows[b]!, a);
    }
  }
  return rows;
}

function choosePivot(
  neighbours: readonly Uint32Array[],
  candidates: Uint32Array,
  excluded: Uint32Array,
): number {
  let pivot = -1;
  let best = -1;
  forEachBit(or(candidates, excluded), (vertex) => {
    const reach = intersectionSize(candidates, neighbours[vertex]!);
    if (reach > best) {
      best = reach;
      pivot = vertex;
    }
  });
  return pivot;
}

function forEachBit(set: Uint32Array, visit: (index: number) => void): void {
  for (let word = 0; word < set.length; word++) {
    let bits = set[word]!;
    while (bits !== 0) {
      const lowest = bits & -bits;
      visit(word * 32 + 31 - Math.clz32(lowest));
      bits ^= lowest;
    }
  }
}

function isEmpty(set: Uint32Array): boolean {
  for (let word = 0; word < set.length; word++) if (set[word] !== 0) return false;
  return true;
}

function and(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  for (let word = 0; word < a.length; word++) out[word] = a[word]! & b[word]!;
  return out;
}

function andNot(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  for (let word = 0; word < a.length; word++) out[word] = a[word]! & ~b[word]!;
  return out;
}

function or(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  for (let word = 0; word < a.length; word++) out[word] = a[word]! | b[word]!;
  return out;
}

function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let word = 0; word < a.length; word++) count += popcount32(a[word]! & b[word]!);
  return count;
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function setBit(set: Uint32Array, index: number): void {
  set[index >>> 5]! |= 1 << (index & 31);
}

function clearBit(set: Uint32Array, index: number): void {
  set[index >>> 5]! &= ~(1 << (index & 31));
}
