// pdfmake reads a chart's size by parsing the whole SVG with xmldoc, then parses it again to write the size it was
// given: ~1.5 s and much of the garbage of a 200-chart paper. Our charts always carry width, height and viewBox on
// their root element, so here pdfmake reads and rewrites that one tag instead; svg-to-pdfkit still draws the whole.
import svgMeasureModule from 'pdfmake/js/SVGMeasure.js';

interface Size {
  width: number;
  height: number;
}

const ROOT = /^(\s*(?:<\?xml[^>]*>\s*)?<svg\b)([^>]*)>/;

export function rootSizeOf(svg: string): Size {
  const root = ROOT.exec(svg);
  if (!root) throw new Error('A chart for the PDF must be an SVG document starting with its <svg> element');
  const attributes = root[2] ?? '';
  return { width: numberIn(attributes, 'width'), height: numberIn(attributes, 'height') };
}

export function withRootSize(svg: string, size: Size): string {
  return svg.replace(ROOT, (_, opening: string, attributes: string) => {
    let written = attributes;
    if (!/\sviewBox="/.test(written)) {
      const original = rootSizeOf(svg);
      written += ` viewBox="0 0 ${original.width} ${original.height}"`;
    }
    written = withAttribute(withAttribute(written, 'width', size.width), 'height', size.height);
    return `${opening}${written}>`;
  });
}

function numberIn(attributes: string, name: string): number {
  const value = new RegExp(`\\s${name}="([0-9.]+)`).exec(attributes)?.[1];
  if (value === undefined)
    throw new Error(`A chart for the PDF needs a numeric ${name} on its <svg> element`);
  return Number(value);
}

function withAttribute(attributes: string, name: string, value: number): string {
  const pattern = new RegExp(`\\s${name}="[^"]*"`);
  return pattern.test(attributes)
    ? attributes.replace(pattern, ` ${name}="${value}"`)
    : `${attributes} ${name}="${value}"`;
}

/** Called once by the PDF writer, before its first paper. */
export function measureChartsByTheirRootTag(): void {
  const { prototype } = svgMeasureModule.default;
  prototype.measureSVG = (svg: string) => rootSizeOf(svg);
  prototype.writeDimensions = (svg: string, size: Size) => withRootSize(svg, size);
}
