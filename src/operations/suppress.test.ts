import { describe, expect, it } from 'vitest';
import { suppressionFor } from './suppress.js';

describe('what never links', () => {
  it("keeps analysts' exclusions on the list they chose, and shipped common values", () => {
    const suppress = suppressionFor([
      { type: 'exclude', kind: 'phone', value: '+18443107741' },
      { type: 'exclude', kind: 'domain', value: 'shared-host.example', mode: 'inform' },
    ]);
    expect(suppress('phone', '+18443107741')).toMatchObject({ mode: 'block' });
    expect(suppress('domain', 'shared-host.example')).toMatchObject({ mode: 'inform' });
    expect(suppress('domain', 'microsoft.com')).toMatchObject({ mode: 'block' });
    expect(suppress('phone', '+18443107742')).toBeNull();
  });
});
