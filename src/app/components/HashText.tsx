import { shortHash } from '../format';

/** A hash shown short in monospace, the full value on hover. */
export function HashText({ hash, label }: { hash: string; label?: string }) {
  return (
    <code className="hash" title={label ? `${label}: ${hash}` : hash}>
      {shortHash(hash) || '—'}
    </code>
  );
}
