/**
 * What every route module is given, in a module of its own: `create-app.ts` imports the route
 * modules and the route modules import these types, so neither imports the other.
 */
import type { Archive } from '../app/archive.ts';
import type { ApiToken } from '../config.ts';

/** What the app needs: the archive and the write tokens (none: writes are open). */
export interface AppDeps {
  archive: Archive;
  /** Named write tokens, as `loadConfig` validated them. */
  apiTokens?: readonly ApiToken[];
  /** Shorthand for one token named `default`, as `VERBATIM_API_TOKEN` gives. */
  apiToken?: string;
}

/** The values middleware hands to later middleware and routes through the context. */
export interface AppEnv {
  Variables: {
    /** The name of the token that let a write through (`local` for open writes); set by the write check. */
    writer?: string;
    /** The document a write touched, once the route knows it (an ingest's new id); read by the audit. */
    auditDocumentId?: string;
  };
}
