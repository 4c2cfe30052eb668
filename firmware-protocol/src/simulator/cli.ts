import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import { ButtonFleet } from './button-fleet.ts';
import { SerialButton } from './serial-button.ts';

const usage = `Usage: npm run simulate -- [options]
  MQTT (default):
  --broker URL        MQTT broker (default mqtt://localhost:1883)
  --site ID           site id (default demo)
  --prefix ID         device id prefix (default sim-button-); ids are <prefix>1 .. <prefix>N
  --password SECRET   broker password of every simulated device (user name = device id)
  Serial:
  --serial PATH       speak the binary protocol on this serial port instead (e.g. /dev/ttyUSB0)
  --first-id HEX      32-bit id of the first serial device (default 00000001)
  Both:
  --devices N         number of buttons (default 3)
  --buttons K         buttons per device, 2..11 (default 4)
  --rate N            presses per minute per device (default 30)
  --duration S        stop after S seconds (default: run until Ctrl-C)`;

const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: 'mqtt://localhost:1883' },
    site: { type: 'string', default: 'demo' },
    prefix: { type: 'string', default: 'sim-button-' },
    password: { type: 'string' },
    serial: { type: 'string' },
    'first-id': { type: 'string', default: '00000001' },
    devices: { type: 'string', default: '3' },
    buttons: { type: 'string', default: '4' },
    rate: { type: 'string', default: '30' },
    duration: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive whole number, got "${raw}"`);
  return n;
}

if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const count = positiveInt('devices', values.devices);
const buttons = positiveInt('buttons', values.buttons);
const rate = positiveInt('rate', values.rate);
const stats: (() => { sent: number; acked: number; pending: number })[] = [];
const stops: (() => Promise<void> | void)[] = [];

if (values.serial) {
  const firstId = parseInt(values['first-id'], 16);
  if (!/^[0-9a-fA-F]{1,8}$/.test(values['first-id'])) fail(`--first-id must be up to 8 hex digits, got "${values['first-id']}"`);
  const port = new SerialPort({ path: values.serial, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve) => port.open((error) => (error ? fail(`cannot open ${values.serial}: ${error.message}`) : resolve())));
  const devices = Array.from({ length: count }, (_, i) => new SerialButton({ deviceId: firstId + i, buttons }));
  const timers: NodeJS.Timeout[] = [];
  for (const d of devices) {
    d.attach(port);
    timers.push(setInterval(() => d.press(), 60_000 / rate));
    timers.push(setInterval(() => d.heartbeat(), 30_000));
    stats.push(() => ({ sent: d.acknowledged().length + d.pending, acked: d.acknowledged().length, pending: d.pending }));
  }
  stops.push(
    () => timers.forEach(clearInterval),
    () => devices.forEach((d) => d.close()),
    () => new Promise<void>((r) => port.close(() => r())),
  );
  process.stdout.write(`simulating ${count} serial buttons on ${values.serial} (ids from ${values['first-id']})\n`);
} else {
  const fleet = new ButtonFleet({
    brokerUrl: values.broker,
    siteId: values.site,
    buttons,
    deviceIds: Array.from({ length: count }, (_, i) => `${values.prefix}${i + 1}`),
    pressesPerMinute: rate,
    ...(values.password ? { password: values.password } : {}),
    onError: (error) => console.error(error.message),
  });
  await fleet.start().catch((error: Error) => fail(`cannot connect to ${values.broker}: ${error.message}`));
  for (const b of fleet.buttons) stats.push(() => b.getStats());
  stops.push(() => fleet.stop());
  process.stdout.write(`simulating ${count} MQTT buttons on ${values.broker}\n`);
}

const report = setInterval(() => {
  const s = stats.map((f) => f());
  const sum = (key: 'sent' | 'acked' | 'pending') => s.reduce((a, x) => a + x[key], 0);
  process.stdout.write(`sent ${sum('sent')} acked ${sum('acked')} pending ${sum('pending')}\n`);
}, 5000);

const stop = async () => {
  clearInterval(report);
  for (const s of stops) await s();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
if (values.duration) setTimeout(stop, positiveInt('duration', values.duration) * 1000);
