import { css } from 'lit';

/** The settings screens: YAML read as code, and the transfer panel inside the settings' own frame. */
export const settingsStyles = css`
  textarea[data-editor],
  textarea[data-import],
  pre {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: var(--fb-text-s);
  }
  td .actions {
    margin: 0;
  }
  :host(fb-settings-transfer),
  :host(fb-users),
  :host(fb-tokens),
  :host(fb-staff-rota) {
    padding: 0;
  }
  form.inline {
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--fb-border);
    border-radius: 6px;
    display: flex;
    flex-wrap: wrap;
    gap: var(--fb-space-2) var(--fb-space-4);
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: var(--fb-space-1);
    color: var(--fb-text);
  }
  code {
    word-break: break-all;
  }
`;
