import { html } from 'lit';
import { api } from '@feedback/web-base/api-client.ts';
import { formatDateTime, t } from '@feedback/web-base/i18n.ts';
import { onSubmit } from './form-values.ts';
import { SettingsPanel } from './settings-panel.ts';

interface Staff {
  id: string;
  name: string;
}
interface Shift {
  id: number;
  staffId: string;
  pointId: string;
  startsAt: number;
  endsAt: number;
}

/** Staff and their shifts: answers given during a shift at a point count for whoever worked it. */
export class FbStaffRota extends SettingsPanel {
  static override properties = { points: { attribute: false }, staff: { state: true }, shifts: { state: true } };
  declare points: { id: string; name: string }[];
  declare staff: Staff[];
  declare shifts: Shift[];

  constructor() {
    super();
    this.points = [];
    this.staff = [];
    this.shifts = [];
  }

  protected override async load(): Promise<void> {
    this.staff = (await api.get<{ staff: Staff[] }>('/api/staff')).staff;
    const since = Date.now() - 7 * 86_400_000;
    this.shifts = (await api.get<{ shifts: Shift[] }>('/api/shifts')).shifts.filter((s) => s.endsAt >= since).sort((a, b) => a.startsAt - b.startsAt);
  }

  override render() {
    const name = (id: string) => this.staff.find((s) => s.id === id)?.name ?? id;
    return html`
      ${this.messages()}
      <h3>${t('staff.title')}</h3>
      <ul data-staff>
        ${this.staff.map((s) => html`<li>${s.name} <span class="muted">(${s.id})</span></li>`)}
      </ul>
      <form
        class="stack"
        aria-label=${t('staff.add')}
        @submit=${onSubmit((form) => this.submit(form, (v) => api.send('PUT', `/api/staff/${encodeURIComponent(v.id ?? '')}`, { name: v.name }), t('settings.saved')))}
      >
        <label>${t('settings.column.id')}<input name="id" required pattern="[A-Za-z0-9_.\\-]{1,64}" /></label>
        <label>${t('settings.column.name')}<input name="name" required /></label>
        <button type="submit">${t('staff.add')}</button>
      </form>
      <h3>${t('staff.shifts')}</h3>
      <table data-shifts>
        <thead>
          <tr>
            <th scope="col">${t('staff.member')}</th>
            <th scope="col">${t('settings.column.pointId')}</th>
            <th scope="col">${t('filters.from')}</th>
            <th scope="col">${t('filters.to')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.shifts.map((s) => html`<tr><td>${name(s.staffId)}</td><td>${s.pointId}</td><td>${formatDateTime(s.startsAt)}</td><td>${formatDateTime(s.endsAt)}</td></tr>`)}
        </tbody>
      </table>
      <form
        class="stack"
        aria-label=${t('staff.addShift')}
        @submit=${onSubmit((form) =>
          this.submit(
            form,
            (v) => api.send('POST', '/api/shifts', { staffId: v.staffId, pointId: v.pointId, from: new Date(v.from ?? '').toISOString(), to: new Date(v.to ?? '').toISOString() }),
            t('settings.saved'),
          ),
        )}
      >
        <label>${t('staff.member')}<select name="staffId" required>${this.staff.map((s) => html`<option value=${s.id}>${s.name}</option>`)}</select></label>
        <label>${t('settings.column.pointId')}<select name="pointId" required>${this.points.map((p) => html`<option value=${p.id}>${p.name}</option>`)}</select></label>
        <label>${t('filters.from')}<input type="datetime-local" name="from" required /></label>
        <label>${t('filters.to')}<input type="datetime-local" name="to" required /></label>
        <button type="submit">${t('staff.addShift')}</button>
      </form>
    `;
  }
}
customElements.define('fb-staff-rota', FbStaffRota);
