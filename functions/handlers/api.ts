/** Lambda entry point of the HTTP API (API Gateway HTTP API, payload v2). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../config.ts';
import { createApp } from '../http/create-app.ts';
import { archiveFromConfig } from './archive-from-config.ts';

const config = loadConfig(process.env);

export const handler = handle(createApp({ archive: archiveFromConfig(config), apiToken: config.apiToken }));
