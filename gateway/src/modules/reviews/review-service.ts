import type { ReviewsConfig } from '../../platform/config/closed-loop-schema.ts';
import { SiteCalendar } from '../../core/calendar.ts';
import type { Review, ReviewStatus } from './review.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ParsedReviews, ImportProblem } from './review-import.ts';
import type { ReviewRepo } from './review-repo.ts';
import { Refused } from '../../core/refused.ts';
import { sentimentOf } from './sentiment.ts';
import { replyDraft, type DraftLanguage } from './reply-drafts.ts';

export interface ImportOutcome {
  imported: number;
  duplicates: number;
  problems: ImportProblem[];
}

/** Imports reviews into the journal, drafts replies, answers them, and passes them to quality. */
export class ReviewService {
  private readonly now: () => number;

  constructor(
    private readonly deps: {
      repo: ReviewRepo;
      cases: CaseService;
      config: ReviewsConfig;
      siteName: (siteId: string) => string;
      timeZoneOf: (siteId: string) => string;
      now?: () => number;
    },
  ) {
    this.now = deps.now ?? Date.now;
  }

  get repo(): ReviewRepo {
    return this.deps.repo;
  }

  store(siteId: string, parsed: ParsedReviews): ImportOutcome {
    const importedAt = this.now();
    let imported = 0;
    for (const review of parsed.reviews) {
      const { at: _at, ...incoming } = review;
      const id = this.deps.repo.insert(
        siteId,
        incoming,
        sentimentOf(incoming),
        importedAt,
        incoming.publishedAt + this.deps.config.replyWithinHours * 3_600_000,
      );
      if (id !== undefined) imported++;
    }
    return { imported, duplicates: parsed.reviews.length - imported, problems: parsed.problems };
  }

  private existing(id: number): Review {
    const review = this.deps.repo.get(id);
    if (!review) throw new Refused('not-found', `No review ${id}`);
    return review;
  }

  draft(id: number, language: DraftLanguage): string {
    const review = this.existing(id);
    return replyDraft(review, { siteName: this.deps.siteName(review.siteId) }, language);
  }

  reply(id: number, text: string, by: string): Review {
    this.existing(id);
    this.deps.repo.answer(id, text, by, this.now());
    return this.existing(id);
  }

  /** In work, or passed to quality, which opens a case (once) for the review. */
  setStatus(id: number, status: Exclude<ReviewStatus, 'new' | 'answered'>, by: string): Review {
    const review = this.existing(id);
    if (review.status === 'passed_to_quality')
      throw new Refused('conflict', `Review ${id} was already passed to quality (case ${review.caseId})`);
    if (status === 'in_work') {
      this.deps.repo.setStatus(id, 'in_work');
      return this.existing(id);
    }
    const opened =
      this.deps.cases.open(
        {
          siteId: review.siteId,
          pointId: null,
          origin: 'review',
          sourceKey: `review:${id}`,
          category: 'service',
          severity: review.sentiment === 'negative' ? 2 : 3,
          summary:
            `${review.platform} review${review.author ? ` by ${review.author}` : ''}${review.rating !== null ? `, ${review.rating}/5` : ''}: ${review.text ?? '(no text)'}`.slice(
              0,
              4000,
            ),
        },
        by,
      ) ?? this.deps.cases.repo.bySource(`review:${id}`);
    this.deps.repo.linkCase(id, opened!.id);
    return this.existing(id);
  }

  /** The responsible person's daily mark that today's reviews were checked (the site's local day). */
  markChecked(siteId: string, by: string): void {
    const at = this.now();
    this.deps.repo.markChecked(siteId, new SiteCalendar(this.deps.timeZoneOf(siteId)).dayKey(at), by, at);
  }
}
