import PDFDocument from 'pdfkit';
import type { Dossier } from '../types.js';
import { type FontFiles, loadFonts, registerFonts } from './fonts.js';
import { COLOURS, PAGE, type Pen, sectionHeading } from './layout.js';
import { drawPageFrames } from './page-frame.js';
import { capturesSection, type Screenshots } from './sections/captures.js';
import { coverSection, coverTitle } from './sections/cover.js';
import { evidenceSection } from './sections/evidence.js';
import { geographySection } from './sections/geography.js';
import { historySection } from './sections/history.js';
import { indicatorsSection } from './sections/indicators.js';
import { lossesSection } from './sections/losses.js';
import { operationsSection } from './sections/operations.js';
import { timelineSection } from './sections/timeline.js';
import { victimsSection } from './sections/victims.js';
import { cleanLine } from './text.js';
import { tlpMarking } from './tlp.js';

/** What the dossier is drawn with besides the dossier itself. */
export interface RenderOptions {
  /** Screenshot PNGs by their SHA-256 (hex); a capture whose screenshot is missing says so. */
  screenshots: Screenshots;
  /** Leave content streams uncompressed (tests read them). Default true. */
  compress?: boolean;
  /** Fonts other than the installed ones (tests render without Noto CJK). */
  fonts?: FontFiles;
}

/** The numbered sections, in order: a police reader can cite "section 6". */
const SECTIONS: Array<{ title: string; draw: (pen: Pen, dossier: Dossier, opts: RenderOptions) => void }> = [
  { title: 'Summary', draw: coverSection },
  { title: 'Operations', draw: operationsSection },
  { title: 'Victims and losses', draw: lossesSection },
  { title: 'Timeline', draw: timelineSection },
  { title: "Victims' countries", draw: geographySection },
  { title: 'Indicators', draw: indicatorsSection },
  { title: 'Evidence chain', draw: evidenceSection },
  {
    title: 'Crawled evidence',
    draw: (pen, dossier, opts) => capturesSection(pen, dossier, opts.screenshots),
  },
  { title: 'Victims', draw: victimsSection },
  { title: 'Case history', draw: historySection },
];

function documentDate(iso: string): Date {
  const date = new Date(iso);
  // pdfkit needs a valid date; the epoch keeps the output deterministic if the dossier's is not.
  return Number.isFinite(date.getTime()) ? date : new Date(0);
}

/**
 * Renders a case's referral dossier as a PDF for a police cyber-crime unit: numbered sections, a header
 * with the case reference and TLP marking and a "page N of M" footer on every page. Deterministic: the
 * same dossier and screenshots give the same bytes (the dates and the file ID come from `generatedAt`).
 */
export async function renderDossierPdf(dossier: Dossier, opts: RenderOptions): Promise<Buffer> {
  const created = documentDate(dossier.generatedAt);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `${cleanLine(dossier.case.reference, 60)} — ${cleanLine(dossier.case.title)}`,
      Author: 'Dragnet',
      Subject: `Referral dossier (${tlpMarking(dossier.case.tlp).label}) for ${cleanLine(dossier.recipient.name)}`,
      Keywords: `tech support scam; referral; ${tlpMarking(dossier.case.tlp).label}`,
      Creator: 'Dragnet',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const fonts = opts.fonts ?? loadFonts();
  registerFonts(doc, fonts);
  const pen: Pen = { doc, fonts };
  doc.fillColor(COLOURS.text);
  coverTitle(pen, dossier);
  SECTIONS.forEach((section, i) => {
    sectionHeading(pen, i + 1, section.title);
    section.draw(pen, dossier, opts);
  });
  drawPageFrames(pen, dossier);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
