import Holidays from 'date-holidays';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { parse as parseYaml } from 'yaml';
import { ConfigSchema, DEFAULT_HTTP_PORT, DEFAULT_MQTT_PORT, type Config } from './schema.ts';
import { applyEnvOverrides } from './env.ts';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface LoadConfigOptions {
  /** path of a YAML or JSON file; optional */
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

function readFile(file: string): unknown {
  const path = resolve(file);
  if (!existsSync(path)) throw new ConfigError(`Configuration file not found: ${path}`);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Configuration file ${path} is not valid YAML/JSON: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`Configuration file ${path} must hold a mapping of keys`);
  return data;
}

/** JSON pointer (/http/port, /devices/0/id) to the dotted key an operator writes (http.port, devices[0].id). */
export function keyOfPointer(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/** Validates raw configuration data; throws a ConfigError naming every bad key. */
export function validateConfig(raw: unknown): Config {
  const data = Value.Default(ConfigSchema, structuredClone(raw ?? {})) as Record<string, unknown>;
  const http = (data.http ?? {}) as Record<string, unknown>;
  http.port ??= DEFAULT_HTTP_PORT;
  const mqtt = (data.mqtt ?? {}) as Record<string, unknown>;
  const embedded = (mqtt.embedded ?? {}) as Record<string, unknown>;
  embedded.port ??= DEFAULT_MQTT_PORT;
  const errors = [...Value.Errors(ConfigSchema, data)];
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((e) => {
      const key = keyOfPointer(e.path) || '(top level)';
      const unknown = e.message.includes('Unexpected property');
      return unknown ? `  ${key}: unknown key` : `  ${key}: ${e.message} (got ${JSON.stringify(e.value)})`;
    });
    throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join('\n')}`);
  }
  checkReferences(data as Config);
  return data as Config;
}

function checkReferences(config: Config): void {
  const sites = new Set(config.sites.map((s) => s.id));
  const points = new Set(config.points.map((p) => p.id));
  config.points.forEach((p, i) => {
    if (!sites.has(p.siteId)) throw new ConfigError(`Invalid configuration:\n  points[${i}].siteId: no site "${p.siteId}"`);
  });
  const surveys = new Set(config.surveys.map((s) => s.id));
  config.devices.forEach((d, i) => {
    if (!points.has(d.pointId)) throw new ConfigError(`Invalid configuration:\n  devices[${i}].pointId: no point "${d.pointId}"`);
    if (d.surveyId && !surveys.has(d.surveyId))
      throw new ConfigError(`Invalid configuration:\n  devices[${i}].surveyId: no survey "${d.surveyId}"`);
    if (d.source && d.source.kind !== 'zigbee2mqtt' && d.source.name.includes('/')) {
      throw new ConfigError(
        `Invalid configuration:\n  devices[${i}].source.name: a ${d.source.kind} name cannot hold "/" (only zigbee2mqtt friendly names can)`,
      );
    }
  });
  config.cameras.forEach((c, i) => {
    if (!sites.has(c.siteId)) throw new ConfigError(`Invalid configuration:\n  cameras[${i}].siteId: no site "${c.siteId}"`);
    if (c.pointId && !points.has(c.pointId))
      throw new ConfigError(`Invalid configuration:\n  cameras[${i}].pointId: no point "${c.pointId}"`);
  });
  for (const tz of config.sites.map((s) => s.timeZone)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      const i = config.sites.findIndex((s) => s.timeZone === tz);
      throw new ConfigError(`Invalid configuration:\n  sites[${i}].timeZone: unknown time zone "${tz}"`);
    }
  }
  config.surveys.forEach((survey, i) => {
    if (survey.followUp && !survey.questions.some((q) => q.number === survey.followUp!.question))
      throw new ConfigError(
        `Invalid configuration:\n  surveys[${i}].followUp.question: no question number ${survey.followUp.question} in survey "${survey.id}"`,
      );
    if (survey.headline !== undefined && !survey.questions.some((q) => q.number === survey.headline))
      throw new ConfigError(
        `Invalid configuration:\n  surveys[${i}].headline: no question number ${survey.headline} in survey "${survey.id}"`,
      );
  });
  config.sites.forEach((site, i) => {
    const holidays = site.calendar?.holidays;
    if (holidays && !new Holidays().getCountries()[holidays.country])
      throw new ConfigError(
        `Invalid configuration:\n  sites[${i}].calendar.holidays.country: no holiday calendar for "${holidays.country}"`,
      );
    if (holidays?.region && !new Holidays().getStates(holidays.country)?.[holidays.region])
      throw new ConfigError(
        `Invalid configuration:\n  sites[${i}].calendar.holidays.region: no region "${holidays.region}" in ${holidays.country}`,
      );
  });
}

/** Reads the file (if any), applies FEEDBACK_* environment overrides, validates. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const file = options.file ?? env.FEEDBACK_CONFIG;
  const raw = file ? readFile(file) : {};
  return validateConfig(applyEnvOverrides(raw as Record<string, unknown>, env, ConfigSchema));
}
