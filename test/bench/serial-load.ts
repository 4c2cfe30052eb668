import { SerialPort } from 'serialport';
import { encodeFrame, FrameParser, type ProtocolMessage } from '@feedback/firmware-protocol';

/** One serial line at full speed: `window` presses in flight, until `total` are acknowledged. */
export async function serialSaturate(
  path: string,
  deviceId: number,
  total: number,
  window = 200,
): Promise<{ presses: number; seconds: number; pressesPerSecond: number }> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  let seq = 0;
  let acked = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const pump = () => {
    const chunks: Buffer[] = [];
    while (seq < total && seq - acked < window) {
      seq++;
      chunks.push(Buffer.from(encodeFrame({ type: 'press', deviceId, boot: 1, seq, button: seq % 4, durationMs: 80, uptimeMs: seq })));
    }
    if (chunks.length > 0) port.write(Buffer.concat(chunks));
    if (acked >= total) resolveDone();
  };
  port.pipe(new FrameParser()).on('data', (m: ProtocolMessage) => {
    if (m.type === 'ack' && m.deviceId === deviceId) {
      acked = Math.max(acked, m.upTo);
      pump();
    }
  });
  const started = performance.now();
  pump();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => port.close(() => resolve()));
  return { presses: total, seconds, pressesPerSecond: Math.round(total / seconds) };
}
