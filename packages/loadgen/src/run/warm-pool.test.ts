import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createWarmPool } from './warm-pool.js';

it('hands pre-opened sockets to the first requests', async () => {
  const server = createServer((_req, res) => res.end('ok'));
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const warm = createWarmPool(`http://127.0.0.1:${port}`, 2);
  try {
    expect(await warm.preconnect(2)).toBe(2);
    const responses = await Promise.all([0, 1].map(() => warm.pool.request({ path: '/', method: 'GET' })));
    expect(await Promise.all(responses.map((r) => r.body.text()))).toEqual(['ok', 'ok']);
    expect(connections).toBe(2);
  } finally {
    await warm.close();
    server.close();
  }
});
