// The words a report is written in, worked out from its figures with templates (never a language model): why a
// measure is an exception, and the summary paragraph ("Of 42 measures, 30 are on target; …"). Pure.
import type { ReportCounts, ReportMeasure } from './report-model.ts';

/** What a report needs to know of a judged measure to tell whether, and why, it is an exception. */
export interface ExceptionFacts {
  rag: ReportMeasure['rag'];
  direction: ReportMeasure['direction']['judgement'];
  spcVariation: string | null;
  spcAssurance: string | null;
  revisedSinceLastReport: boolean;
}

/** In the order the issue lists them: red, worsening, special-cause concern, consistently failing, revised. */
export function exceptionReasons(facts: ExceptionFacts): string[] {
  const reasons: string[] = [];
  if (facts.rag === 'red') reasons.push('Off target');
  if (facts.direction === 'worsening') reasons.push('Worsening');
  if (facts.spcVariation?.startsWith('concern_')) reasons.push('Special cause concern');
  if (facts.spcAssurance === 'fail') reasons.push('Consistently failing the target');
  if (facts.revisedSinceLastReport) reasons.push('Revised since the last report');
  return reasons;
}

/** Counts of the measures reported, exceptions included once. */
export function countsOf(measures: readonly ReportMeasure[]): ReportCounts {
  const count = (pick: (m: ReportMeasure) => boolean) => measures.filter(pick).length;
  return {
    measures: measures.length,
    green: count((m) => m.rag === 'green'),
    amber: count((m) => m.rag === 'amber'),
    red: count((m) => m.rag === 'red'),
    notRated: count((m) => m.rag === 'not_rated'),
    noData: count((m) => m.rag === 'no_data'),
    exceptions: count((m) => m.exceptionReasons.length > 0),
    spcConcern: count((m) => m.spc?.variation.startsWith('concern_') ?? false),
    spcImprovement: count((m) => m.spc?.variation.startsWith('improvement_') ?? false),
    failing: count((m) => m.spc?.assurance === 'fail'),
    revised: count((m) => m.revisedSinceLastReport != null),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "HOU-05, HOU-07 and 3 more": names a few, counts the rest, so the paragraph stays readable at 200 measures. */
export function codeList(codes: readonly string[], show = 5): string {
  if (codes.length <= show) {
    if (codes.length <= 1) return codes.join('');
    return `${codes.slice(0, -1).join(', ')} and ${codes.at(-1)}`;
  }
  return `${codes.slice(0, show).join(', ')} and ${codes.length - show} more`;
}

/** The summary paragraph: how many are on target, near and off it, and which measures need attention and why. */
export function summaryParagraph(measures: readonly ReportMeasure[]): string {
  if (measures.length === 0) return 'This report has no measures.';
  const c = countsOf(measures);
  const codes = (pick: (m: ReportMeasure) => boolean) => measures.filter(pick).map((m) => m.code);
  const rated = [
    c.green > 0 ? `${c.green} ${c.green === 1 ? 'is' : 'are'} on target` : '',
    c.amber > 0 ? `${c.amber} ${c.amber === 1 ? 'is' : 'are'} within tolerance` : '',
    c.red > 0 ? `${c.red} ${c.red === 1 ? 'is' : 'are'} off target` : '',
    c.notRated > 0 ? `${c.notRated} ${c.notRated === 1 ? 'has' : 'have'} no target` : '',
    c.noData > 0 ? `${c.noData} ${c.noData === 1 ? 'has' : 'have'} no published figure` : '',
  ].filter((s) => s !== '');
  const sentences = [`Of ${plural(c.measures, 'measure', 'measures')}, ${joinWords(rated)}.`];
  const worsening = codes((m) => m.direction.judgement === 'worsening');
  if (worsening.length > 0)
    sentences.push(
      `${worsening.length} ${worsening.length === 1 ? 'is' : 'are'} worsening against the previous period: ${codeList(worsening)}.`,
    );
  const concern = codes((m) => m.spc?.variation.startsWith('concern_') ?? false);
  if (concern.length > 0)
    sentences.push(
      `${concern.length} ${concern.length === 1 ? 'shows' : 'show'} special-cause concern: ${codeList(concern)}.`,
    );
  const improvement = codes((m) => m.spc?.variation.startsWith('improvement_') ?? false);
  if (improvement.length > 0)
    sentences.push(
      `${improvement.length} ${improvement.length === 1 ? 'shows' : 'show'} special-cause improvement: ${codeList(improvement)}.`,
    );
  const failing = codes((m) => m.spc?.assurance === 'fail');
  if (failing.length > 0)
    sentences.push(
      `${failing.length} ${failing.length === 1 ? 'is' : 'are'} consistently failing the target: ${codeList(failing)}.`,
    );
  const revised = codes((m) => m.revisedSinceLastReport != null);
  if (revised.length > 0)
    sentences.push(
      `${plural(revised.length, 'figure has', 'figures have')} been revised since the last report: ${codeList(revised)}.`,
    );
  if (c.exceptions === 0) sentences.push('No measure is an exception this period.');
  return sentences.join(' ');
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
