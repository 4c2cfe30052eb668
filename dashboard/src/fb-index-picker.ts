import { html } from 'lit';
import { t } from '@feedback/web-base/i18n.ts';
import { INDICES, type IndexName } from './index-names.ts';

/** The index select every analysis view starts with. */
export function indexPicker(current: IndexName, change: (index: IndexName) => void) {
  return html`<label>
    ${t('analysis.index')}
    <select name="index" @change=${(e: Event) => change((e.target as HTMLSelectElement).value as IndexName)}>
      ${INDICES.map(({ name }) => html`<option value=${name} ?selected=${name === current}>${t(`index.${name}`)}</option>`)}
    </select>
  </label>`;
}

export function indexOf(params: Record<string, string>): IndexName {
  return INDICES.some((i) => i.name === params.index) ? (params.index as IndexName) : 'happy';
}
