import { css } from 'lit';

/** The look of the small forms before the app (sign-in, choosing a password). */
export const authFormStyles = css`
  form {
    max-width: 320px;
    margin: 15vh auto;
    color: var(--fb-text);
    background: var(--fb-surface);
    padding: var(--fb-space-5);
    border-radius: var(--fb-radius);
    box-shadow: 0 2px 12px #0001;
    display: grid;
    gap: var(--fb-space-3);
  }
  h1 {
    margin: 0 0 var(--fb-space-2);
    font-size: var(--fb-text-l);
  }
  p {
    margin: 0;
    color: var(--fb-text-muted);
    font-size: var(--fb-text-s);
  }
  label {
    display: grid;
    gap: var(--fb-space-1);
    font-size: var(--fb-text-s);
    color: var(--fb-text-muted);
  }
  input,
  button {
    font: inherit;
    padding: 0.6rem;
    border-radius: 8px;
    border: 1px solid var(--fb-border);
    color: var(--fb-text);
  }
  button {
    background: var(--fb-accent);
    color: var(--fb-on-accent);
    border: none;
    cursor: pointer;
  }
  .error {
    color: var(--fb-negative);
    min-height: 1.2em;
  }
`;
