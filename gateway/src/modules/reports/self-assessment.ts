/**
 * The customer-centricity self-assessment: five sections of items, each answered yes (1), partly
 * (0.5) or no (0). Where the gateway has the figure, it answers the item itself and shows the
 * evidence; a person answers the rest and may overrule an automatic answer.
 */
import { LOSS_KINDS, type CollectionRate } from './collection-repo.ts';
import { share, type KpiTargets } from './case-kpis.ts';
export const SECTIONS = ['methodology', 'metrics', 'customers', 'staff', 'loyalty'] as const;
export type Section = (typeof SECTIONS)[number];
export type Answer = 'yes' | 'partly' | 'no';

export interface ChecklistItem {
  id: string;
  section: Section;
  text: string;
}

export const CHECKLIST: ChecklistItem[] = [
  { id: 'methodology.owner', section: 'methodology', text: 'Customer experience has an owner and a written programme' },
  { id: 'methodology.every-point', section: 'methodology', text: 'Feedback is collected at every point of contact' },
  { id: 'methodology.cases', section: 'methodology', text: 'Negative feedback becomes a case with an owner and a deadline' },
  { id: 'methodology.weekly-review', section: 'methodology', text: 'Results are reviewed every week' },
  { id: 'metrics.nps', section: 'metrics', text: 'NPS is measured continuously' },
  { id: 'metrics.nps-trend', section: 'metrics', text: 'NPS is stable or improving' },
  { id: 'metrics.collection', section: 'metrics', text: 'Feedback collection rate is at least 95%' },
  { id: 'metrics.complaints', section: 'metrics', text: 'Complaints are counted and are not rising' },
  { id: 'metrics.repeats', section: 'metrics', text: 'Repeat complaints are under 10% of complaints' },
  { id: 'customers.first-response', section: 'customers', text: 'Nine in ten complaints get a first response within 2 hours' },
  { id: 'customers.completion', section: 'customers', text: 'At least 90% of cases are completed on time' },
  { id: 'customers.reviews', section: 'customers', text: 'Online reviews are answered within 24 hours' },
  { id: 'customers.told', section: 'customers', text: 'Customers are told what changed because of their feedback' },
  { id: 'staff.pulse', section: 'staff', text: 'Staff pulse surveys run' },
  { id: 'staff.see-results', section: 'staff', text: 'Front-line staff see their results live (staff screen)' },
  { id: 'staff.training', section: 'staff', text: 'Staff are trained to handle complaints' },
  { id: 'staff.empowered', section: 'staff', text: 'Front-line staff may solve small problems on the spot' },
  { id: 'loyalty.callback', section: 'loyalty', text: 'Customers who ask for a callback are called back' },
  { id: 'loyalty.promoters', section: 'loyalty', text: 'Promoters are thanked and invited to recommend' },
  { id: 'loyalty.programme', section: 'loyalty', text: 'A loyalty programme rewards returning customers' },
  { id: 'loyalty.win-back', section: 'loyalty', text: 'Lost customers are contacted to win them back' },
];

/** What the gateway knows for the automatic answers (over the last 30 days and the 30 before, unless said). */
export interface AssessmentFigures {
  nps: { value: number | null; n: number };
  npsBefore: { value: number | null; n: number };
  collection: CollectionRate;
  /** percentages 0–100, as every share here */
  targets: KpiTargets;
  points: number;
  pointsWithAnswers: number;
  complaints: number;
  complaintsBefore: number;
  /** the shares below are percentages 0–100 (null with nothing to count): of complaints opened, of cases due, of reviews due */
  repeatShare: number | null;
  firstResponseShare: number | null;
  completionShare: number | null;
  reviewsInTimeShare: number | null;
  weeklyReports: number;
  casesOpened: number;
  callbacks: number;
  callbacksClosed: number;
  screenTokens: number;
  staffPulseAnswers: number;
}

export interface AutoAnswer {
  answer: Answer;
  evidence: string;
}

/** A percentage 0–100 as the evidence shows it, to one decimal. */
const pct = (percent: number | null) => (percent === null ? 'no data' : `${Math.round(percent * 10) / 10}%`);
/** yes at or above `yes`, partly at or above `partly` (percentages 0–100), else no; no figure is no. */
const atLeast = (percent: number | null, yes: number, partly: number): Answer =>
  percent === null ? 'no' : percent >= yes ? 'yes' : percent >= partly ? 'partly' : 'no';

/**
 * Collection: stored / (stored + known lost). "yes" needs the target met with every kind of loss
 * recorded; while some kind is not recorded the figure cannot see those losses: at most "partly".
 */
function collectionAnswer(c: CollectionRate): AutoAnswer {
  const missing = LOSS_KINDS.filter((k) => !c.lossesRecorded.includes(k));
  const measured = atLeast(c.rate, c.target, 50);
  return {
    answer: missing.length > 0 && measured === 'yes' ? 'partly' : measured,
    evidence:
      `collection rate ${pct(c.rate)} (${c.stored} responses stored, ${c.lost} known lost; target ${pct(c.target)})` +
      (missing.length ? `; losses not recorded yet: ${missing.join(', ')}` : ''),
  };
}

/** The items the gateway can answer from its own figures, with the evidence. */
export function automaticAnswers(f: AssessmentFigures): Record<string, AutoAnswer> {
  const npsChange = f.nps.value !== null && f.npsBefore.value !== null ? f.nps.value - f.npsBefore.value : null;
  return {
    'methodology.every-point': {
      answer: atLeast(share(f.pointsWithAnswers, f.points), 100, 50),
      evidence: `${f.pointsWithAnswers} of ${f.points} points had answers in the last 30 days`,
    },
    'methodology.cases': { answer: f.casesOpened > 0 ? 'yes' : 'no', evidence: `${f.casesOpened} cases opened in the last 30 days` },
    'methodology.weekly-review': {
      answer: f.weeklyReports >= 4 ? 'yes' : f.weeklyReports > 0 ? 'partly' : 'no',
      evidence: `${f.weeklyReports} weekly reports made in the last 30 days`,
    },
    'metrics.nps': {
      answer: f.nps.n >= 30 ? 'yes' : f.nps.n > 0 ? 'partly' : 'no',
      evidence: `NPS ${f.nps.value ?? '—'} from ${f.nps.n} answers in the last 30 days`,
    },
    'metrics.nps-trend': {
      answer: npsChange === null ? 'no' : npsChange >= 0 ? 'yes' : npsChange >= -5 ? 'partly' : 'no',
      evidence:
        npsChange === null
          ? 'NPS not measured in both periods'
          : `NPS ${f.npsBefore.value} → ${f.nps.value} (${npsChange >= 0 ? '+' : ''}${Math.round(npsChange * 10) / 10}) against the 30 days before`,
    },
    'metrics.collection': collectionAnswer(f.collection),
    'metrics.complaints': {
      answer: f.complaints <= f.complaintsBefore ? 'yes' : 'no',
      evidence: `${f.complaints} complaints (cases) in the last 30 days, ${f.complaintsBefore} in the 30 before`,
    },
    'metrics.repeats': {
      answer: f.repeatShare === null ? 'yes' : f.repeatShare < 10 ? 'yes' : f.repeatShare < 20 ? 'partly' : 'no',
      evidence: `repeat complaints ${pct(f.repeatShare)}`,
    },
    'customers.first-response': {
      answer: atLeast(f.firstResponseShare, f.targets.firstResponse, 60),
      evidence: `first response within 2 working hours: ${pct(f.firstResponseShare)} (target ${pct(f.targets.firstResponse)})`,
    },
    'customers.completion': {
      answer: atLeast(f.completionShare, f.targets.completion, 60),
      evidence: `cases resolved by their deadline, not reopened, confirmed by the customer (or unreachable): ${pct(f.completionShare)} (target ${pct(f.targets.completion)})`,
    },
    'customers.reviews': {
      answer: atLeast(f.reviewsInTimeShare, 95, 60),
      evidence: `reviews answered within 24 h: ${pct(f.reviewsInTimeShare)}`,
    },
    'staff.pulse': {
      answer: f.staffPulseAnswers > 0 ? 'yes' : 'no',
      evidence: `${f.staffPulseAnswers} staff pulse answers in the last 30 days`,
    },
    'staff.see-results': { answer: f.screenTokens > 0 ? 'yes' : 'no', evidence: `${f.screenTokens} staff screens paired` },
    'loyalty.callback': {
      answer: f.callbacks === 0 ? 'partly' : atLeast(share(f.callbacksClosed, f.callbacks), 90, 50),
      evidence:
        f.callbacks === 0 ? 'no callback requests in the last 30 days' : `${f.callbacksClosed} of ${f.callbacks} callback cases closed`,
    },
  };
}

const POINTS: Record<Answer, number> = { yes: 1, partly: 0.5, no: 0 };

/** Scores per section and in total (0–100), from the answers given (unanswered items count as no). */
export function score(answers: Record<string, Answer>): { total: number; sections: Record<Section, number> } {
  const sections = {} as Record<Section, number>;
  for (const section of SECTIONS) {
    const items = CHECKLIST.filter((i) => i.section === section);
    sections[section] = Math.round((items.reduce((sum, i) => sum + POINTS[answers[i.id] ?? 'no'], 0) / items.length) * 1000) / 10;
  }
  const total = Math.round((CHECKLIST.reduce((sum, i) => sum + POINTS[answers[i.id] ?? 'no'], 0) / CHECKLIST.length) * 1000) / 10;
  return { total, sections };
}
