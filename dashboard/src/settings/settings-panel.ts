import { LitElement, html, type PropertyDeclarations } from 'lit';
import { LanguageController } from '@feedback/web-base/i18n.ts';
import { tokens } from '@feedback/web-base/tokens.ts';
import { analysisStyles } from '../fb-analysis-styles.ts';
import { closedLoopStyles } from '../closed-loop/closed-loop-styles.ts';
import { settingsStyles } from './settings-styles.ts';
import { formValues } from './form-values.ts';

/**
 * What every settings panel shares: it loads what it shows when it is placed, and each change runs
 * the same way: the gateway's reason on screen when refused, else what was done, then a reload.
 */
export abstract class SettingsPanel extends LitElement {
  static override properties: PropertyDeclarations = { error: { state: true }, notice: { state: true } };
  declare error: string;
  declare notice: string;

  static override styles = [tokens, analysisStyles, closedLoopStyles, settingsStyles];

  constructor() {
    super();
    new LanguageController(this);
    this.error = '';
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** Reads what the panel shows from the gateway. */
  protected abstract load(): Promise<void>;

  /** Loads, and says on screen why not when it cannot. */
  protected async reload(): Promise<void> {
    try {
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /**
   * Runs a change: true when it was done (`done` says what, from its result, and the panel
   * reloads unless told not to), false when refused (the reason is on screen).
   */
  protected async run<T>(work: () => Promise<T>, done: string | ((result: T) => string) = '', reload = true): Promise<boolean> {
    try {
      const result = await work();
      this.error = '';
      this.notice = typeof done === 'string' ? done : done(result);
      if (reload) await this.reload();
      return true;
    } catch (error) {
      this.error = (error as Error).message;
      this.notice = '';
      return false;
    }
  }

  /** Sends a form's values as a change; the form is cleared once the gateway took them. */
  protected async submit(
    form: HTMLFormElement,
    work: (values: Record<string, string>) => Promise<unknown>,
    done: string | ((values: Record<string, string>) => string),
  ): Promise<void> {
    const values = formValues(form);
    if (await this.run(() => work(values), typeof done === 'string' ? done : done(values))) form.reset();
  }

  /** The refusal or what was done, where the panel shows it. */
  protected messages() {
    return html`${this.error ? html`<p role="alert" class="negative">${this.error}</p>` : ''}
    ${this.notice ? html`<p role="status" data-notice>${this.notice}</p>` : ''}`;
  }
}
