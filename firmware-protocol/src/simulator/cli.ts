import { parseArgs } from 'node:util';
import { ButtonFleet } from './button-fleet.ts';

const usage = `Usage: npm run simulate -- [options]
  --broker URL        MQTT broker (default mqtt://localhost:1883)
  --site ID           site id (default demo)
  --devices N         number of buttons (default 3)
  --prefix ID         device id prefix (default sim-button-)
  --buttons K         buttons per device, 3..5 (default 4)
  --rate N            presses per minute per device (default 30)
  --duration S        stop after S seconds (default: run until Ctrl-C)`;

const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: 'mqtt://localhost:1883' },
    site: { type: 'string', default: 'demo' },
    devices: { type: 'string', default: '3' },
    prefix: { type: 'string', default: 'sim-button-' },
    buttons: { type: 'string', default: '4' },
    rate: { type: 'string', default: '30' },
    duration: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive whole number, got "${raw}"\n\n${usage}`);
    process.exit(2);
  }
  return n;
}

if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const count = positiveInt('devices', values.devices);
const fleet = new ButtonFleet({
  brokerUrl: values.broker,
  siteId: values.site,
  buttons: positiveInt('buttons', values.buttons),
  deviceIds: Array.from({ length: count }, (_, i) => `${values.prefix}${i + 1}`),
  pressesPerMinute: positiveInt('rate', values.rate),
  onError: (error) => console.error(error.message),
});

await fleet.start();
process.stdout.write(`simulating ${count} buttons on ${values.broker}\n`);
const report = setInterval(() => {
  const stats = fleet.buttons.map((b) => b.getStats());
  const sum = (key: 'sent' | 'acked' | 'retransmitted' | 'pending') => stats.reduce((a, s) => a + s[key], 0);
  process.stdout.write(`sent ${sum('sent')} acked ${sum('acked')} retransmitted ${sum('retransmitted')} pending ${sum('pending')}\n`);
}, 5000);

const stop = async () => {
  clearInterval(report);
  await fleet.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
if (values.duration) setTimeout(stop, positiveInt('duration', values.duration) * 1000);
