import { Type, type Static } from '@sinclair/typebox';

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'local time, HH:MM' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'a local date, YYYY-MM-DD' });
/** Opening hours of one day, or null when closed all day. */
const Hours = Type.Union([Type.Null(), Type.Tuple([Time, Time])]);
const Email = Type.String({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', maxLength: 254 });

/** A site's working calendar: case deadlines run in its working hours and working days. */
export const SiteCalendarConfig = Type.Object(
  {
    openingHours: Type.Object(
      {
        mon: Hours,
        tue: Hours,
        wed: Hours,
        thu: Hours,
        fri: Hours,
        sat: Hours,
        sun: Hours,
      },
      {
        additionalProperties: false,
        default: {
          mon: ['09:00', '18:00'],
          tue: ['09:00', '18:00'],
          wed: ['09:00', '18:00'],
          thu: ['09:00', '18:00'],
          fri: ['09:00', '18:00'],
          sat: null,
          sun: null,
        },
      },
    ),
    /** public holidays (closed) from the date-holidays library: ISO country code, optionally a state or region */
    holidays: Type.Optional(
      Type.Object(
        { country: Type.String({ pattern: '^[A-Z]{2}$' }), region: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })) },
        { additionalProperties: false },
      ),
    ),
    /** days that differ from the rule: a holiday not in the library (null), or shorter or longer hours */
    exceptions: Type.Array(Type.Object({ date: Day, hours: Hours }, { additionalProperties: false }), { default: [] }),
  },
  { additionalProperties: false, default: {} },
);

/** How long a deadline runs: clock hours, working hours, or to the close of the Nth working day. */
export const DeadlineSpec = Type.Union([
  Type.Object({ hours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 365 }) }, { additionalProperties: false }),
  Type.Object({ workingHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 365 }) }, { additionalProperties: false }),
  Type.Object({ workingDays: Type.Integer({ minimum: 1, maximum: 366 }) }, { additionalProperties: false }),
]);

const ServiceLevel = Type.Object(
  { respond: DeadlineSpec, plan: Type.Optional(DeadlineSpec), resolve: DeadlineSpec },
  { additionalProperties: false },
);

/** A department that owns a category of cases: who handles them, and who a missed deadline escalates to. */
const Department = Type.Object(
  {
    owner: Type.String({ minLength: 1, maxLength: 120 }),
    superior: Type.String({ minLength: 1, maxLength: 120 }),
    /** where the owner and the superior are told of an overdue case (with mail configured) */
    ownerEmail: Type.Optional(Email),
    superiorEmail: Type.Optional(Email),
  },
  { additionalProperties: false },
);

export const CasesConfig = Type.Object(
  {
    /** which negative feedback opens a case by itself */
    rules: Type.Object(
      {
        detractorWithComment: Type.Boolean({ default: true }),
        callbackRequest: Type.Boolean({ default: true }),
        unhappyReason: Type.Boolean({ default: true }),
        firedAlert: Type.Boolean({ default: true }),
      },
      { additionalProperties: false, default: {} },
    ),
    /** METRICS.md's service levels by severity */
    serviceLevels: Type.Object(
      { '1': ServiceLevel, '2': ServiceLevel, '3': ServiceLevel },
      {
        additionalProperties: false,
        default: {
          '1': { respond: { workingHours: 2 }, plan: { hours: 24 }, resolve: { hours: 48 } },
          '2': { respond: { workingHours: 4 }, resolve: { workingDays: 3 } },
          '3': { respond: { workingHours: 8 }, resolve: { workingDays: 22 } },
        },
      },
    ),
    /** the department owning each category (METRICS.md's defaults) */
    departments: Type.Object(
      { product: Department, service: Department, operations: Department, suggestion: Department },
      {
        additionalProperties: false,
        default: {
          product: { owner: 'R&D', superior: 'Quality manager' },
          service: { owner: 'Customer service', superior: 'Quality manager' },
          operations: { owner: 'Marketing', superior: 'Quality manager' },
          suggestion: { owner: 'Planning', superior: 'Quality manager' },
        },
      },
    ),
    /** an earlier case of the same category at the same point within this many days makes a repeat complaint */
    repeatWithinDays: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
    checkEveryMs: Type.Integer({ minimum: 1000, default: 60_000 }),
  },
  { additionalProperties: false, default: {} },
);

export const MailConfig = Type.Object(
  {
    /** without smtp no e-mail is sent (reports are still kept and listed) */
    smtp: Type.Optional(
      Type.Object(
        {
          host: Type.String({ minLength: 1 }),
          port: Type.Integer({ minimum: 1, maximum: 65535, default: 587 }),
          /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it */
          secure: Type.Boolean({ default: false }),
          user: Type.Optional(Type.String({ minLength: 1 })),
          password: Type.Optional(Type.String({ minLength: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    from: Email,
  },
  { additionalProperties: false, default: { from: 'feedback@localhost.localdomain' } },
);

export const ReviewsConfig = Type.Object(
  {
    replyWithinHours: Type.Number({ exclusiveMinimum: 0, default: 24 }),
    /** the daily "reviews checked" mark is due by this local time */
    checkBy: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '11:00' }),
    /** HMAC-SHA256 key of the inbound review webhook (X-Feedback-Signature: sha256=<hex>); without it the webhook is off */
    webhookSecret: Type.Optional(Type.String({ minLength: 16 })),
  },
  { additionalProperties: false, default: {} },
);

export const ReportsConfig = Type.Object(
  {
    weekly: Type.Boolean({ default: true }),
    /** local time on Monday when last week's report is made */
    at: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '07:00' }),
    /** who receives each report by e-mail (needs mail.smtp) */
    subscribers: Type.Array(Email, { default: [] }),
    language: Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('zh')], { default: 'en' }),
    /** a TrueType font for the PDF; the bundled Noto Sans covers Latin and Cyrillic, Chinese needs e.g. Debian's fonts-noto-cjk */
    pdfFont: Type.Optional(Type.String({ minLength: 1 })),
    checkEveryMs: Type.Integer({ minimum: 1000, default: 60_000 }),
    /** the programme's targets (percentages), shown beside each figure and used by the self-assessment */
    targets: Type.Object(
      {
        collection: Type.Number({ minimum: 0, maximum: 100, default: 95 }),
        firstResponse: Type.Number({ minimum: 0, maximum: 100, default: 90 }),
        completion: Type.Number({ minimum: 0, maximum: 100, default: 90 }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false, default: {} },
);

export type SiteCalendarConfig = Static<typeof SiteCalendarConfig>;
export type DeadlineSpec = Static<typeof DeadlineSpec>;
export type CasesConfig = Static<typeof CasesConfig>;
export type MailConfig = Static<typeof MailConfig>;
export type ReviewsConfig = Static<typeof ReviewsConfig>;
export type ReportsConfig = Static<typeof ReportsConfig>;
