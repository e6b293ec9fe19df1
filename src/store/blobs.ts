import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { DragnetError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from './schema.js';

const SHA256_RE = /^[0-9a-f]{64}$/;

/** What the blob store knows of one stored file. */
export interface BlobInfo {
  sha256: string;
  size: number;
  mediaType: string | null;
}

/**
 * Content-addressed evidence files: each stored once under `<dataDir>/blobs/ab/cd/<sha256>`, named by
 * the SHA-256 of its bytes (chain of custody: the name proves the content), indexed in the database.
 * Writes are atomic (temp file, then rename), so a crash never leaves a half file under a real name.
 */
export class BlobStore {
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly db: Kysely<Database>,
  ) {
    this.root = path.join(dataDir, 'blobs');
  }

  /** Stores bytes (idempotent) and returns their hash. */
  async put(bytes: Uint8Array, mediaType?: string): Promise<BlobInfo> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.pathOf(sha256);
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      try {
        writeFileSync(tmp, bytes, { flag: 'wx' });
        renameSync(tmp, file);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw new DragnetError(`cannot write evidence file ${sha256}: ${(err as Error).message}`);
      }
    }
    await this.db
      .insertInto('blobs')
      .values({ sha256, size: String(bytes.byteLength), mediaType: mediaType ?? null })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return { sha256, size: bytes.byteLength, mediaType: mediaType ?? null };
  }

  /** Reads a blob whole, checking that its bytes still hash to its name. */
  async get(sha256: string): Promise<Buffer> {
    const bytes = await readFile(this.existing(sha256));
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256)
      throw new DragnetError(`evidence file ${sha256} is corrupt (its bytes hash to ${actual})`);
    return bytes;
  }

  /** Streams a blob (for serving large files). */
  stream(sha256: string): Readable {
    return createReadStream(this.existing(sha256));
  }

  /** The index entry of a blob, or undefined. */
  async info(sha256: string): Promise<BlobInfo | undefined> {
    if (!SHA256_RE.test(sha256)) return undefined;
    const r = await this.db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return r ? { sha256: r.sha256, size: Number(r.size), mediaType: r.mediaType } : undefined;
  }

  private existing(sha256: string): string {
    const file = this.pathOf(sha256);
    if (!existsSync(file)) throw new NotFoundError(`no evidence file ${sha256}`);
    return file;
  }

  private pathOf(sha256: string): string {
    // The hash is the only thing that becomes a path: validated, it cannot traverse.
    if (!SHA256_RE.test(sha256)) {
      throw new ValidationError('not a SHA-256', [
        { path: 'sha256', message: 'must be 64 lower-case hex digits' },
      ]);
    }
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
