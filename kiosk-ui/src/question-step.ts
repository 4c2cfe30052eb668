import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { t } from '@feedback/web-base/i18n.ts';
import './fb-scale-question.ts';

/** One question of a run as the kiosk, the phone survey and the staff pulse show it. */
export interface QuestionStep {
  /** what tells this question from the last one (a new key is a new element) */
  key: string | number;
  /** "Question 2 of 3", or what the step says instead */
  progress: string;
  label: string;
  scale: string;
  /** the staff pulse's step, for its screen's tests and styles */
  pulseStep?: number;
}

/**
 * The question, its scale and a skip button; `answer` gets the value chosen, or null for a skip.
 * Keyed: each question is a new element, so nothing of the last answer (pressed, focus, hover) shows on it.
 */
export function questionStep(q: QuestionStep, answer: (value: number | null) => void): TemplateResult {
  return html`<div class="question" data-pulse-step=${ifDefined(q.pulseStep)}>
    <p class="progress">${q.progress}</p>
    ${keyed(
      q.key,
      html`<fb-scale-question
        .label=${q.label}
        .scale=${q.scale}
        data-question=${q.key}
        @answer=${(e: CustomEvent<number>) => answer(e.detail)}
      ></fb-scale-question>`,
    )}
    <button type="button" class="skip" @click=${() => answer(null)}>${t('kiosk.skip')}</button>
  </div>`;
}
