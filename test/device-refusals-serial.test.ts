import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { cobsEncode, crc16, encodeRaw, FrameParser, type ProtocolMessage } from '@feedback/firmware-protocol';
import { POINT, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import type { SignedIn } from './helpers/sign-in.ts';
import { ptyPair, type PtyPair } from './helpers/socat.ts';
import { tempDir } from './helpers/temp-dir.ts';

const DEVICE = 0x0000003a;
const DEVICE_ID = '0000003a';

let t: TestGateway;
let session: SignedIn;
let pty: PtyPair;
let port: SerialPort;
const frames: ProtocolMessage[] = [];
const dir = tempDir('fb-serial-refusals-');

beforeAll(async () => {
  pty = await ptyPair(dir.path);
  t = await startTestGateway({
    devices: [{ id: DEVICE_ID, pointId: POINT.id, buttons: 4, responseIntervalMs: 0 }],
    serial: { ports: [{ path: pty.gatewayPath }] },
  });
  session = await t.login();
  port = new SerialPort({ path: pty.devicePath, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  port.pipe(new FrameParser()).on('data', (m: ProtocolMessage) => frames.push(m));
});
afterAll(async () => {
  if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  await t?.close();
  await pty?.stop();
  dir.remove();
});

/** Writes a frame as a device of another version might: header bytes as given, then payload, CRC and COBS. */
function writeRaw(version: number, type: number, seq: number, payload: number[], boot = 5): void {
  const raw = new Uint8Array(12 + payload.length + 2);
  const view = new DataView(raw.buffer);
  view.setUint8(0, version);
  view.setUint8(1, type);
  view.setUint32(2, DEVICE, true);
  view.setUint16(6, boot, true);
  view.setUint32(8, seq, true);
  raw.set(payload, 12);
  view.setUint16(raw.length - 2, crc16(raw, 0, raw.length - 2), true);
  port.write(Buffer.from([0, ...cobsEncode(raw), 0]));
}

const write = (m: ProtocolMessage) => {
  const raw = encodeRaw(m);
  port.write(Buffer.from([0, ...cobsEncode(raw), 0]));
};
const press = (seq: number, button: number, uptimeMs = 1000 + seq): ProtocolMessage => ({
  type: 'press',
  deviceId: DEVICE,
  boot: 5,
  seq,
  button,
  durationMs: 80,
  uptimeMs,
});
const ackOf = (boot: number) => Math.max(0, ...frames.flatMap((f) => (f.type === 'ack' && f.boot === boot ? [f.upTo] : [])));
const errorsFor = (seq: number) => frames.filter((f) => f.type === 'error' && f.boot === 5 && f.rejectedSeq === seq);
const storedSeqs = async () =>
  (await t.get<{ answers: { deviceId: string; boot: number; seq: number }[] }>('/api/answers?limit=1000', session)).answers
    .filter((a) => a.deviceId === DEVICE_ID && a.boot === 5)
    .map((a) => a.seq)
    .sort((a, b) => a - b);

describe('refused frames over serial never stall a device', () => {
  it("answers each refused seq with its error and moves the ack past it; a newer minor version's appended field is skipped", async () => {
    write(press(1, 0));
    write(press(2, 9)); // button out of range for a 4-button device → error 4
    writeRaw(0x10, 0x7f, 3, [1, 2, 3]); // a message type this gateway does not know → error 2
    writeRaw(0x20, 0x02, 4, [3, 80, 0, 0xe8, 0x03, 0, 0]); // major version 2 → error 1
    writeRaw(0x10, 0x02, 5, [3, 80, 0, 0xe8, 0x03, 0, 0, 0xaa]); // version 1.0 with a trailing byte → error 4
    writeRaw(0x12, 0x02, 6, [2, 80, 0, 0xe8, 0x03, 0, 0, 0xaa, 0xbb]); // version 1.2, one appended field → stored
    write(press(7, 3));
    await expect.poll(() => ackOf(5)).toBe(7);
    expect(errorsFor(2)).toMatchObject([{ code: 'badValue' }]);
    expect(errorsFor(3)).toMatchObject([{ code: 'unknownType' }]);
    expect(errorsFor(4)).toMatchObject([{ code: 'unsupportedVersion' }]);
    expect(errorsFor(5)).toMatchObject([{ code: 'badValue' }]);
    expect(errorsFor(6)).toEqual([]);
    expect(await storedSeqs()).toEqual([1, 6, 7]);

    write(press(2, 9)); // retransmitted before the device saw the error: the same answer
    await expect.poll(() => errorsFor(2).length).toBe(2);
    expect(errorsFor(2)[1]).toMatchObject({ code: 'badValue' });
    expect(ackOf(5)).toBe(7);
  });

  it('answers an unknown type or another major version without a seq with the error too (rejected seq 0)', async () => {
    const before = frames.length;
    writeRaw(0x10, 0x7e, 0, []);
    writeRaw(0x30, 0x01, 0, []);
    await expect
      .poll(() =>
        frames
          .slice(before)
          .filter((f) => f.type === 'error' && f.rejectedSeq === 0)
          .map((f) => (f.type === 'error' ? f.code : '')),
      )
      .toEqual(['unknownType', 'unsupportedVersion']);
  });

  it('refuses the presses of a boot whose hello announced another button count', async () => {
    write({ type: 'hello', deviceId: DEVICE, boot: 6, seq: 0, buttons: 5, scale: 'smiley', model: 'FB-5', firmware: '2.0' });
    await expect
      .poll(() => frames.some((f) => f.type === 'error' && f.boot === 6 && f.rejectedSeq === 0 && f.code === 'badValue'))
      .toBe(true);
    expect(frames.some((f) => f.type === 'config' && f.boot === 6)).toBe(false);
    write({ ...press(1, 1), boot: 6 });
    await expect.poll(() => frames.some((f) => f.type === 'error' && f.boot === 6 && f.rejectedSeq === 1)).toBe(true);
    await expect.poll(() => ackOf(6)).toBe(1);
  });
});
