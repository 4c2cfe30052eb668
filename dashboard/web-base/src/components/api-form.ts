import { LitElement } from 'lit';
import { ApiError } from '../api-client.ts';
import { LanguageController, t } from '../i18n.ts';
import { tokens } from '../tokens.ts';
import { authFormStyles } from './auth-form-styles.ts';

/**
 * The small forms before the app (sign-in, choosing a password, pairing a device): one request,
 * the button disabled while it runs, and the gateway's refusal shown in the user's language.
 */
export abstract class ApiForm extends LitElement {
  static override properties = { error: { state: true }, busy: { state: true } };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    new LanguageController(this);
    this.error = '';
    this.busy = false;
  }

  static override styles = [tokens, authFormStyles];

  /** Runs the form's request; a refusal becomes the form's message (`messageFor` may word one itself). */
  protected async attempt(
    request: () => Promise<void>,
    messageFor: (error: ApiError) => string | undefined = () => undefined,
  ): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await request();
    } catch (error) {
      this.error = error instanceof ApiError ? (messageFor(error) ?? error.message) : t('errors.server');
    } finally {
      this.busy = false;
    }
  }
}
