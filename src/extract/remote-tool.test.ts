import { describe, expect, it } from 'vitest';
import { extractText } from './index.js';

const ids = (text: string) =>
  extractText(text, { country: 'US' })
    .indicators.filter((i) => i.kind === 'remote_access_id')
    .map((i) => i.value);

describe('remote-access session IDs', () => {
  it('finds an ID written after its label', () => {
    expect(ids('He had me install AnyDesk and read him my AnyDesk ID 123 456 789.')).toEqual(['123456789']);
  });

  it('never takes the start of a phone number after "support number" for an ID', () => {
    // Found on simulated reports: "1-800-642" was read as an ID and glued two operations together.
    const text =
      'I then called the real Microsoft Support number 1-800-642-7676 and they told me it was a scam.';
    expect(ids(text)).toEqual([]);
    expect(extractText(text, { country: 'US' }).indicators.map((i) => i.value)).toContain('+18006427676');
  });
});
