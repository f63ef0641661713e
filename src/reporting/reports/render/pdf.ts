// The report as a PDF, written in Node by pdfmake with no browser: the same blocks in the same order as the Word
// paper, the same chart pictures, and a bookmark for every section and measure. Charts are the Word paper's PNGs,
// drawn in parallel threads: drawn as vectors (svg-to-pdfkit) they took ~7 s of one thread for 200 charts.
import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import type { ReportModel } from '../report-model.ts';
import { type PaperBlock, type PaperCell } from './paper-blocks.ts';
import { PAPER_FONT, PAPER_FONT_FILES } from './paper-fonts.ts';
import { chartPngs, PDF_PRINT_WIDTH, pictureSize, type ChartPng } from './chart-png.ts';
import { PdfPictures } from './pdf-pictures.ts';
import { paperCharts, paperOf } from './paper.ts';
import { drawnSymbol, SYMBOL_SIZE } from './pdf-symbols.ts';

// The paper reads only its own font files; it never fetches anything (charts arrive as data).
const fontFiles = new Set(Object.values(PAPER_FONT_FILES));
pdfmake.setFonts({ [PAPER_FONT]: PAPER_FONT_FILES });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => fontFiles.has(file));

// A4 with 2 cm margins, in points.
const MARGIN = 57;
const COLUMN = 595.28 - 2 * MARGIN;
/** A little narrower than the column, so a measure's facts, commentary and chart usually share one page. */
const CHART_WIDTH = COLUMN * 0.8;

const TABLE_LAYOUT: CustomTableLayout = {
  fillColor: (row: number) => (row === 0 ? '#e8e8e8' : null),
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#b1b4b6',
  vLineColor: () => '#b1b4b6',
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/**
 * `pngs`: the charts (`chartPngs(paperCharts(model), PDF_PRINT_WIDTH)`), perhaps still being drawn: the paper is laid
 * out meanwhile and finished when they arrive. Drawn here when not given.
 */
export async function reportPdf(
  model: ReportModel,
  pngs?: Map<string, ChartPng> | Promise<Map<string, ChartPng>>,
): Promise<Buffer> {
  const arriving = Promise.resolve(pngs ?? chartPngs(paperCharts(model), PDF_PRINT_WIDTH));
  const pictures = new PdfPictures(arriving, (svg) => pictureSize(svg, PDF_PRINT_WIDTH));
  try {
    const [file] = await Promise.all([
      pdfmake.createPdf(paper(model, pictures)).getBuffer(),
      pictures.allArrived(),
    ]);
    return file;
  } finally {
    pictures.done();
  }
}

function paper(model: ReportModel, pictures: PdfPictures): TDocumentDefinitions {
  return {
    info: {
      title: model.set.title,
      author: model.council,
      subject: `${model.set.audienceLabel}: ${model.period.label}`,
      creator: 'Civic Scorecard',
    },
    language: 'en-GB',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    defaultStyle: { font: PAPER_FONT, fontSize: 10.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 26, bold: true, margin: [0, 8, 0, 16] },
      h1: { fontSize: 18, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      header: { bold: true },
      chartText: { fontSize: 8, color: '#505a5f', margin: [0, 2, 0, 10] },
    },
    footer: (page: number, pages: number) => ({
      text: `${model.set.title}, ${model.period.label}. Page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [MARGIN, 20, MARGIN, 0],
    }),
    content: laidOut(paperOf(model), pictures),
    images: pictures.images,
  };
}

/** Each heading is kept on a page with the short block after it, so no heading is left alone at a page's foot. */
function laidOut(blocks: PaperBlock[], pictures: PdfPictures): Content[] {
  const content: Content[] = [];
  let section = '';
  let sections = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) continue;
    if (block.kind !== 'heading' && block.kind !== 'title') {
      content.push(drawn(block, pictures));
      continue;
    }
    const level = block.kind === 'title' ? 0 : block.level;
    const node: Content = { text: block.text, style: level === 0 ? 'title' : `h${level}` };
    const newPage = block.kind === 'heading' && block.newPage ? { pageBreak: 'before' as const } : {};
    if (level <= 1) {
      section = `section-${++sections}`;
      Object.assign(node, { outline: true, id: section });
    } else if (level === 2) {
      Object.assign(node, { outline: true, outlineParentId: section });
    }
    const next = blocks[i + 1];
    if (next && (next.kind === 'paragraph' || next.kind === 'bullets')) {
      content.push({ stack: [node, drawn(next, pictures)], unbreakable: true, ...newPage });
      i++;
    } else {
      content.push({ ...node, ...newPage });
    }
  }
  return content;
}

function drawn(block: PaperBlock, pictures: PdfPictures): Content {
  switch (block.kind) {
    case 'title':
    case 'heading':
      return { text: block.text };
    case 'paragraph':
      return {
        text: block.label ? [{ text: `${block.label}: `, bold: true }, block.text] : block.text,
        margin: [0, 0, 0, 6],
      };
    case 'bullets':
      return { ul: block.items, margin: [0, 0, 0, 8] };
    case 'table':
      return table(block);
    case 'chart':
      // An untagged PDF cannot carry alternative text, so the chart's description is printed beneath it.
      return {
        stack: [
          { image: pictures.nameOf(block.svg, block.name), width: CHART_WIDTH },
          { text: block.alt, style: 'chartText' },
        ],
        unbreakable: true,
        margin: [0, 6, 0, 0],
      };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

function table(block: Extract<PaperBlock, { kind: 'table' }>): Content {
  const total = block.widths.reduce((sum, w) => sum + w, 0);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: block.widths.map((w) => (w / total) * COLUMN - 9),
      body: [
        block.header.map((h): TableCell => ({ text: h, style: 'header' })),
        ...block.rows.map((row) => row.map(cell)),
      ],
    },
    layout: TABLE_LAYOUT,
    fontSize: block.widths.length > 5 ? 8.5 : 10,
    margin: [0, 4, 0, 12],
  };
}

/** A symbol the font lacks (✓, ✕) is drawn as a small vector beside the words. */
function cell(content: PaperCell): TableCell {
  if (typeof content === 'string') return { text: content };
  const icon = drawnSymbol(content.symbol);
  if (!icon) return { text: [{ text: `${content.symbol} `, bold: true }, content.text] };
  return {
    columns: [
      { canvas: icon, width: SYMBOL_SIZE, margin: [0, 2.5, 0, 0] },
      { text: content.text, width: '*' },
    ],
    columnGap: 3,
  };
}
