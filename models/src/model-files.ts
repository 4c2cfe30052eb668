import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

/** The networks the emotion monitor uses, by their face-api manifest names. */
export const NETWORKS = {
  detector: 'tiny_face_detector_model',
  expressions: 'face_expression_model',
} as const;

/**
 * Checks that a network's manifest and every weight file it lists are present, before loading,
 * so that a missing file is named rather than failing deep inside TensorFlow.js.
 */
export function checkModelFiles(dir: string, network: string): void {
  const manifest = join(dir, `${network}-weights_manifest.json`);
  if (!existsSync(manifest)) throw new ModelFileError(`Model file missing: ${manifest} (the ${network} network)`);
  let groups: { paths: string[] }[];
  try {
    groups = JSON.parse(readFileSync(manifest, 'utf8')) as { paths: string[] }[];
  } catch (error) {
    throw new ModelFileError(`Model manifest unreadable: ${manifest}: ${(error as Error).message}`);
  }
  for (const path of groups.flatMap((g) => g.paths)) {
    const file = join(dir, path);
    if (!existsSync(file)) throw new ModelFileError(`Model file missing: ${file} (listed in ${manifest})`);
  }
}
