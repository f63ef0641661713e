// The one pdfmake module outside its typed entry point that the PDF writer reaches into (pdf-pictures.ts). It is
// CommonJS compiled from ES modules, so Node's default import is its `exports`, holding the class as `default`.
declare module 'pdfmake/js/PDFDocument.js' {
  interface PdfmakeDocument {
    provideImage(src: string): unknown;
  }
  const exported: { default: { prototype: PdfmakeDocument } };
  export default exported;
}
