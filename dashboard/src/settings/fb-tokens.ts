import { html } from 'lit';
import { formatDateTime, t } from '@feedback/web-base/i18n.ts';
import type { ApiToken } from '@feedback/web-base/contract.ts';
import { formValues, onSubmit, siteList } from './form-values.ts';
import { SettingsPanel } from './settings-panel.ts';
import { createIntegrationToken, revokeToken, tokens } from '../data/tokens.ts';

/** What an integration token may be given (the gateway's INTEGRATION_SCOPES). */
const SCOPES = [
  'indices:read',
  'answers:read',
  'staff:read',
  'cases:read',
  'traffic:write',
  'staff:write',
  'alerts:write',
  'devices:write',
  'cases:write',
  'settings:write',
] as const;

/**
 * Scoped tokens, for admins: integrations (a queue system, a POS, a BI tool) with chosen scopes
 * and sites, and the kiosks' and screens' tokens; a new token is shown once; any can be revoked.
 */
export class FbTokens extends SettingsPanel {
  static override properties = { list: { state: true }, created: { state: true } };
  declare list: ApiToken[];
  declare created: string;

  constructor() {
    super();
    this.list = [];
    this.created = '';
  }

  protected override async load(): Promise<void> {
    this.list = await tokens();
  }

  private async create(form: HTMLFormElement): Promise<void> {
    const v = formValues(form);
    const scopes = SCOPES.filter((s) => (form.elements.namedItem(s) as HTMLInputElement | null)?.checked);
    const sites = siteList(v.sites ?? '');
    await this.run(async () => {
      this.created = await createIntegrationToken(v.name ?? '', scopes, sites);
      form.reset();
    });
  }

  private async revoke(token: ApiToken): Promise<void> {
    if (confirm(t('tokens.confirmRevoke', { name: token.name }))) await this.run(() => revokeToken(token.id));
  }

  private scopeOf(token: ApiToken): string {
    if (token.kind === 'screen') return token.pointId ?? '';
    if (token.kind !== 'integration') return token.deviceId ?? '';
    return `${token.scopes.join(', ')}${token.siteIds ? ` · ${token.siteIds.join(', ')}` : ''}`;
  }

  override render() {
    const active = this.list.filter((tk) => tk.revokedAt === null);
    return html`
      ${this.messages()}
      ${this.created ? html`<p role="status" data-new-token>${t('tokens.showOnce')} <code>${this.created}</code></p>` : ''}
      <table>
        <thead>
          <tr>
            <th scope="col">${t('tokens.name')}</th>
            <th scope="col">${t('tokens.kind')}</th>
            <th scope="col">${t('tokens.scope')}</th>
            <th scope="col">${t('tokens.lastUsed')}</th>
            <th scope="col">${t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${active.map(
            (tk) =>
              html`<tr data-token=${tk.id}>
                <td>${tk.name}</td>
                <td>${t(`tokens.kind.${tk.kind}`)}</td>
                <td>${this.scopeOf(tk)}</td>
                <td>${tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : '–'}</td>
                <td>
                  <button type="button" class="secondary" data-revoke @click=${() => void this.revoke(tk)}>${t('tokens.revoke')}</button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form class="stack" aria-label=${t('tokens.add')} @submit=${onSubmit((form) => this.create(form))}>
        <label>${t('tokens.name')}<input name="name" required /></label>
        <label>${t('users.sites')}<input name="sites" placeholder="branch-1" /></label>
        <fieldset class="wide">
          <legend>${t('tokens.scopes')}</legend>
          ${SCOPES.map((s) => html`<label class="check"><input type="checkbox" name=${s} /> ${s}</label>`)}
        </fieldset>
        <button type="submit">${t('tokens.add')}</button>
      </form>
    `;
  }
}
customElements.define('fb-tokens', FbTokens);
