/** An online review from another platform (a maps service, a marketplace, a social network). */
export const REVIEW_STATUSES = ['new', 'in_work', 'answered', 'passed_to_quality'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export type Sentiment = 'positive' | 'neutral' | 'negative';

export interface Review {
  id: number;
  siteId: string;
  platform: string;
  externalId: string | null;
  link: string | null;
  publishedAt: number;
  importedAt: number;
  author: string | null;
  /** on a 1–5 scale (ratings on other scales are converted at import) */
  rating: number | null;
  text: string | null;
  sentiment: Sentiment;
  /** whether the sentiment came from the rating or, without one, from the text */
  sentimentFrom: 'rating' | 'text';
  status: ReviewStatus;
  reply: string | null;
  /** 24 h after it was published (METRICS.md) */
  replyDueAt: number;
  answeredAt: number | null;
  answeredBy: string | null;
  /** the case opened when it was passed to quality */
  caseId: number | null;
}

/** A review as it arrives, before it is stored. */
export type IncomingReview = Pick<Review, 'platform' | 'externalId' | 'link' | 'publishedAt' | 'author' | 'rating' | 'text'>;
