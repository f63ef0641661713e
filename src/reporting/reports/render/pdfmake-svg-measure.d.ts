// The one pdfmake module outside its typed entry point that the PDF writer reaches into (pdf-svg-size.ts). It is
// CommonJS compiled from ES modules, so Node's default import is its `exports`, holding the class as `default`.
declare module 'pdfmake/js/SVGMeasure.js' {
  interface SVGMeasure {
    measureSVG(svg: string): { width: number; height: number };
    writeDimensions(svg: string, dimensions: { width: number; height: number }): string;
  }
  const exported: { default: { prototype: SVGMeasure } };
  export default exported;
}
