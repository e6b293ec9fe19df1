import { BODY_ASCENT, type FontFiles, faceName, fontFor, scriptRuns, type Weight } from './fonts.js';

/** What every drawing helper needs: the document and the fonts to pick from per run of text. */
export interface Pen {
  doc: PDFKit.PDFDocument;
  fonts: FontFiles;
  /** The current section's bookmark, under which an operation's heading adds its own. */
  bookmark?: PDFKit.PDFOutline;
}

/** A4 with room above for the header and below for the footer. */
export const PAGE = { size: 'A4', margins: { top: 72, bottom: 60, left: 50, right: 50 } } as const;

/** A sober palette: near-black text, one dark blue for structure, greys for rules and fills. */
export const COLOURS = {
  text: '#111111',
  muted: '#555555',
  accent: '#1F3A5F',
  rule: '#B8B8B8',
  headerFill: '#E6E9EE',
  stripe: '#F5F6F8',
  warning: '#8A1C1C',
} as const;

/** Font sizes in points. */
export const SIZES = { title: 20, h1: 15, h2: 11.5, body: 9.5, table: 8, small: 7.5 } as const;

const CELL_PADDING = 3;

/** Left edge of the content. */
export function leftEdge(doc: PDFKit.PDFDocument): number {
  return doc.page.margins.left;
}

/** Width between the margins. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Lowest y content may reach on this page. */
export function bottomEdge(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Height of the content area of a page. */
export function pageContentHeight(doc: PDFKit.PDFDocument): number {
  return bottomEdge(doc) - doc.page.margins.top;
}

/** Starts a new page unless `height` points still fit under the cursor. */
export function ensureSpace(pen: Pen, height: number): void {
  const { doc } = pen;
  if (doc.y + height > bottomEdge(doc)) doc.addPage();
  doc.x = leftEdge(doc);
}

/** Selects the face for `text` (CJK or not) at a weight and size. */
export function setFont(pen: Pen, text: string, weight: Weight, size: number): void {
  pen.doc.font(fontFor(pen.fonts, text, weight)).fontSize(size);
}

interface WriteOptions {
  weight?: Weight;
  size?: number;
  colour?: string;
  /** Space after, in points. */
  gap?: number;
}

const LINE_GAP = 1.5;

/**
 * Writes text at the cursor, full width, one face per run of script (pdfkit wraps across the runs). Every
 * run sits on DejaVu's baseline and advances by DejaVu's line height, so a line mixing Japanese and Greek
 * stays level and evenly spaced although Noto CJK is taller.
 */
function writeRuns(pen: Pen, text: string, weight: Weight, size: number): void {
  const { doc } = pen;
  const runs = pen.fonts.cjk ? scriptRuns(text) : [{ text, cjk: false }];
  doc.font(faceName(false, weight)).fontSize(size);
  const lineHeight = doc.currentLineHeight(true);
  runs.forEach((run, i) => {
    doc.font(faceName(run.cjk, weight)).fontSize(size);
    const options: PDFKit.Mixins.TextOptions = {
      width: contentWidth(doc),
      lineGap: LINE_GAP + lineHeight - doc.currentLineHeight(true),
      baseline: -BODY_ASCENT * size,
      continued: i < runs.length - 1,
    };
    if (i === 0) doc.text(run.text, leftEdge(doc), doc.y, options);
    else doc.text(run.text, options);
  });
}

/** A paragraph at the cursor, full width, flowing onto new pages as needed. */
export function paragraph(pen: Pen, text: string, options: WriteOptions = {}): void {
  const { doc } = pen;
  const size = options.size ?? SIZES.body;
  const weight = options.weight ?? 'regular';
  setFont(pen, text, weight, size);
  ensureSpace(pen, doc.currentLineHeight(true));
  doc.fillColor(options.colour ?? COLOURS.text);
  writeRuns(pen, text || '—', weight, size);
  doc.y += options.gap ?? 4;
  doc.x = leftEdge(doc);
  doc.fillColor(COLOURS.text);
}

/** A muted note (what was left out, what is missing). */
export function note(pen: Pen, text: string): void {
  paragraph(pen, text, { size: SIZES.small, colour: COLOURS.muted, gap: 6 });
}

/** A numbered section: a new page (but for the first), a bookmark in the PDF outline, and the heading. */
export function sectionHeading(pen: Pen, number: number, title: string): void {
  const { doc } = pen;
  if (number > 1) doc.addPage();
  const heading = `${number}. ${title}`;
  pen.bookmark = doc.outline.addItem(heading);
  setFont(pen, heading, 'bold', SIZES.h1);
  doc.fillColor(COLOURS.accent).text(heading, leftEdge(doc), doc.y, { width: contentWidth(doc) });
  const ruleY = doc.y + 2;
  doc
    .moveTo(leftEdge(doc), ruleY)
    .lineTo(leftEdge(doc) + contentWidth(doc), ruleY)
    .lineWidth(0.8)
    .strokeColor(COLOURS.accent)
    .stroke();
  doc.y = ruleY + 10;
  doc.x = leftEdge(doc);
  doc.fillColor(COLOURS.text);
}

/**
 * A heading inside a section, kept with at least a few lines of what follows; bookmarked under the
 * section when asked (an operation, so a reader can jump to it in a long dossier).
 */
export function subHeading(pen: Pen, text: string, bookmark = false): void {
  const { doc } = pen;
  setFont(pen, text, 'bold', SIZES.h2);
  ensureSpace(pen, doc.heightOfString(text, { width: contentWidth(doc) }) + 48);
  if (bookmark) pen.bookmark?.addItem(text);
  doc.fillColor(COLOURS.accent).text(text, leftEdge(doc), doc.y, { width: contentWidth(doc) });
  doc.y += 4;
  doc.x = leftEdge(doc);
  doc.fillColor(COLOURS.text);
}

/** A column of a table: its header and its share of the content width. */
export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

interface Cell {
  text: string;
  weight: Weight;
}

function cellHeight(pen: Pen, cell: Cell, width: number, maxHeight: number): number {
  setFont(pen, cell.text, cell.weight, SIZES.table);
  const height = pen.doc.heightOfString(cell.text || '—', { width: width - 2 * CELL_PADDING });
  return Math.min(height, maxHeight) + 2 * CELL_PADDING;
}

interface Row {
  cells: Cell[];
  widths: number[];
  aligns: Array<'left' | 'right'>;
  fill?: string;
  /** Called after a page break this row caused (a table redraws its header). */
  onNewPage?: () => void;
}

function drawRow(pen: Pen, { cells, widths, aligns, fill, onNewPage }: Row): void {
  const { doc } = pen;
  // A cell never grows past a page: a hostile value is cut with an ellipsis, never spilled.
  const maxHeight = pageContentHeight(doc) - 8 * CELL_PADDING;
  const height = Math.max(...cells.map((c, i) => cellHeight(pen, c, widths[i] ?? 0, maxHeight)));
  if (doc.y + height + 1 > bottomEdge(doc)) {
    doc.addPage();
    onNewPage?.();
  }
  const top = doc.y;
  let x = leftEdge(doc);
  if (fill) doc.rect(x, top, contentWidth(doc), height).fill(fill);
  cells.forEach((cell, i) => {
    const width = widths[i] ?? 0;
    setFont(pen, cell.text, cell.weight, SIZES.table);
    doc.fillColor(COLOURS.text).text(cell.text || '—', x + CELL_PADDING, top + CELL_PADDING, {
      width: width - 2 * CELL_PADDING,
      height: maxHeight,
      ellipsis: true,
      align: aligns[i] ?? 'left',
      lineGap: 0,
    });
    x += width;
  });
  const bottom = top + height;
  doc
    .moveTo(leftEdge(doc), bottom)
    .lineTo(leftEdge(doc) + contentWidth(doc), bottom)
    .lineWidth(0.4)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.x = leftEdge(doc);
  doc.y = bottom;
}

/**
 * A table that wraps long values inside their column and continues on the next page with its header
 * repeated. Cell texts must already be cleaned and bounded (see text.ts).
 */
export function table(pen: Pen, columns: Column[], rows: string[][]): void {
  const { doc } = pen;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const aligns = columns.map((c) => c.align ?? 'left');
  const header = columns.map((c) => ({ text: c.header, weight: 'bold' as const }));
  const drawHeader = () => drawRow(pen, { cells: header, widths, aligns, fill: COLOURS.headerFill });
  // Keep the header with the first row.
  ensureSpace(pen, 40);
  drawHeader();
  rows.forEach((row, index) => {
    const cells = columns.map((_, i) => ({ text: row[i] ?? '', weight: 'regular' as const }));
    const fill = index % 2 === 1 ? COLOURS.stripe : undefined;
    drawRow(pen, { cells, widths, aligns, fill, onNewPage: drawHeader });
  });
  doc.y += 8;
}

/** Label–value pairs two to a row, as a four-column table without a header (compact facts). */
export function keyValueGrid(pen: Pen, pairs: Array<[string, string]>): void {
  const { doc } = pen;
  const width = contentWidth(doc);
  const widths = [0.2, 0.3, 0.2, 0.3].map((share) => share * width);
  ensureSpace(pen, 30);
  for (let i = 0; i < pairs.length; i += 2) {
    const cells: Cell[] = [pairs[i], pairs[i + 1]].flatMap((pair) => [
      // A space, not '', for the empty half of the last row: an empty cell prints a dash.
      { text: pair?.[0] ?? ' ', weight: 'bold' as const },
      { text: pair?.[1] ?? ' ', weight: 'regular' as const },
    ]);
    drawRow(pen, { cells, widths, aligns: ['left', 'left', 'left', 'left'] });
  }
  doc.y += 8;
}

/** Label–value pairs as a two-column table without a header (the facts of one thing). */
export function keyValues(pen: Pen, pairs: Array<[string, string]>, labelShare = 0.26): void {
  const { doc } = pen;
  const widths = [labelShare * contentWidth(doc), (1 - labelShare) * contentWidth(doc)];
  ensureSpace(pen, 30);
  for (const [label, value] of pairs) {
    const cells: Cell[] = [
      { text: label, weight: 'bold' },
      { text: value, weight: 'regular' },
    ];
    drawRow(pen, { cells, widths, aligns: ['left', 'left'] });
  }
  doc.y += 8;
}
