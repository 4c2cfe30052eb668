import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { SerialPort } from 'serialport';
import { encodeFrame, FrameParser, SerialButton, type ProtocolMessage } from '@feedback/firmware-protocol';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { ptyPair, type PtyPair } from './helpers/socat.ts';
import { tempDir } from './helpers/temp-dir.ts';

const SERIAL_DEVICE = 0x0000002a;
const SERIAL_ID = '0000002a';
const OTHER_DEVICE = 0x0000002b;

let t: TestGateway;
let pty: PtyPair;
const dir = tempDir('fb-serial-');

async function openDevicePort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  return port;
}

async function closePort(port: SerialPort): Promise<void> {
  if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
}

async function storedSeqs(deviceId: string): Promise<number[]> {
  const { answers } = await t.get<{ answers: { deviceId: string; seq: number }[] }>('/api/answers?limit=1000');
  return answers
    .filter((a) => a.deviceId === deviceId)
    .map((a) => a.seq)
    .sort((a, b) => a - b);
}

beforeAll(async () => {
  pty = await ptyPair(dir.path);
  t = await startTestGateway({
    devices: [
      { id: SERIAL_ID, pointId: POINT.id, buttons: 4, responseIntervalMs: 0 },
      { id: '0000002b', pointId: POINT.id, buttons: 4, responseIntervalMs: 0 },
    ],
    serial: { ports: [{ path: pty.gatewayPath }] },
  });
});
afterAll(async () => {
  await t?.close();
  await pty?.stop();
  dir.remove();
});

describe('serial devices over a pseudo-terminal', () => {
  it('stores every press exactly once and acknowledges it on the same line', async () => {
    const port = await openDevicePort(pty.devicePath);
    const button = new SerialButton({ deviceId: SERIAL_DEVICE, buttons: 4, retransmitMs: 500 });
    button.attach(port);
    for (let i = 0; i < 50; i++) button.press(i % 4);
    await button.drained(10_000);
    expect(button.acknowledged()).toHaveLength(50);
    expect(await storedSeqs(SERIAL_ID)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    button.close();
    await closePort(port);
  });

  it('answers hello with the device config, records heartbeats, and refuses unknown devices', async () => {
    const port = await openDevicePort(pty.devicePath);
    const frames: ProtocolMessage[] = [];
    port.pipe(new FrameParser()).on('data', (m: ProtocolMessage) => frames.push(m));
    const button = new SerialButton({ deviceId: OTHER_DEVICE, buttons: 4, bootCounter: 7 });
    button.attach(port);
    button.press(3);
    button.press(2);
    await button.drained();
    button.heartbeat();
    port.write(
      Buffer.from(
        encodeFrame({ type: 'hello', deviceId: 0xdead, boot: 1, seq: 0, buttons: 4, scale: 'smiley', model: 'X', firmware: '1' }),
      ),
    );
    await expect.poll(() => frames.some((f) => f.type === 'error' && f.deviceId === 0xdead && f.code === 'unknownDevice')).toBe(true);
    expect(frames.find((f) => f.type === 'config' && f.deviceId === OTHER_DEVICE)).toMatchObject({ responseIntervalMs: 0, boot: 7 });
    await expect
      .poll(
        async () =>
          (await t.get<{ devices: { id: string; pressesSinceBoot: number | null }[] }>('/api/devices')).devices.find(
            (d) => d.id === '0000002b',
          )?.pressesSinceBoot,
      )
      .toBe(2);
    const { devices } = await t.get<{ devices: Record<string, unknown>[] }>('/api/devices');
    expect(devices.find((d) => d.id === '0000002b')).toMatchObject({
      model: 'SIM-SERIAL',
      firmware: '1.0.0',
      transport: 'serial',
      boot: 7,
      lostSinceBoot: 0,
      online: true,
    });
    button.close();
    await closePort(port);
  });

  it('survives a megabyte of random bytes and accepts every valid frame interleaved with it', async () => {
    const port = await openDevicePort(pty.devicePath);
    const frames: ProtocolMessage[] = [];
    port.pipe(new FrameParser()).on('data', (m: ProtocolMessage) => frames.push(m));
    const boot = 99;
    const sent = 200;
    const chunks: Buffer[] = [];
    for (let seq = 1; seq <= sent; seq++) {
      chunks.push(randomBytes(5000));
      chunks.push(
        Buffer.from(
          encodeFrame({ type: 'press', deviceId: SERIAL_DEVICE, boot, seq, button: seq % 4, durationMs: 50, uptimeMs: seq * 100 }),
        ),
      );
    }
    const stream = Buffer.concat(chunks);
    expect(stream.length).toBeGreaterThan(1_000_000);
    for (let i = 0; i < stream.length; i += 4096) {
      const ok = port.write(stream.subarray(i, i + 4096));
      if (!ok) await new Promise((r) => port.once('drain', r));
    }
    await expect
      .poll(
        () =>
          Math.max(
            0,
            ...frames
              .filter((f) => f.type === 'ack' && f.deviceId === SERIAL_DEVICE && f.boot === boot)
              .map((f) => (f as { upTo: number }).upTo),
          ),
        { timeout: 20_000 },
      )
      .toBe(sent);
    const { answers } = await t.get<{ answers: { deviceId: string; boot: number }[] }>('/api/answers?limit=1000');
    expect(answers.filter((a) => a.deviceId === SERIAL_ID && a.boot === boot)).toHaveLength(sent);
    const health = await fetch(`${t.gateway.httpUrl}/health`);
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`${t.gateway.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/feedback_input_dropped_total\{reason="serial-(bad-cobs|bad-crc|too-short|oversize)"\} [1-9]/);
    await closePort(port);
  });

  it('reopens the port by itself after the line goes away and comes back', async () => {
    await pty.stop();
    await new Promise((r) => setTimeout(r, 500));
    await pty.restart();
    const port = await openDevicePort(pty.devicePath);
    const button = new SerialButton({ deviceId: SERIAL_DEVICE, buttons: 4, bootCounter: 5, retransmitMs: 300 });
    button.attach(port);
    for (let i = 0; i < 10; i++) button.press(1);
    await button.drained(15_000);
    expect(button.acknowledged()).toHaveLength(10);
    button.close();
    await closePort(port);
  });
});
