/** What a customer added to one answer on a terminal: follow-up reasons, a comment, a callback request. */
export interface AnswerNote {
  deviceId: string;
  boot: number;
  seq: number;
  siteId: string;
  pointId: string;
  /** the response of the noted answer: one case per response, whatever notes its answers carry */
  responseKey: string;
  /** the rated answer's scale and value, and whether that rating is negative (METRICS.md's halves) */
  scale: string;
  value: number | null;
  negative: boolean;
  /** the follow-up choices picked ("why"); a choice named "<category>:<what>" names the case category */
  reasons: string[];
  comment: string | null;
  /** a phone number or e-mail given with explicit consent to be called back; null without one or once erased */
  contact: string | null;
  /** what the comment screen found (links, repeated characters, profanity): flagged, never deleted */
  flags: string[];
  notedAt: number;
}
