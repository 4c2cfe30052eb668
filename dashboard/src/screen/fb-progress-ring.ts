import { LitElement, css, html, svg } from 'lit';

/** A ring that fills with a value against a goal (full at the goal or above). */
export class FbProgressRing extends LitElement {
  static override properties = { value: { type: Number }, goal: { type: Number }, label: {} };
  declare value: number | null;
  declare goal: number;
  declare label: string;

  constructor() {
    super();
    this.value = null;
    this.goal = 80;
    this.label = '';
  }

  static override styles = css`
    :host {
      display: block;
    }
    svg {
      width: 100%;
      height: 100%;
      transform: rotate(-90deg);
    }
    circle {
      fill: none;
      stroke-width: 14;
    }
    .track {
      stroke: #2c3644;
    }
    .fill {
      stroke: #3ccf7a;
      stroke-linecap: round;
      transition: stroke-dashoffset 600ms ease;
    }
    @media (prefers-reduced-motion: reduce) {
      .fill {
        transition: none;
      }
    }
  `;

  override render() {
    const r = 90;
    const circumference = 2 * Math.PI * r;
    const share = this.value === null || this.goal <= 0 ? 0 : Math.min(1, Math.max(0, this.value / this.goal));
    return html`<svg viewBox="0 0 200 200" role="img" aria-label=${this.label}>
      ${svg`<circle class="track" cx="100" cy="100" r=${r}></circle>
      <circle class="fill" cx="100" cy="100" r=${r} stroke-dasharray=${circumference} stroke-dashoffset=${circumference * (1 - share)}></circle>`}
    </svg>`;
  }
}
customElements.define('fb-progress-ring', FbProgressRing);
