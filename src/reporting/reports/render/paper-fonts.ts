// The typeface papers are set in: Roboto, as shipped inside the pdfmake package, so PDFs and chart images draw the
// same letters (Welsh ŵ and £ included) on a fresh machine with no system fonts installed.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const folder = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

export const PAPER_FONT = 'Roboto';

export const PAPER_FONT_FILES = {
  normal: path.join(folder, 'Roboto-Regular.ttf'),
  bold: path.join(folder, 'Roboto-Medium.ttf'),
  italics: path.join(folder, 'Roboto-Italic.ttf'),
  bolditalics: path.join(folder, 'Roboto-MediumItalic.ttf'),
};
