import pino, { type Logger } from 'pino';

/** Structured JSON logs; secrets are redacted wherever they might appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'feedback-gateway' },
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'req.headers.authorization',
          'req.headers.cookie',
          'config.auth',
          'config.mqtt.password',
          'secret',
          '*.secret',
          'mqttPassword',
          '*.mqttPassword',
        ],
        censor: '***',
      },
    },
    destination,
  );
}
