import { afterEach, describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { generate } from 'mqtt-packet';
import { guardPacketSize } from '../src/modules/transports/broker/packet-size-guard.ts';

let server: Server | undefined;
afterEach(() => server?.close());

/** A real TCP connection whose server side is wrapped in a guard; returns both ends. */
async function pair(
  max: number,
): Promise<{ guard: { accepted(): number }; client: Socket; refused: (number | 'malformed')[]; received: Buffer[] }> {
  const refused: (number | 'malformed')[] = [];
  const received: Buffer[] = [];
  let resolveGuard!: (g: { accepted(): number }) => void;
  const guardReady = new Promise<{ accepted(): number }>((r) => (resolveGuard = r));
  server = createServer((socket) => {
    const guard = guardPacketSize(socket, max, (claimed) => refused.push(claimed));
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined);
    resolveGuard(guard);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const client = connect((server.address() as { port: number }).port, '127.0.0.1');
  client.on('error', () => undefined);
  return { guard: await guardReady, client, refused, received };
}

describe('MQTT packet size guard', () => {
  it('passes packets within the limit through unchanged, split and joined across chunks', async () => {
    const { guard, client, received, refused } = await pair(1024);
    const packets = [
      generate({ cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clientId: 'c', clean: true, keepalive: 30 }),
      generate({ cmd: 'publish', topic: 't/a', payload: Buffer.alloc(1000, 1), qos: 0, retain: false, dup: false }),
      generate({ cmd: 'pingreq' }),
    ];
    const all = Buffer.concat(packets);
    for (let i = 0; i < all.length; i += 7) client.write(all.subarray(i, i + 7));
    await expect.poll(() => Buffer.concat(received).length).toBe(all.length);
    expect(Buffer.concat(received).equals(all)).toBe(true);
    expect(refused).toEqual([]);
    expect(guard.accepted()).toBe(all.length);
  });

  it('closes the connection on a header claiming more than the limit, accepting none of it', async () => {
    const { guard, client, refused } = await pair(64 * 1024);
    const closed = new Promise<void>((r) => client.once('close', () => r()));
    client.write(Buffer.concat([Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]), Buffer.alloc(4096, 0x41)]));
    await closed;
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeGreaterThan(64 * 1024); // refused as soon as the length bytes read so far pass the limit
    expect(guard.accepted()).toBe(0);
  });

  it('refuses a second packet too large after a good one, and a malformed length', async () => {
    const first = await pair(100);
    const ping = generate({ cmd: 'pingreq' });
    first.client.write(Buffer.concat([ping, Buffer.from([0x30, 0xc8, 0x01])])); // PUBLISH claiming 200 bytes
    await expect.poll(() => first.refused).toEqual([200]);
    expect(first.guard.accepted()).toBe(0); // the chunk held the oversized header, so none of it was handed on
    server!.close();
    const second = await pair(1_000_000_000);
    second.client.write(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]));
    await expect.poll(() => second.refused).toEqual(['malformed']);
  });
});
