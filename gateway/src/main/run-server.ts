import { parseArgs } from 'node:util';
import { loadConfig, ConfigError } from '../platform/config/load.ts';
import { createLogger } from '../platform/logging/logger.ts';
import { startGateway, type StartOptions } from './gateway.ts';

/**
 * The command line: reads the configuration (--config or FEEDBACK_CONFIG), starts the gateway,
 * prints the banner and stops cleanly on SIGINT/SIGTERM.
 */
export async function runServer(options: Omit<StartOptions, 'logger'> = {}): Promise<void> {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } }, allowPositionals: false });

  let config;
  try {
    config = loadConfig({ file: values.config });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  const logger = createLogger(config.log.level);
  const gateway = await startGateway(config, { ...options, logger }).catch((error: Error) => {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  });

  const banner = [
    '',
    `  Feedback gateway is running.`,
    `  Dashboard:  ${gateway.httpUrl}/dashboard/`,
    `  API docs:   ${gateway.httpUrl}/docs`,
    `  MQTT:       ${gateway.mqttUrl}`,
    gateway.initialPasswordFile ? `  Sign in as "admin"; the password is in ${gateway.initialPasswordFile}` : '',
    gateway.demo ? '  Demo mode: simulated buttons are pressing (configure devices to turn it off).' : '',
    '',
  ].filter((line, i, all) => line !== '' || i === 0 || i === all.length - 1);
  process.stdout.write(`${banner.join('\n')}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    gateway
      .close()
      .then(() => {
        logger.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: Error) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
