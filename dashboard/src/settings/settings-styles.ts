import { css } from 'lit';

/** The settings screens: YAML read as code, and the transfer panel inside the settings' own frame. */
export const settingsStyles = css`
  textarea[data-editor], textarea[data-import], pre { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: var(--fb-text-s); }
  td .actions { margin: 0; }
  :host(fb-settings-transfer) { padding: 0; }
`;
