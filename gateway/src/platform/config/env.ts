import type { TSchema } from '@sinclair/typebox';
import { parse as parseYaml } from 'yaml';

export const ENV_PREFIX = 'FEEDBACK_';
/** Variables that are not configuration keys: the config file's path, and a benchmark-only switch. */
const RESERVED = new Set(['FEEDBACK_CONFIG']);

function normalise(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

/** Finds the schema property whose name matches an env segment (HTTP, INITIAL_ADMIN_PASSWORD). */
function propertyFor(schema: TSchema | undefined, segment: string): [string, TSchema | undefined] {
  const properties = (schema as { properties?: Record<string, TSchema> } | undefined)?.properties ?? {};
  const match = Object.keys(properties).find((key) => normalise(key) === normalise(segment));
  return match ? [match, properties[match]] : [segment.toLowerCase(), undefined];
}

function parseScalar(raw: string, schema: TSchema | undefined): unknown {
  if ((schema as { type?: string } | undefined)?.type === 'string') return raw;
  try {
    return parseYaml(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Applies overrides such as FEEDBACK_HTTP__PORT=8081 or FEEDBACK_AUTH__INITIAL_ADMIN_PASSWORD=…
 * (double underscore separates nesting levels) on top of the file's data.
 */
export function applyEnvOverrides(data: Record<string, unknown>, env: NodeJS.ProcessEnv, schema: TSchema): Record<string, unknown> {
  const result = structuredClone(data);
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || RESERVED.has(name) || raw === undefined) continue;
    const segments = name.slice(ENV_PREFIX.length).split('__');
    let target = result;
    let targetSchema: TSchema | undefined = schema;
    segments.forEach((segment, i) => {
      const [key, propertySchema] = propertyFor(targetSchema, segment);
      if (i === segments.length - 1) {
        target[key] = parseScalar(raw, propertySchema);
        return;
      }
      const next = target[key];
      target[key] = typeof next === 'object' && next !== null ? next : {};
      target = target[key] as Record<string, unknown>;
      targetSchema = propertySchema;
    });
  }
  return result;
}
