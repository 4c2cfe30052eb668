import { html } from 'lit';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { t } from '@feedback/web-base/i18n.ts';
import type { Settings } from '@feedback/web-base/contract.ts';
import { deleteEntry, loadSettings, pairingCode, putEntry, putWebhooks } from '../data/settings.ts';
import { COLUMNS, ITEM_SECTIONS, cellOf, entriesOf, templateOf, type Entry, type ItemSection } from './settings-sections.ts';
import './fb-settings-transfer.ts';
import './fb-users.ts';
import './fb-tokens.ts';
import './fb-staff-rota.ts';
import { SettingsPanel } from './settings-panel.ts';
import { onSubmit } from './form-values.ts';

type Tab = ItemSection | 'webhooks' | 'staff' | 'users' | 'tokens' | 'transfer';
interface Editing {
  section: ItemSection | 'webhooks';
  /** the entry's id; undefined for a new one */
  id: string | undefined;
  text: string;
}

/**
 * The settings an admin (everything) or a manager (their sites, points and devices) changes:
 * each section as a table, each entry edited as YAML, the way the configuration file reads, and
 * checked by the gateway with the file's own rules. Changes apply at once, without a restart.
 */
export class FbSettings extends SettingsPanel {
  static override properties = { settings: { state: true }, tab: { state: true }, editing: { state: true } };
  declare settings: Settings | undefined;
  declare tab: Tab;
  declare editing: Editing | undefined;

  constructor() {
    super();
    this.tab = 'points';
  }

  protected override async load(): Promise<void> {
    this.settings = await loadSettings();
  }

  private get admin(): boolean {
    return this.settings?.scope === 'all';
  }

  private tabs(): Tab[] {
    const items: Tab[] = this.admin ? [...ITEM_SECTIONS] : ['sites', 'points', 'devices'];
    return this.admin ? [...items, 'webhooks', 'staff', 'users', 'tokens', 'transfer'] : [...items, 'staff'];
  }

  private edit(section: ItemSection | 'webhooks', entry: unknown, id: string | undefined): void {
    this.editing = { section, id, text: stringifyYaml(entry) };
    this.error = '';
    this.notice = '';
  }

  private async save(): Promise<void> {
    const editing = this.editing;
    const settings = this.settings;
    if (!editing || !settings) return;
    let value: unknown;
    try {
      value = parseYaml(editing.text);
    } catch (error) {
      this.error = `${t('settings.notYaml')}: ${(error as Error).message.split('\n')[0]}`;
      return;
    }
    const section = editing.section;
    const put =
      section === 'webhooks'
        ? () => putWebhooks(settings.version, value)
        : () => putEntry(section, (value as Entry | null)?.id ?? '', settings.version, value);
    if (await this.run(put, t('settings.saved'))) this.editing = undefined;
  }

  private async removeEntry(section: ItemSection, id: string): Promise<void> {
    if (!this.settings || !confirm(t('settings.confirmDelete', { id }))) return;
    await this.run(() => deleteEntry(section, id, this.settings!.version), t('settings.deleted', { id }));
  }

  /** A short code the kiosk or staff screen types in once to get its token. */
  private async pairingCode(kind: 'kiosk' | 'screen', entry: Entry): Promise<void> {
    const body =
      kind === 'kiosk' ? { kind, name: entry.id, deviceId: entry.id } : { kind, name: String(entry.name ?? entry.id), pointId: entry.id };
    await this.run(
      () => pairingCode(body),
      ({ code }) => t('settings.pairingCode', { code, id: entry.id }),
      false,
    );
  }

  private editor() {
    const editing = this.editing;
    if (!editing) return '';
    const title = editing.id ? t('settings.editing', { id: editing.id }) : t('settings.adding');
    return html`<form class="stack" aria-label=${title} @submit=${onSubmit(() => this.save())}>
      <label class="wide"
        >${title}
        <textarea
          rows="14"
          spellcheck="false"
          data-editor
          .value=${editing.text}
          @input=${(e: Event) => (this.editing = { ...editing, text: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
      </label>
      <button type="submit">${t('settings.save')}</button>
      <button type="button" class="secondary" @click=${() => (this.editing = undefined)}>${t('settings.cancel')}</button>
    </form>`;
  }

  private table(section: ItemSection, settings: Settings) {
    const entries = entriesOf(settings.catalog, section);
    const mayAdd = this.admin || section !== 'sites';
    return html`
      ${mayAdd ? html`<div class="actions"><button type="button" data-add @click=${() => this.edit(section, templateOf(section, settings.catalog), undefined)}>${t('settings.add')}</button></div>` : ''}
      <table>
        <thead>
          <tr>
            ${COLUMNS[section].map((c) => html`<th scope="col">${t(`settings.column.${c}`)}</th>`)}
            <th scope="col">${t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map(
            (entry) =>
              html`<tr data-entry=${entry.id}>
                ${COLUMNS[section].map((c) => html`<td>${cellOf(entry, c)}</td>`)}
                <td>
                  <div class="actions">
                    <button type="button" class="secondary" data-edit @click=${() => this.edit(section, entry, entry.id)}>
                      ${t('settings.edit')}
                    </button>
                    ${this.admin || section !== 'sites' ? html`<button type="button" class="secondary" data-delete @click=${() => void this.removeEntry(section, entry.id)}>${t('settings.delete')}</button>` : ''}
                    ${this.admin && section === 'devices' && entry.surveyId ? html`<button type="button" class="secondary" @click=${() => void this.pairingCode('kiosk', entry)}>${t('settings.pairKiosk')}</button>` : ''}
                    ${this.admin && section === 'points' ? html`<button type="button" class="secondary" @click=${() => void this.pairingCode('screen', entry)}>${t('settings.pairScreen')}</button>` : ''}
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${entries.length === 0 ? html`<p>${t('settings.empty')}</p>` : ''}
    `;
  }

  private body(settings: Settings) {
    if (this.tab === 'users') return html`<fb-users></fb-users>`;
    if (this.tab === 'tokens') return html`<fb-tokens></fb-tokens>`;
    if (this.tab === 'staff') return html`<fb-staff-rota .points=${settings.catalog.points}></fb-staff-rota>`;
    if (this.tab === 'transfer')
      return html`<fb-settings-transfer .version=${settings.version} @settings-imported=${() => void this.load()}></fb-settings-transfer>`;
    if (this.tab === 'webhooks')
      return html`<p>${t('settings.webhooksHint')}</p>
        <div class="actions">
          <button type="button" data-edit @click=${() => this.edit('webhooks', settings.catalog.webhooks, 'webhooks')}>
            ${t('settings.edit')}
          </button>
        </div>
        <ul>
          ${settings.catalog.webhooks.map((w) => html`<li>${w.url} — ${w.events.join(', ')}</li>`)}
        </ul>`;
    return this.table(this.tab, settings);
  }

  override render() {
    const settings = this.settings;
    if (!settings) return html`${this.error ? html`<p role="alert">${this.error}</p>` : ''}`;
    return html`
      <section>
        <h2>${t('settings.title')}</h2>
        <p>${t('settings.version', { version: settings.version })}</p>
        <div class="actions" role="tablist" aria-label=${t('settings.sections')}>
          ${this.tabs().map(
            (tab) =>
              html`<button
                type="button"
                role="tab"
                class=${tab === this.tab ? '' : 'secondary'}
                aria-selected=${tab === this.tab ? 'true' : 'false'}
                data-tab=${tab}
                @click=${() => {
                  this.tab = tab;
                  this.editing = undefined;
                }}
              >
                ${t(`settings.tab.${tab}`)}
              </button>`,
          )}
        </div>
        <div role="tabpanel" aria-label=${t(`settings.tab.${this.tab}`)}>${this.messages()} ${this.editor()} ${this.body(settings)}</div>
      </section>
    `;
  }
}
customElements.define('fb-settings', FbSettings);
