// Progress in plain English, worked out from the public measures' judgements: how many are on target, improving,
// worsening — and a measure's judgement in words, so a reader never depends on a colour.
import type { ReportMeasure } from '../reporting/reports/report-model.ts';

export interface Progress {
  measures: number;
  withData: number;
  onTarget: number;
  nearTarget: number;
  offTarget: number;
  improving: number;
  worsening: number;
  concern: number;
  /** One or two sentences, e.g. "Of 4 measures, 2 are on target and 1 is off target; 1 is improving …". */
  sentence: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function progressOf(measures: ReportMeasure[]): Progress {
  const withData = measures.filter((m) => m.value !== null);
  const tally = (keep: (m: ReportMeasure) => boolean) => measures.filter(keep).length;
  const p = {
    measures: measures.length,
    withData: withData.length,
    onTarget: tally((m) => m.rag === 'green'),
    nearTarget: tally((m) => m.rag === 'amber'),
    offTarget: tally((m) => m.rag === 'red'),
    improving: tally((m) => m.direction.judgement === 'improving'),
    worsening: tally((m) => m.direction.judgement === 'worsening'),
    concern: tally((m) => m.spc?.variationTone === 'concern'),
  };
  return { ...p, sentence: sentenceOf(p) };
}

function sentenceOf(p: Omit<Progress, 'sentence'>): string {
  if (p.measures === 0) return 'No measures of progress are published for this yet.';
  if (p.withData === 0)
    return `${count(p.measures, 'measure is', 'measures are')} tracked here; none has a published figure yet.`;
  const rated = p.onTarget + p.nearTarget + p.offTarget;
  const targets =
    rated === 0
      ? 'none has a target to judge it against'
      : [
          `${p.onTarget} ${p.onTarget === 1 ? 'is' : 'are'} on target`,
          p.nearTarget ? `${p.nearTarget} ${p.nearTarget === 1 ? 'is' : 'are'} close to target` : '',
          `${p.offTarget} ${p.offTarget === 1 ? 'is' : 'are'} off target`,
        ]
          .filter(Boolean)
          .join(', ');
  const trend = `Since the period before, ${p.improving} ${p.improving === 1 ? 'has' : 'have'} improved and ${
    p.worsening
  } ${p.worsening === 1 ? 'has' : 'have'} got worse.`;
  const concern = p.concern
    ? ` ${count(p.concern, 'measure shows', 'measures show')} a change beyond normal variation that needs attention.`
    : '';
  return `Of ${count(p.measures, 'measure', 'measures')}, ${targets}. ${trend}${concern}`;
}

/** A judgement a resident can read: against target, since the period before, and the statistical reading. */
export function judgementWords(m: ReportMeasure): string[] {
  const words = [targetWords(m), directionWords(m)];
  if (m.spc) words.push(spcWords(m.spc.variationTone));
  return words.filter((w) => w !== '');
}

function targetWords(m: ReportMeasure): string {
  switch (m.rag) {
    case 'green':
      return 'On target';
    case 'amber':
      return 'Close to target (within the tolerance allowed)';
    case 'red':
      return 'Off target';
    case 'not_rated':
      return 'Not judged against a target';
    default:
      return 'No published figure yet';
  }
}

function directionWords(m: ReportMeasure): string {
  switch (m.direction.judgement) {
    case 'improving':
      return 'Improving since the period before';
    case 'worsening':
      return 'Worsening since the period before';
    case 'no_change':
      return 'No change since the period before';
    default:
      return '';
  }
}

function spcWords(tone: string): string {
  if (tone === 'concern') return 'Special-cause concern: a change beyond normal variation, for the worse';
  if (tone === 'improvement')
    return 'Special-cause improvement: a change beyond normal variation, for the better';
  return 'Within normal variation';
}
