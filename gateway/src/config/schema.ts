import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' });
const Port = Type.Integer({ minimum: 0, maximum: 65535 });

export const SiteConfig = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1 }),
    timeZone: Type.String({ minLength: 1, default: 'UTC' }),
  },
  { additionalProperties: false },
);

export const PointConfig = Type.Object(
  {
    id: Id,
    siteId: Id,
    name: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const DeviceConfig = Type.Object(
  {
    id: Id,
    pointId: Id,
    kind: Type.Literal('button', { default: 'button' }),
    buttons: Type.Integer({ minimum: 2, maximum: 11, default: 4 }),
  },
  { additionalProperties: false },
);

export const ConfigSchema = Type.Object(
  {
    dataDir: Type.String({ minLength: 1, default: './data' }),
    http: Type.Object(
      {
        host: Type.String({ default: '0.0.0.0' }),
        port: Port,
        bodyLimitBytes: Type.Integer({ minimum: 1024, default: 64 * 1024 }),
      },
      { additionalProperties: false, default: {} },
    ),
    mqtt: Type.Object(
      {
        /** An external broker URL; when absent the embedded broker is used. */
        url: Type.Optional(Type.String({ pattern: '^(mqtts?|tcp|ws|wss)://' })),
        username: Type.Optional(Type.String()),
        password: Type.Optional(Type.String()),
        topicPrefix: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$', default: 'feedback' }),
        embedded: Type.Object(
          {
            host: Type.String({ default: '0.0.0.0' }),
            port: Port,
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    log: Type.Object(
      {
        level: Type.Union(
          ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
          { default: 'info' },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    demo: Type.Object(
      {
        /** auto: simulate buttons when no device is configured */
        mode: Type.Union([Type.Literal('auto'), Type.Literal('on'), Type.Literal('off')], { default: 'auto' }),
        devices: Type.Integer({ minimum: 1, maximum: 100, default: 3 }),
        pressesPerMinute: Type.Number({ exclusiveMinimum: 0, maximum: 6000, default: 20 }),
      },
      { additionalProperties: false, default: {} },
    ),
    indices: Type.Object(
      {
        /** below this many answers screens show "not enough answers" */
        minAnswers: Type.Integer({ minimum: 1, default: 30 }),
      },
      { additionalProperties: false, default: {} },
    ),
    auth: Type.Object(
      {
        /** Password for the first admin user; when absent one is generated into the data folder. */
        initialAdminPassword: Type.Optional(Type.String({ minLength: 8 })),
        sessionHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 30, default: 12 }),
      },
      { additionalProperties: false, default: {} },
    ),
    sites: Type.Array(SiteConfig, { default: [] }),
    points: Type.Array(PointConfig, { default: [] }),
    devices: Type.Array(DeviceConfig, { default: [] }),
  },
  { additionalProperties: false },
);

// Defaults for ports are set here rather than in the schema so that 0 (any free port) stays valid.
export const DEFAULT_HTTP_PORT = 8080;
export const DEFAULT_MQTT_PORT = 1883;

export type Config = Static<typeof ConfigSchema>;
export type SiteConfig = Static<typeof SiteConfig>;
export type PointConfig = Static<typeof PointConfig>;
export type DeviceConfig = Static<typeof DeviceConfig>;
