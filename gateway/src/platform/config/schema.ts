import { Type, type Static } from '@sinclair/typebox';
import { SiteCalendarConfig, CasesConfig, MailConfig, ReviewsConfig, ReportsConfig } from './closed-loop-schema.ts';
import { LocalizedText, TextLanguage } from './localized-text.ts';
import { FIXED_SCALES, SMILEY_SCALE_PATTERN, type SmileyScale } from '../../core/scale.ts';

const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' });
const Port = Type.Integer({ minimum: 0, maximum: 65535 });

export const SiteConfig = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1 }),
    timeZone: Type.String({ minLength: 1, default: 'UTC' }),
    /** opening hours, public holidays and exceptions: case deadlines count in these */
    calendar: Type.Optional(SiteCalendarConfig),
  },
  { additionalProperties: false },
);

export const PointConfig = Type.Object(
  {
    id: Id,
    siteId: Id,
    name: Type.String({ minLength: 1 }),
    /** session ("invite") mode: only the first press after an invite counts */
    sessionMode: Type.Boolean({ default: false }),
    /** the Happy Index the staff screen shows as today's goal */
    goal: Type.Number({ minimum: 0, maximum: 100, default: 80 }),
    /** the survey customers answer on their phones by this point's QR code; default: the survey of a terminal at the point */
    surveyId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** How an off-the-shelf button reaches the gateway, and which of its actions means which smiley. */
export const OffTheShelfSource = Type.Object(
  {
    kind: Type.Union([Type.Literal('zigbee2mqtt'), Type.Literal('tasmota'), Type.Literal('shelly')]),
    /** zigbee2mqtt friendly name (may hold '/', as zigbee2mqtt allows), Tasmota topic, or Shelly device id (no '/') */
    name: Type.String({ pattern: '^(?!/)(?!.*//)(?!.*/$)[^#+]{1,128}$' }),
    /** action text → button index (0 = worst) */
    actions: Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 10 })),
  },
  { additionalProperties: false },
);

export const QuestionConfig = Type.Object(
  {
    id: Id,
    /** the number a terminal sends in its answer message (u16) */
    number: Type.Integer({ minimum: 0, maximum: 65535 }),
    scale: Type.Union([
      ...FIXED_SCALES.map((s) => Type.Literal(s)),
      Type.Unsafe<SmileyScale>(Type.String({ pattern: SMILEY_SCALE_PATTERN })),
    ]),
    label: LocalizedText(300),
    /** for importance questions: the CSI attribute question they weigh */
    importanceOf: Type.Optional(Id),
  },
  { additionalProperties: false },
);

const FollowUpChoice = Type.Object(
  {
    /** what the note carries; "<category>:<what>" (product:cold-coffee) names the case category */
    id: Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' }),
    label: LocalizedText(80),
  },
  { additionalProperties: false },
);

/** After the answer to one question: "why" choices (different for a positive and a negative answer), a comment, a callback request. */
export const FollowUpConfig = Type.Object(
  {
    /** the number of the question whose answer is followed up */
    question: Type.Integer({ minimum: 0, maximum: 65535 }),
    positive: Type.Array(FollowUpChoice, { maxItems: 6, default: [] }),
    negative: Type.Array(FollowUpChoice, { maxItems: 6, default: [] }),
    comment: Type.Boolean({ default: true }),
    /** offered after a negative answer only, with an explicit consent box */
    callback: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

export const SurveyConfig = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1 }),
    questions: Type.Array(QuestionConfig, { minItems: 1 }),
    /** the number of the headline question, whose answer makes a response negative or positive (default: the first smiley, nps11, csat5 or ces7 question) */
    headline: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
    followUp: Type.Optional(FollowUpConfig),
    /** back to the first question after this long without a touch; what was answered is sent (submit) or dropped (discard) */
    idle: Type.Object(
      {
        afterSeconds: Type.Integer({ minimum: 5, maximum: 600, default: 30 }),
        partial: Type.Union([Type.Literal('submit'), Type.Literal('discard')], { default: 'submit' }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false },
);

export const DeviceConfig = Type.Object(
  {
    /** MQTT devices: any id; serial devices: their 32-bit id as 8 lowercase hex digits */
    id: Id,
    pointId: Id,
    kind: Type.Literal('button', { default: 'button' }),
    buttons: Type.Integer({ minimum: 2, maximum: 11, default: 4 }),
    /** presses within this interval after the last counted one are flagged misuse */
    responseIntervalMs: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 5000 }),
    /** password for the embedded broker (user name = device id) */
    mqttPassword: Type.Optional(Type.String({ minLength: 8 })),
    /** an off-the-shelf button seen through zigbee2mqtt, Tasmota or Shelly */
    source: Type.Optional(OffTheShelfSource),
    /** sensor terminals: the survey their answer messages belong to */
    surveyId: Type.Optional(Id),
    /** a kiosk's language for each new customer (they may switch); default: the browser's */
    language: Type.Optional(TextLanguage),
  },
  { additionalProperties: false },
);

const SerialPortConfig = Type.Object(
  {
    path: Type.String({ minLength: 1 }),
    baudRate: Type.Integer({ minimum: 1200, maximum: 4_000_000, default: 115200 }),
  },
  { additionalProperties: false },
);

const UsbMatch = Type.Object(
  {
    vendorId: Type.String({ pattern: '^[0-9a-fA-F]{4}$' }),
    productId: Type.String({ pattern: '^[0-9a-fA-F]{4}$' }),
    baudRate: Type.Integer({ minimum: 1200, maximum: 4_000_000, default: 115200 }),
  },
  { additionalProperties: false },
);

/** An extra broker user (a zigbee2mqtt or Tasmota bridge) and the topics it may use. */
const BrokerUser = Type.Object(
  {
    username: Type.String({ minLength: 1 }),
    password: Type.String({ minLength: 8 }),
    publish: Type.Array(Type.String(), { default: [] }),
    subscribe: Type.Array(Type.String(), { default: [] }),
  },
  { additionalProperties: false },
);

const Window = Type.Integer({ minimum: 1, maximum: 7 * 24 * 60, default: 15 });

/** An alert rule (METRICS.md). Without pointId it applies to every point. */
export const AlertRuleConfig = Type.Union([
  Type.Object(
    {
      id: Id,
      pointId: Type.Optional(Id),
      kind: Type.Literal('negativeShare'),
      /**
       * fires when negative responses are at least this percentage (0–100) of the responses (people, METRICS.md);
       * 50 when neither this nor share is set
       */
      percent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
      /** the threshold as a fraction 0..1, its form in rules stored before: still read, percent wins when both are set */
      share: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
      windowMinutes: Window,
      /** the fewest responses (customers, not questions) the window needs; 4 when neither this nor minAnswers is set */
      minResponses: Type.Optional(Type.Integer({ minimum: 1 })),
      /** the name minResponses had when the rule counted answers: still read, minResponses wins when both are set */
      minAnswers: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      pointId: Type.Optional(Id),
      kind: Type.Literal('threshold'),
      index: Type.Union(['happy', 'positiveShare', 'nps', 'csat', 'ces', 'csi'].map((i) => Type.Literal(i))),
      above: Type.Optional(Type.Number()),
      below: Type.Optional(Type.Number()),
      windowMinutes: Window,
      minAnswers: Type.Integer({ minimum: 1, default: 10 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      pointId: Type.Optional(Id),
      kind: Type.Literal('count'),
      polarity: Type.Union([Type.Literal('negative'), Type.Literal('positive')]),
      count: Type.Integer({ minimum: 1 }),
      windowMinutes: Window,
    },
    { additionalProperties: false },
  ),
]);

export const AlertsConfig = Type.Object(
  {
    /** the METRICS.md default rule (negative share ≥ 50% over 15 min, ≥ 4 responses) for every point */
    defaults: Type.Boolean({ default: true }),
    rules: Type.Array(AlertRuleConfig, { default: [] }),
    /** how often windows are re-evaluated when no answer arrives */
    evaluateEveryMs: Type.Integer({ minimum: 1000, default: 30_000 }),
  },
  { additionalProperties: false, default: {} },
);

/** What an outgoing webhook can be sent: alert and case events. */
export const WEBHOOK_EVENTS = ['alert.fired', 'alert.acknowledged', 'alert.closed', 'case.opened', 'case.changed', 'case.overdue'] as const;

export const WebhookConfig = Type.Object(
  {
    url: Type.String({ pattern: '^https?://' }),
    /** HMAC-SHA256 key: each delivery carries X-Feedback-Signature: sha256=<hex of the body's HMAC> */
    secret: Type.String({ minLength: 16 }),
    events: Type.Array(Type.Union(WEBHOOK_EVENTS.map((e) => Type.Literal(e))), {
      default: ['alert.fired', 'alert.acknowledged', 'alert.closed', 'case.overdue'],
    }),
    attempts: Type.Integer({ minimum: 1, maximum: 20, default: 6 }),
    /** first retry after this long, doubling each time */
    retryBaseMs: Type.Integer({ minimum: 1, default: 2000 }),
  },
  { additionalProperties: false },
);

export const CameraConfig = Type.Object(
  {
    id: Id,
    siteId: Id,
    /** desk cameras belong to a point; entry and exit cameras to the site */
    pointId: Type.Optional(Id),
    tag: Type.Union([Type.Literal('entry'), Type.Literal('exit'), Type.Literal('desk')]),
    source: Type.Union([
      Type.Object(
        {
          kind: Type.Literal('ffmpeg'),
          /** a video file, an RTSP/HTTP stream URL, or a V4L2 device such as /dev/video0 */
          input: Type.String({ minLength: 1 }),
          fps: Type.Number({ exclusiveMinimum: 0, maximum: 30, default: 5 }),
          /** files only: play at the file's own pace, as a camera would */
          realtime: Type.Boolean({ default: true }),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          kind: Type.Literal('snapshot'),
          url: Type.String({ pattern: '^https?://' }),
          intervalMs: Type.Integer({ minimum: 100, default: 1000 }),
        },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          kind: Type.Literal('folder'),
          path: Type.String({ minLength: 1 }),
          fps: Type.Number({ exclusiveMinimum: 0, maximum: 30, default: 2 }),
          loop: Type.Boolean({ default: true }),
        },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);

export const ConfigSchema = Type.Object(
  {
    dataDir: Type.String({ minLength: 1, default: './data' }),
    store: Type.Object(
      {
        /** full: a commit (and so an ack) survives a power cut; normal: it survives a crash of the gateway, not of the machine */
        synchronous: Type.Union([Type.Literal('full'), Type.Literal('normal')], { default: 'full' }),
        /** the largest the database may grow; past it writes are refused as on a full disk */
        maxSizeMb: Type.Optional(Type.Integer({ minimum: 1 })),
      },
      { additionalProperties: false, default: {} },
    ),
    http: Type.Object(
      {
        host: Type.String({ default: '0.0.0.0' }),
        port: Port,
        bodyLimitBytes: Type.Integer({ minimum: 1024, default: 64 * 1024 }),
        /** Secure flag on cookies. auto: over TLS and on localhost (browsers refuse Secure cookies over plain HTTP elsewhere) */
        secureCookies: Type.Union([Type.Literal('auto'), Type.Literal('always'), Type.Literal('never')], { default: 'auto' }),
        /** serve HTTPS with this certificate and key (PEM files) */
        tls: Type.Optional(
          Type.Object({ certFile: Type.String({ minLength: 1 }), keyFile: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
        ),
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
            /** devices: every client needs credentials (devices: id + mqttPassword); off: anyone may connect */
            auth: Type.Union([Type.Literal('devices'), Type.Literal('off')], { default: 'devices' }),
            users: Type.Array(BrokerUser, { default: [] }),
            /** a packet whose header claims more is refused before its body is read, CONNECT included */
            maxPacketBytes: Type.Integer({ minimum: 1024, maximum: 16 * 1024 * 1024, default: 64 * 1024 }),
            maxRetainedPerClient: Type.Integer({ minimum: 1, maximum: 100_000, default: 50 }),
            maxRetainedTotal: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10_000 }),
            /** failed connects from one address within a minute before it is refused for blockSeconds */
            maxFailedConnectsPerMinute: Type.Integer({ minimum: 1, default: 10 }),
            blockSeconds: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    serial: Type.Object(
      {
        ports: Type.Array(SerialPortConfig, { default: [] }),
        /** open any USB serial port with these ids as it appears */
        discover: Type.Array(UsbMatch, { default: [] }),
        discoverIntervalMs: Type.Integer({ minimum: 500, default: 5000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    devicesPolicy: Type.Object(
      {
        /** a device is offline after this long without any message */
        offlineAfterMs: Type.Integer({ minimum: 1000, default: 90_000 }),
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
        /** below this many faces in a window no emotional index is shown for it */
        minFaces: Type.Integer({ minimum: 1, default: 5 }),
      },
      { additionalProperties: false, default: {} },
    ),
    auth: Type.Object(
      {
        /** Password for the first admin user; when absent one is generated into the data folder. */
        initialAdminPassword: Type.Optional(Type.String({ minLength: 8 })),
        sessionHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 30, default: 12 }),
        /** sign-in attempts per client address per minute, before any password is checked */
        loginRatePerMinute: Type.Integer({ minimum: 1, default: 30 }),
        /** failures within windowMinutes before a user name is locked out at that address (or the address for every name) for lockoutMinutes */
        maxFailuresPerUser: Type.Integer({ minimum: 1, default: 5 }),
        maxFailuresPerAddress: Type.Integer({ minimum: 1, default: 20 }),
        windowMinutes: Type.Number({ exclusiveMinimum: 0, default: 15 }),
        lockoutMinutes: Type.Number({ exclusiveMinimum: 0, default: 15 }),
      },
      { additionalProperties: false, default: {} },
    ),
    sites: Type.Array(SiteConfig, { default: [] }),
    points: Type.Array(PointConfig, { default: [] }),
    devices: Type.Array(DeviceConfig, { default: [] }),
    surveys: Type.Array(SurveyConfig, { default: [] }),
    alerts: AlertsConfig,
    webhooks: Type.Array(WebhookConfig, { default: [] }),
    cases: CasesConfig,
    mail: MailConfig,
    reviews: ReviewsConfig,
    reports: ReportsConfig,
    cameras: Type.Array(CameraConfig, { default: [] }),
    emotion: Type.Object(
      {
        /** inference threads (one per core is the most that helps) */
        workers: Type.Integer({ minimum: 1, maximum: 16, default: 1 }),
        /** tiny face detector input: a multiple of 32; larger finds smaller faces, slower and with more memory per worker (320: ~70 MB of WASM heap, 416: ~100 MB) */
        inputSize: Type.Integer({ minimum: 128, maximum: 1024, multipleOf: 32, default: 320 }),
        scoreThreshold: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.5 }),
        /** counts are kept per window of this length; a face counts once per window */
        windowMs: Type.Integer({ minimum: 1000, default: 60_000 }),
        /** frames from ffmpeg are scaled to this size */
        width: Type.Integer({ minimum: 64, maximum: 3840, default: 640 }),
        height: Type.Integer({ minimum: 64, maximum: 2160, default: 480 }),
        /** where the model weights are; default: inside the installed face-api package */
        modelDir: Type.Optional(Type.String({ minLength: 1 })),
        /** the expression model: the ensemble of both networks (most accurate), or one of them (faster) */
        model: Type.Union([Type.Literal('ensemble'), Type.Literal('miniXception'), Type.Literal('faceExpressionNet')], {
          default: 'ensemble',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
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
export type OffTheShelfSource = Static<typeof OffTheShelfSource>;
export type SurveyConfig = Static<typeof SurveyConfig>;
export type AlertRuleConfig = Static<typeof AlertRuleConfig>;
export type WebhookConfig = Static<typeof WebhookConfig>;
export type CameraConfig = Static<typeof CameraConfig>;
export type QuestionConfig = Static<typeof QuestionConfig>;
