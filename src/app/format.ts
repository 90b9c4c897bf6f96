/** `3f2a…9c1e`: the first and last four characters of a hash; the full value goes in a title. */
export function shortHash(hash: string): string {
  return hash.length <= 10 ? hash : `${hash.slice(0, 4)}…${hash.slice(-4)}`;
}

/** A weight or share with at most `places` decimals and no trailing zeros. */
export function formatNumber(value: number, places = 2): string {
  return Number(value.toFixed(places)).toString();
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A signed score with a true minus sign and three decimals: `−0.024`, `+0.010`, `0.000`. */
export function signed(value: number): string {
  const text = Math.abs(value).toFixed(3);
  if (Number(text) === 0) return text;
  return `${value < 0 ? '−' : '+'}${text}`;
}

/**
 * A quorum count as the comparison it is: `5 ≥ 5` when enough records were counted, `2 < 5`
 * when not. Policy: never `4/3`, which reads as a fraction above one (issue 12).
 */
export function quorumCount(counted: number, needed: number): string {
  return `${counted} ${counted >= needed ? '≥' : '<'} ${needed}`;
}
