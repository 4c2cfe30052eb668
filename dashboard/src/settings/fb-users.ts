import { html } from 'lit';
import { t } from '@feedback/web-base/i18n.ts';
import type { ApiUser } from '@feedback/web-base/contract.ts';
import { formValues, onSubmit, siteList } from './form-values.ts';
import { SettingsPanel } from './settings-panel.ts';
import { changeUser, createUser, deleteUser, resetPassword, users, type Role } from '../data/users.ts';

const ROLES = ['admin', 'manager', 'viewer'] as const;

/** Users and roles, for admins: who signs in, with which role and sites; new users set their own password at first sign-in. */
export class FbUsers extends SettingsPanel {
  static override properties = { users: { state: true } };
  declare users: ApiUser[];

  constructor() {
    super();
    this.users = [];
  }

  protected override async load(): Promise<void> {
    this.users = await users();
  }

  private create(form: HTMLFormElement): Promise<void> {
    return this.submit(
      form,
      (v) => createUser({ username: v.username ?? '', password: v.password ?? '', role: v.role as Role, sites: siteList(v.sites ?? '') }),
      (v) => t('users.created', { username: v.username ?? '' }),
    );
  }

  private changeUser(user: ApiUser, form: HTMLFormElement): void {
    const v = formValues(form);
    void this.run(
      () => changeUser(user.id, { role: v.role as Role, sites: siteList(v.sites ?? '') }),
      t('users.updated', { username: user.username }),
    );
  }

  private resetPassword(user: ApiUser): void {
    const password = prompt(t('users.newPassword', { username: user.username }));
    if (password) void this.run(() => resetPassword(user.id, password), t('users.passwordReset', { username: user.username }));
  }

  private deleteUser(user: ApiUser): void {
    if (confirm(t('users.confirmDelete', { username: user.username })))
      void this.run(() => deleteUser(user.id), t('users.deleted', { username: user.username }));
  }

  override render() {
    return html`
      ${this.messages()}
      <table>
        <thead>
          <tr>
            <th scope="col">${t('users.username')}</th>
            <th scope="col">${t('users.role')} · ${t('users.sites')}</th>
            <th scope="col">${t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.users.map(
            (u) =>
              html`<tr data-user=${u.username}>
                <td>${u.username}${u.mustChangePassword ? html` <span class="muted">(${t('users.mustChange')})</span>` : ''}</td>
                <td>
                  <form
                    class="stack inline"
                    aria-label=${t('users.edit', { username: u.username })}
                    @submit=${onSubmit((form) => this.changeUser(u, form))}
                  >
                    <label
                      >${t('users.role')}<select name="role">
                        ${ROLES.map((r) => html`<option value=${r} ?selected=${r === u.role}>${t(`role.${r}`)}</option>`)}
                      </select></label
                    >
                    <label>${t('users.sites')}<input name="sites" .value=${u.sites.join(', ')} /></label>
                    <button type="submit" class="secondary">${t('settings.save')}</button>
                  </form>
                </td>
                <td>
                  <div class="actions">
                    <button type="button" class="secondary" @click=${() => this.resetPassword(u)}>${t('users.resetPassword')}</button>
                    <button type="button" class="secondary" @click=${() => this.deleteUser(u)}>${t('settings.delete')}</button>
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form class="stack" data-new-user aria-label=${t('users.add')} @submit=${onSubmit((form) => this.create(form))}>
        <label>${t('users.username')}<input name="username" required autocomplete="off" /></label>
        <label
          >${t('users.firstPassword')}<input name="password" type="password" required minlength="10" autocomplete="new-password"
        /></label>
        <label
          >${t('users.role')}<select name="role">
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'viewer'}>${t(`role.${r}`)}</option>`)}
          </select></label
        >
        <label>${t('users.sites')}<input name="sites" placeholder="branch-1, branch-2" /></label>
        <button type="submit">${t('users.add')}</button>
      </form>
    `;
  }
}
customElements.define('fb-users', FbUsers);
