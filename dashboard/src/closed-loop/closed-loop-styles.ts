import { css } from 'lit';
import type { PointSummary } from '@feedback/web-base/contract.ts';
import type { Filters } from '../filters.ts';

/** The look shared by the cases, reviews and reports views: tables, forms, states. */
export const closedLoopStyles = css`
  section + section {
    margin-top: var(--fb-space-4);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    padding: var(--fb-space-2);
    border-bottom: 1px solid var(--fb-border);
    vertical-align: top;
  }
  tr.overdue td:first-child {
    border-left: 4px solid var(--fb-negative);
  }
  .late,
  .negative {
    color: var(--fb-negative);
  }
  .positive {
    color: var(--fb-positive);
  }
  form.stack {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fb-space-3);
    align-items: end;
    margin: var(--fb-space-3) 0;
  }
  form.stack .wide {
    flex-basis: 100%;
  }
  textarea,
  input,
  select {
    font: inherit;
    color: var(--fb-text);
    background: var(--fb-surface);
    border: 1px solid var(--fb-text-muted);
    border-radius: 6px;
    padding: 0.35rem 0.5rem;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
  button {
    font: inherit;
    background: var(--fb-accent);
    color: var(--fb-on-accent);
    border: 0;
    border-radius: 6px;
    padding: 0.4rem 0.9rem;
    min-height: 2.4rem;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--fb-accent);
    border: 1px solid var(--fb-accent);
  }
  details {
    margin: var(--fb-space-3) 0;
  }
  summary {
    cursor: pointer;
    color: var(--fb-accent);
    font-weight: 600;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--fb-space-1) var(--fb-space-3);
  }
  dt {
    color: var(--fb-text-muted);
  }
  dd {
    margin: 0;
  }
  ol.history {
    padding-left: 1.2rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fb-space-2);
    margin: var(--fb-space-3) 0;
  }
  .card {
    border: 1px solid var(--fb-border);
    border-radius: var(--fb-radius);
    padding: var(--fb-space-3);
  }
  ul.cards {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--fb-space-3);
  }
`;

/** The site a closed-loop view works on: the filter's, else the point's, else the first one known. */
/**
 * The one site a filter names (the chosen site, the chosen point's, or the reader's only site), or '' for all the reader's sites:
 * lists then cover every site, and what needs one site (an import, a report, a check) asks for it.
 */
export function chosenSite(filters: Filters, points: PointSummary[]): string {
  const only = new Set(points.map((p) => p.siteId)).size === 1 ? points[0]!.siteId : '';
  return filters.siteId || points.find((p) => p.pointId === filters.pointId)?.siteId || only;
}

/** A site's name as the points list tells it (its id when unknown). */
export const siteNameOf = (points: PointSummary[], siteId: string): string => points.find((p) => p.siteId === siteId)?.siteName ?? siteId;

export function siteOf(filters: Filters, points: PointSummary[], pointId = ''): string {
  return filters.siteId || points.find((p) => p.pointId === (pointId || filters.pointId))?.siteId || points[0]?.siteId || '';
}
