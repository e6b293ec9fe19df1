import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusPage } from '../types.js';
import { DEBIAN_DOC_FAMILY, splitOf } from './families.js';

/** Where Debian packages put their documentation. */
export const DEBIAN_DOC_ROOT = '/usr/share/doc';

/** How much of a document is kept: enough text for a classifier, small enough for a renderer. */
export const DEBIAN_DOC_MAX_BYTES = 48_000;

/** Options of the Debian documentation reader. */
export interface DebianDocsOptions {
  limit: number;
  root?: string;
  maxBytes?: number;
}

/**
 * Up to `limit` real HTML documents from Debian's documentation tree as legitimate corpus pages: listed
 * recursively, sorted by path, sampled evenly across the list (so one package's manual does not fill
 * the quota), truncated at a tag boundary and stripped of references to other files and sites (links
 * become `#`, stylesheets, images and external scripts go), so nothing is fetched when rendered.
 * Returns nothing when the directory is missing or holds no HTML.
 */
export function readDebianDocs(options: DebianDocsOptions): CorpusPage[] {
  const root = options.root ?? DEBIAN_DOC_ROOT;
  const maxBytes = options.maxBytes ?? DEBIAN_DOC_MAX_BYTES;
  const files = listHtml(root).sort();
  if (files.length === 0 || options.limit <= 0) return [];
  const chosen = evenSample(files, options.limit);
  const pages: CorpusPage[] = [];
  for (const file of chosen) {
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    pages.push({
      id: `${DEBIAN_DOC_FAMILY}${file.slice(root.length)}`,
      family: DEBIAN_DOC_FAMILY,
      label: 'legitimate',
      language: 'en',
      html: neutraliseReferences(truncateHtml(html, maxBytes)),
      split: splitOf(DEBIAN_DOC_FAMILY),
    });
  }
  return pages;
}

function listHtml(directory: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (stats.isDirectory()) found.push(...listHtml(path));
    else if (stats.isFile() && /\.html?$/i.test(entry) && stats.size > 600) found.push(path);
  }
  return found;
}

/** `k` items spread evenly over a sorted list (all of it when it is shorter). */
export function evenSample<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return items.slice();
  const step = items.length / k;
  return Array.from({ length: k }, (_, i) => items[Math.floor(i * step)]!);
}

/** The first `maxBytes` characters of a document, cut at the end of a tag. */
export function truncateHtml(html: string, maxBytes: number): string {
  if (html.length <= maxBytes) return html;
  const cut = html.lastIndexOf('>', maxBytes);
  return `${html.slice(0, cut > 0 ? cut + 1 : maxBytes)}\n</body></html>\n`;
}

/** Removes what would make a browser fetch anything: stylesheets, images, scripts with src, link targets. */
export function neutraliseReferences(html: string): string {
  return html
    .replace(/<link\b[^>]*>/gi, '')
    .replace(/<script\b[^>]*\bsrc\s*=[^>]*>\s*<\/script\s*>/gi, '')
    .replace(/<(img|iframe|embed|object|source|video|audio)\b[^>]*>/gi, '')
    .replace(/\b(href|src|action|background)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '$1="#"')
    .replace(/url\(\s*(["']?)[^)]*\1\s*\)/gi, 'none');
}
