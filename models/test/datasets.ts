import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * The FER2013 public test split lives outside the repository, in ../shared/datasets (it may not
 * be redistributed with the product). On a clone without it the tests that need it do not run
 * and say so; CI sets REQUIRE_DATASETS=1, and there a missing set fails the suite.
 */
export const FER = resolve(REPO, '..', 'shared', 'datasets', 'fer2013-public');
export const FER_AVAILABLE = existsSync(FER);
export const NEEDS_FER = `(needs ${FER})`;

if (!FER_AVAILABLE) {
  if (process.env.REQUIRE_DATASETS === '1')
    throw new Error(`The FER2013 data set is missing at ${FER}, and this run requires it (REQUIRE_DATASETS=1)`);
  process.stderr.write(
    `[datasets] ${FER} is not there: the FER2013 accuracy and evaluation tests DID NOT RUN on this clone (CI always runs them).\n`,
  );
}
