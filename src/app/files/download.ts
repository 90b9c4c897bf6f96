/**
 * Saves a blob as a file through an object URL: the page's CSP allows `blob:`, and nothing
 * leaves the browser. The URL is revoked once the browser has had time to start the download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), revokeDelayMs);
}

/** Long enough for the browser to open the object URL; a revoked URL cannot be downloaded. */
const revokeDelayMs = 30_000;

export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}
