// The report as one self-contained HTML file (the CLI's --format html): the web page's own content template, with
// the GOV.UK Frontend and app styles inlined so it reads and prints the same anywhere, with no server.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { registerFilters } from '../../../web/filters.ts';
import { govukDist, srcDir } from '../../../web/render.ts';
import { measuresOf, type ReportModel } from '../report-model.ts';
import type { RevisedSincePublication } from '../reports.service.ts';

let environment: nunjucks.Environment | undefined;

function templates(): nunjucks.Environment {
  if (!environment) {
    environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([srcDir, govukDist]), {
      autoescape: true,
    });
    registerFilters(environment);
  }
  return environment;
}

async function styles(): Promise<string> {
  const [govuk, app] = await Promise.all([
    readFile(path.join(govukDist, 'govuk', 'govuk-frontend.min.css'), 'utf8'),
    readFile(path.join(srcDir, 'web', 'static', 'app.css'), 'utf8'),
  ]);
  // Fonts and images referred to by URL cannot travel inside one file; the system font stands in.
  return `${govuk.replace(/@font-face\{[^}]*\}/g, '')}\n${app}`;
}

export async function reportHtml(
  model: ReportModel,
  revised: ReadonlyMap<string, RevisedSincePublication> = new Map(),
): Promise<string> {
  return templates().render('reporting/reports/views/report-file.njk', {
    model,
    revised: Object.fromEntries(revised),
    allMeasures: measuresOf(model),
    css: await styles(),
  });
}
