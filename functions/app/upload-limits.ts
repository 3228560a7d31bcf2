/**
 * Limits the upload routes state in their schemas. A module of its own because those schemas are
 * built when the app loads, while ingest and extraction are imported only on first use: importing a
 * constant from them would load them (and the parsers behind them) on every cold start.
 */

/** Most documents one batch may hold: bounds one request's memory and time (`POST /api/documents:batch`). */
export const MAX_BATCH_DOCUMENTS = 100;

/** Characters of text `POST /api/extract` previews: enough to recognise the file, not to read it. */
export const PREVIEW_CHARS = 400;
