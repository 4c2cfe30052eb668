import { describe, expect, it } from 'vitest';
import INDEX_LABELS from '../../../gateway/src/core/index-labels.json' with { type: 'json' };
import { INDEX_NAMES } from '../../../gateway/src/core/index-names.ts';
import { REPORT_LABELS } from '../../../gateway/src/modules/reports/report-labels.ts';

const LANGUAGES = ['en', 'ru', 'zh'] as const;

// One catalogue of the indices' names (gateway/src/core/index-labels.json) for the screens and the reports.
describe("the indices' names", () => {
  it('name every index the gateway computes in every language, and nothing else', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(INDEX_LABELS[lang]).sort(), lang).toEqual([...INDEX_NAMES].sort());
      for (const [name, label] of Object.entries(INDEX_LABELS[lang])) expect(label.trim(), `${lang} ${name}`).not.toBe('');
    }
  });

  it('are what the reports print', () => {
    for (const lang of LANGUAGES) expect(REPORT_LABELS[lang].indexNames).toEqual(INDEX_LABELS[lang]);
  });
});
