import { css } from 'lit';

/** The look of a side panel on the overview (alerts, devices): one place, shared. */
export const panelStyles = css`
  :host {
    display: block;
    background: var(--fb-surface);
    border-radius: var(--fb-radius);
    padding: var(--fb-space-4);
    box-shadow: 0 1px 4px #0001;
  }
  h2 {
    font-size: var(--fb-text-l);
    margin: 0 0 var(--fb-space-3);
  }
  .empty {
    color: var(--fb-text-muted);
  }
  .muted {
    color: var(--fb-text-muted);
    font-size: var(--fb-text-s);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--fb-space-2);
  }
  button,
  input {
    font: inherit;
  }
  button {
    background: var(--fb-accent);
    color: var(--fb-on-accent);
    border: 0;
    border-radius: 6px;
    padding: 0.35rem 0.8rem;
    min-height: 2.2rem;
    cursor: pointer;
  }
  input {
    border: 1px solid var(--fb-text-muted);
    border-radius: 6px;
    padding: 0.3rem 0.5rem;
    min-height: 2.2rem;
    color: var(--fb-text);
    background: var(--fb-surface);
  }
`;
