import { html } from 'lit';
import { stringify as stringifyYaml } from 'yaml';
import { formatDateTime, t } from '@feedback/web-base/i18n.ts';
import type { AuditEntry, ImportResult } from '@feedback/web-base/contract.ts';
import { importSettings, settingsAudit } from '../data/settings.ts';
import { SettingsPanel } from './settings-panel.ts';
import { onSubmit } from './form-values.ts';

/**
 * For admins: the whole settings as one YAML file (export, and import with a dry run that lists
 * what would be added, changed and removed), and the audit log of who changed what, when.
 */
export class FbSettingsTransfer extends SettingsPanel {
  static override properties = { version: { type: Number }, text: { state: true }, preview: { state: true }, entries: { state: true } };
  declare version: number;
  declare text: string;
  declare preview: ImportResult | undefined;
  declare entries: AuditEntry[];

  constructor() {
    super();
    this.version = 0;
    this.text = '';
    this.entries = [];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // a new settings version (an import, say) has a new audit row; the first load is the panel's own
    if (changed.has('version') && changed.get('version') !== undefined) void this.reload();
  }

  protected override async load(): Promise<void> {
    this.entries = await settingsAudit(50);
  }

  /** A dry run shows what the import would change; the import itself tells the settings, which pass the new version back. */
  private async importText(dryRun: boolean): Promise<void> {
    await this.run(
      async () => {
        this.preview = undefined;
        const result = await importSettings(this.text, dryRun, this.version);
        if (dryRun) this.preview = result;
        else {
          this.text = '';
          this.dispatchEvent(new CustomEvent('settings-imported', { bubbles: true, composed: true }));
        }
        return result;
      },
      (result) => (dryRun ? '' : t('settings.imported', { version: result.version })),
      false,
    );
  }

  private async readFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.text = await file.text();
    this.preview = undefined;
  }

  private previewList() {
    const preview = this.preview;
    if (!preview) return '';
    const sections = Object.entries(preview.changes);
    return html`<div data-preview>
      <h3>${t('settings.dryRun')}</h3>
      <ul>
        ${sections.map(
          ([section, c]) =>
            html`<li>
              <strong>${section}</strong>: ${t('settings.added')} ${c.added.join(', ') || '–'}; ${t('settings.changed')}
              ${c.changed.join(', ') || '–'}; ${t('settings.removed')} ${c.removed.join(', ') || '–'}
            </li>`,
        )}
      </ul>
      ${preview.ignored.length > 0 ? html`<p class="muted">${t('settings.ignored', { keys: preview.ignored.join(', ') })}</p>` : ''}
      <button type="button" data-apply @click=${() => void this.importText(false)}>${t('settings.apply')}</button>
    </div>`;
  }

  override render() {
    return html`
      ${this.messages()}
      <div class="actions">
        <a href="/api/settings/export" download data-export>${t('settings.export')}</a>
      </div>
      <form class="stack" aria-label=${t('settings.import')} @submit=${onSubmit(() => this.importText(true))}>
        <label
          >${t('settings.importFile')} <input type="file" accept=".yaml,.yml,text/yaml" @change=${(e: Event) => void this.readFile(e)}
        /></label>
        <label class="wide"
          >${t('settings.importText')}
          <textarea
            rows="8"
            spellcheck="false"
            data-import
            .value=${this.text}
            @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        <button type="submit" ?disabled=${this.text.trim() === ''}>${t('settings.check')}</button>
      </form>
      ${this.previewList()}
      <h3>${t('settings.audit')}</h3>
      <table data-audit>
        <thead>
          <tr>
            <th scope="col">${t('settings.when')}</th>
            <th scope="col">${t('settings.who')}</th>
            <th scope="col">${t('settings.what')}</th>
            <th scope="col">${t('settings.target')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.entries.map(
            (e) =>
              html`<tr>
                <td>${formatDateTime(e.at)}</td>
                <td>${e.actor}</td>
                <td>${e.action}</td>
                <td>
                  <details>
                    <summary>${e.target}</summary>
                    <pre>${stringifyYaml({ before: e.before, after: e.after })}</pre>
                  </details>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}
customElements.define('fb-settings-transfer', FbSettingsTransfer);
