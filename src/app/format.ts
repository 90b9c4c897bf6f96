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
