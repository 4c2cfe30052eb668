import { asyncReader, type AsyncReader } from '../../platform/store/async-reader.ts';
import type { CaseRepo } from '../cases/case-repo.ts';
import type { ReviewRepo } from '../reviews/review-repo.ts';
import type { AnswerNoteRepo } from '../ingest/answer-note-repo.ts';
import type { ReportRepo } from './report-repo.ts';

/** What reports and the self-assessment read besides the indices, each as promises (the read seam a head office's store implements). */
export type CaseReader = AsyncReader<Pick<CaseRepo, 'list' | 'deadlinesDue' | 'overdue'>>;
export type ReviewReader = AsyncReader<Pick<ReviewRepo, 'list' | 'checks'>>;
export type NoteReader = AsyncReader<Pick<AnswerNoteRepo, 'countNegative' | 'negativeReasons'>>;
export type ReportRowReader = AsyncReader<Pick<ReportRepo, 'ratings' | 'list'>>;

export const caseReader = (repo: CaseRepo): CaseReader => asyncReader(repo, ['list', 'deadlinesDue', 'overdue']);
export const reviewReader = (repo: ReviewRepo): ReviewReader => asyncReader(repo, ['list', 'checks']);
export const noteReader = (repo: AnswerNoteRepo): NoteReader => asyncReader(repo, ['countNegative', 'negativeReasons']);
export const reportRowReader = (repo: ReportRepo): ReportRowReader => asyncReader(repo, ['ratings', 'list']);
