import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmbeddedServers } from '../../functions/local/start-embedded-servers.ts';

/** One request over `agent`; resolves with the socket it used once the answer is read. */
const get = (url: string, agent: Agent) =>
  new Promise<Socket>((resolve, reject) => {
    const sent = request(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(sent.socket as Socket));
    });
    sent.on('error', reject);
    sent.end();
  });

describe('the embedded servers', () => {
  it('keep an idle keep-alive connection open past Node’s 5 s default, so a reused socket is not reset', async () => {
    const servers = await startEmbeddedServers({ bucket: 'keep-alive' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const endpoint of [servers.s3Endpoint, servers.dynamoEndpoint]) {
        const socket = await get(`${endpoint}/`, agent);
        let closed = false;
        socket.once('close', () => (closed = true));
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        expect(closed).toBe(false);
        // The next request goes over the same connection.
        expect(await get(`${endpoint}/`, agent)).toBe(socket);
      }
    } finally {
      agent.destroy();
      await servers.close();
    }
  }, 30_000);
});
