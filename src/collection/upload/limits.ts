// How big an upload may be: the defaults the issue sets, overridable per call so tests and the CLI can narrow them.

export interface UploadLimits {
  /** Bytes of the file as sent. */
  maxBytes: number;
  /** Data rows, not counting the header. */
  maxRows: number;
  /** Bytes an XLSX may expand to once unzipped: far above any real return, far below what exhausts memory. */
  maxUnzippedBytes: number;
}

export const defaultLimits: UploadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
};

/** The rows a preview page describes (problems first): a page of a few hundred rows reads; one of 200,000 does not. */
export const shownRows = 500;

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
