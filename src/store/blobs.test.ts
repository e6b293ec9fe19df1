import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshStoreOptions } from '../../test/helpers/engines.js';
import { BlobStore } from './blobs.js';
import { openStore, type Store } from './database.js';

describe.each(ENGINES)('the blob store on %s', (engine) => {
  let store: Store;
  let blobs: BlobStore;
  let dataDir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const o = await freshStoreOptions(engine);
    dataDir = o.dataDir;
    store = await openStore(o);
    blobs = new BlobStore(dataDir, store.db);
    cleanup = async () => {
      await store.close();
      await o.cleanup();
    };
  });
  afterAll(() => cleanup());

  it('names a file by the SHA-256 of its bytes and stores it once', async () => {
    const bytes = Buffer.from('screenshot bytes');
    const a = await blobs.put(bytes, 'image/png');
    const b = await blobs.put(bytes, 'image/png');
    expect(a.sha256).toBe('01c3ff201b261a9d41650c8cfa4386af4b68568c27f666212d86f708a188d4b6');
    expect(a).toEqual(b);
    expect((await blobs.get(a.sha256)).toString()).toBe('screenshot bytes');
    expect(await blobs.info(a.sha256)).toEqual({ sha256: a.sha256, size: 16, mediaType: 'image/png' });
    const dir = path.join(dataDir, 'blobs', a.sha256.slice(0, 2), a.sha256.slice(2, 4));
    expect(readdirSync(dir)).toEqual([a.sha256]);
  });

  it('detects a file whose bytes were changed on disk', async () => {
    const { sha256 } = await blobs.put(Buffer.from('original evidence'));
    writeFileSync(path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'tampered');
    await expect(blobs.get(sha256)).rejects.toThrow(/corrupt/);
  });

  it('refuses names that are not hashes, so no path can be traversed', async () => {
    await expect(blobs.get('../../etc/passwd')).rejects.toThrow(/SHA-256/);
    expect(await blobs.info('../x')).toBeUndefined();
    await expect(blobs.get('0'.repeat(64))).rejects.toThrow(/no evidence file/);
  });
});
