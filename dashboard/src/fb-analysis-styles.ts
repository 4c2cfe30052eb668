import { css } from 'lit';

/** Shared look of the analysis views (trends, breakdowns). */
export const analysisStyles = css`
  :host {
    display: block;
    padding: var(--fb-space-4);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fb-space-3);
    margin-bottom: var(--fb-space-3);
  }
  label {
    display: grid;
    gap: var(--fb-space-1);
    font-size: var(--fb-text-s);
    color: var(--fb-text-muted);
  }
  select {
    font: inherit;
    font-size: var(--fb-text-m);
    color: var(--fb-text);
    background: var(--fb-surface);
    border: 1px solid var(--fb-text-muted);
    border-radius: 6px;
    padding: 0.35rem 0.5rem;
    min-height: 2.2rem;
  }
  section {
    background: var(--fb-surface);
    border-radius: var(--fb-radius);
    padding: var(--fb-space-4);
    box-shadow: 0 1px 4px #0001;
  }
  section + section {
    margin-top: var(--fb-space-4);
  }
  h2 {
    font-size: var(--fb-text-l);
    margin: 0 0 var(--fb-space-3);
  }
  .error {
    color: var(--fb-negative);
  }
  .muted {
    color: var(--fb-text-muted);
  }
`;
