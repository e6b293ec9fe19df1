import sharp, { type Metadata } from 'sharp';
import { UploadRefusedError } from './errors.js';

/** Largest upload accepted at all (a phone's photo fits; a video does not). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Largest e-mail accepted (a saved message with a few small attachments inline). */
export const MAX_EMAIL_BYTES = 2 * 1024 * 1024;
/** Largest image decoded, in pixels (a 50-megapixel photo): a decompression bomb fails before decoding. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Longest side of a stored image: enough to read any screenshot, bounded for storage and analysts' screens. */
export const MAX_IMAGE_SIDE = 4096;
/** Longest file name kept (as metadata only: files are stored by hash). */
export const MAX_FILENAME = 120;

/** An uploaded file made safe to keep: re-encoded image or verbatim e-mail text, and its cleaned name. */
export interface AcceptedEvidence {
  bytes: Buffer;
  mediaType: 'image/png' | 'image/jpeg' | 'message/rfc822' | 'text/plain';
  filename: string;
}

type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff';

/** Image formats told by their first bytes; only these ever reach the decoder (never SVG, PDF, HEIF…). */
function sniffImage(b: Buffer): ImageFormat | null {
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a')
    return 'gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'webp';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  return null;
}

const IMAGE_NAME_RE = /\.(png|jpe?g|gif|webp|tiff?|heic|heif|bmp|svg)$/i;
const EMAIL_NAME_RE = /\.(eml|txt)$/i;
const EMAIL_TYPES = new Set(['message/rfc822', 'text/plain']);
// The first lines of a saved message are headers: "Received:", "From:", "Subject:"…
const EMAIL_HEADER_RE =
  /^(?:received|return-path|from|to|subject|date|message-id|mime-version|delivered-to|reply-to|x-[\w-]+):/im;
// Controls other than tab, line feed, form feed and carriage return mark a binary file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
const BINARY_RE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
// Bidirectional overrides and other invisible format characters can disguise a name ("gpj.exe").
const INVISIBLE_RE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const UNSUPPORTED =
  'this file is not a picture (PNG, JPEG, WebP, GIF or TIFF) or an e-mail (.eml or plain text); send a screenshot, a photo or the saved e-mail';

/**
 * The file name as metadata: the last path segment, without control or invisible characters, at most
 * MAX_FILENAME characters (keeping the extension). Never used as a path: files are stored by hash.
 */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(INVISIBLE_RE, '').replace(/\s+/g, ' ').trim();
  const chars = [...cleaned];
  if (chars.length === 0 || /^\.+$/.test(cleaned)) return 'evidence';
  if (chars.length <= MAX_FILENAME) return cleaned;
  const ext = cleaned.match(/\.[\p{L}\p{N}]{1,8}$/u)?.[0] ?? '';
  return chars.slice(0, MAX_FILENAME - ext.length).join('') + ext;
}

/**
 * Decides what an uploaded file is from its bytes (never its name or the client's content type) and
 * makes it safe to keep: pictures are decoded and re-encoded (photos as JPEG, the rest as PNG), which
 * drops every metadata block (EXIF with GPS, XMP, IPTC, comments) and anything hidden after the image;
 * e-mails are kept byte for byte when they are text. Throws UploadRefusedError with a stable code.
 */
export async function acceptEvidence(
  bytes: Buffer,
  declared: { filename?: string; mediaType?: string },
): Promise<AcceptedEvidence> {
  if (bytes.length === 0) throw new UploadRefusedError(400, 'empty_file', 'the file is empty');
  if (bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES);
  const filename = cleanFilename(declared.filename);
  const format = sniffImage(bytes);
  if (format) return { ...(await reencode(bytes, format)), filename };
  const text = asText(bytes);
  const looksLikeEmail = text !== null && EMAIL_HEADER_RE.test(text.slice(0, 4096));
  const declaredEmail =
    EMAIL_NAME_RE.test(filename) || EMAIL_TYPES.has((declared.mediaType ?? '').toLowerCase());
  if (text === null || IMAGE_NAME_RE.test(filename) || !(looksLikeEmail || declaredEmail))
    throw new UploadRefusedError(415, 'unsupported_file', UNSUPPORTED);
  if (bytes.length > MAX_EMAIL_BYTES) throw tooLarge(MAX_EMAIL_BYTES, 'an e-mail');
  return { bytes, mediaType: looksLikeEmail ? 'message/rfc822' : 'text/plain', filename };
}

function tooLarge(limit: number, what = 'a file'): UploadRefusedError {
  return new UploadRefusedError(
    413,
    'file_too_large',
    `the file is too large: ${what} may be at most ${limit / (1024 * 1024)} MB`,
  );
}

/** The bytes as text when they are valid UTF-8 (ASCII included) without binary control characters. */
function asText(bytes: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return BINARY_RE.test(text) ? null : text;
  } catch {
    return null;
  }
}

async function reencode(
  bytes: Buffer,
  sniffed: ImageFormat,
): Promise<{ bytes: Buffer; mediaType: 'image/png' | 'image/jpeg' }> {
  const input = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
  let meta: Metadata;
  try {
    // Headers only, nothing decoded: unlimited here so a refusal can say how large the picture claims to be.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (meta.format !== sniffed) throw unreadable();
  // Headers are read without decoding: refuse a bomb (a small file that unpacks to gigapixels) here.
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > MAX_IMAGE_PIXELS) throw tooManyPixels(meta.width, meta.pageHeight ?? meta.height);
  const photo = sniffed === 'jpeg';
  try {
    const out = input()
      .rotate() // upright as the camera meant it, before the orientation tag goes with the metadata
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded = photo ? out.jpeg({ quality: 88 }) : out.png({ compressionLevel: 6 });
    return { bytes: await encoded.toBuffer(), mediaType: photo ? 'image/jpeg' : 'image/png' };
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message)) throw tooManyPixels(meta.width, meta.height);
    throw unreadable();
  }
}

function unreadable(): UploadRefusedError {
  return new UploadRefusedError(
    415,
    'unreadable_image',
    'this picture is damaged or in a form we cannot read; take a new screenshot or photo and send that',
  );
}

function tooManyPixels(width: number | undefined, height: number | undefined): UploadRefusedError {
  return new UploadRefusedError(
    413,
    'image_too_large',
    `the picture is too large (${width ?? '?'} × ${height ?? '?'} pixels; at most ${MAX_IMAGE_PIXELS / 1_000_000} million): send a screenshot or a smaller photo`,
  );
}
