// The report as a Word committee paper: real Title and Heading styles, table header rows that repeat, and each
// chart as a PNG with its text alternative, so screen readers and committee-management systems read it right.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportModel } from '../report-model.ts';
import { chartPngs, pictureSize, type ChartPng } from './chart-png.ts';
import type { PaperBlock, PaperCell } from './paper-blocks.ts';
import { ChartMedia, zippedDocx } from './docx-zip.ts';
import { paperCharts, paperOf } from './paper.ts';

// A4 with 2 cm margins, in twentieths of a point; the text column is what is left.
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const COLUMN_TWIPS = PAGE.width - 2 * PAGE.margin;
/** The chart's width on the page in pixels at 96 to the inch (docx's unit for images): the whole column. */
const CHART_WIDTH = Math.floor((COLUMN_TWIPS / 1440) * 96);

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * `pngs`: the charts (`chartPngs(paperCharts(model))`), perhaps still being drawn: the paper is written meanwhile
 * and zipped when they arrive. Drawn here when not given.
 */
export async function reportDocx(
  model: ReportModel,
  pngs?: Map<string, ChartPng> | Promise<Map<string, ChartPng>>,
): Promise<Buffer> {
  const blocks = paperOf(model);
  const charts = Promise.resolve(pngs ?? chartPngs(paperCharts(model)));
  charts.catch(() => {}); // reported when the parts are zipped
  const media = new ChartMedia();
  const document = new Document({
    creator: model.council,
    title: model.set.title,
    subject: `${model.set.audienceLabel}: ${model.period.label}`,
    description: model.summary,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } },
        title: { run: { bold: true, size: 48, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1: headingStyle(0, 36),
        heading2: headingStyle(1, 28),
        heading3: headingStyle(2, 24),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: footer(model) },
        children: blocks.flatMap((block) => drawn(block, media)),
      },
    ],
  });
  return zippedDocx(document, media, charts);
}

/** Outline levels make the headings Word's navigation pane, its table of contents and its PDF bookmarks. */
function headingStyle(outlineLevel: number, size: number) {
  return {
    run: { bold: true, size, color: '000000' },
    paragraph: { outlineLevel, keepNext: true, spacing: { before: 240, after: 120 } },
  };
}

function footer(model: ReportModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: [
              `${model.set.title}, ${model.period.label}. Page `,
              PageNumber.CURRENT,
              ' of ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

function drawn(block: PaperBlock, media: ChartMedia): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, text: block.text })];
    case 'heading':
      return [
        new Paragraph({ heading: HEADINGS[block.level], text: block.text, pageBreakBefore: block.newPage }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [
            ...(block.label ? [new TextRun({ text: `${block.label}: `, bold: true })] : []),
            new TextRun(block.text),
          ],
        }),
      ];
    case 'bullets':
      return block.items.map(
        (item, i) =>
          new Paragraph({
            text: item,
            bullet: { level: 0 },
            ...(i === block.items.length - 1 ? { spacing: { after: 160 } } : {}),
          }),
      );
    case 'table':
      return [table(block), new Paragraph({ text: '' })];
    case 'chart':
      return [chart(block, media)];
    case 'pageBreak':
      return [new Paragraph({ text: '', pageBreakBefore: true })];
  }
}

function table(block: Extract<PaperBlock, { kind: 'table' }>): Table {
  const total = block.widths.reduce((sum, w) => sum + w, 0);
  const columnWidths = block.widths.map((w) => Math.floor((w / total) * COLUMN_TWIPS));
  const cell = (content: PaperCell, i: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[i] ?? 0, type: WidthType.DXA },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
      children: [new Paragraph({ children: cellRuns(content, header) })],
    });
  return new Table({
    width: { size: COLUMN_TWIPS, type: WidthType.DXA },
    columnWidths,
    // Set once for the table rather than on every cell, which keeps a long paper's XML smaller.
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.header.map((h, i) => cell(h, i, true)),
      }),
      ...block.rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) }),
      ),
    ],
  });
}

function cellRuns(content: PaperCell, bold: boolean): TextRun[] {
  if (typeof content === 'string') return [new TextRun({ text: content, bold })];
  return [new TextRun({ text: `${content.symbol} `, bold: true }), new TextRun({ text: content.text, bold })];
}

function chart(block: Extract<PaperBlock, { kind: 'chart' }>, media: ChartMedia): Paragraph {
  const size = pictureSize(block.svg, CHART_WIDTH);
  return new Paragraph({
    spacing: { before: 120, after: 240 },
    children: [
      new ImageRun({
        type: 'png',
        data: media.placeholderFor(block.svg, block.name),
        transformation: size,
        altText: { name: block.name, title: block.name, description: block.alt },
      }),
    ],
  });
}
