/** Lambda entry point of the HTTP API (API Gateway HTTP API, payload v2). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.ts';
import { createApp } from '../http/create-app.ts';
import { archiveFromConfig } from '../compose/archive-from-config.ts';

const config = loadConfig(process.env);
// Open writes are for a laptop, where the local server binds to 127.0.0.1; on AWS they would be
// open to the internet. The stack always sets a token: its absence is a misconfiguration.
if (config.apiTokens.length === 0)
  throw new Error(
    'Neither VERBATIM_API_TOKEN nor VERBATIM_API_TOKENS is set: the API Lambda refuses to run with open writes.',
  );

/**
 * A Lambda response body is either text or base64. Only UTF-8 survives the text path byte for
 * byte, so everything else — an original in windows-1252, a PDF — travels as base64, keeping
 * originals identical to their SHA-256.
 */
const isUtf8Text = (type: string) => /^application\/json\b/i.test(type) || /charset=utf-8/i.test(type);

export const handler = handle(createApp({ archive: archiveFromConfig(config), apiTokens: config.apiTokens }), {
  isContentTypeBinary: (type) => !isUtf8Text(type),
});
