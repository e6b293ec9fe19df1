import { describe, expect, it } from 'vitest';
import { claimsSystem, type FusionModel, fuse } from './fusion.js';

const model: FusionModel = {
  version: 'fusion-test',
  text: 1.5,
  image: 1,
  bias: 0,
  textOnly: { text: 2, bias: 0 },
  imageOnly: { image: 1.5, bias: 0 },
  threshold: 0.6,
};
const score = (probability: number) => ({ probability, reasons: ['because'] });

describe('fusion', () => {
  it('combines both models in log-odds and decides at the threshold', () => {
    const undecided = fuse(model, score(0.5), score(0.5), null);
    expect(undecided.probability).toBeCloseTo(0.5, 5);
    expect(undecided.verdict).toBe('legitimate');
    const scam = fuse(model, score(0.9), score(0.8), null);
    expect(scam.probability).toBeGreaterThan(0.9);
    expect(scam.verdict).toBe('scam');
    expect(scam.reasons[0]).toMatch(/^text model 90%: because/);
  });

  it("clips each model's log-odds, so one model's certainty cannot outvote the other alone", () => {
    const clipped = { ...model, logOddsClip: 6 };
    const sure = fuse(clipped, score(0.95), score(1e-9), null).probability;
    expect(fuse(clipped, score(0.95), score(1e-4), null).probability).toBeCloseTo(sure, 9);
    expect(sure).toBeCloseTo(1 / (1 + Math.exp(-(1.5 * Math.log(19) - 6))), 9);
    expect(fuse(model, score(0.95), score(1e-9), null).probability).toBeLessThan(sure);
  });

  it('uses the single-model weights when a page has no screenshot or no text', () => {
    const textOnly = fuse(model, score(0.8), null, null);
    expect(textOnly.probability).toBeCloseTo(1 / (1 + Math.exp(-2 * Math.log(4))), 5);
    const imageOnly = fuse(model, null, score(0.8), null);
    expect(imageOnly.probability).toBeCloseTo(1 / (1 + Math.exp(-1.5 * Math.log(4))), 5);
  });

  it("adds the crawler's evidence: a number on a page that claims to be the system, locks, dialog loops", () => {
    const plain = fuse(model, score(0.4), score(0.4), {
      behaviours: [],
      phoneShown: false,
      claimsSystem: false,
    });
    const trapped = fuse(model, score(0.4), score(0.4), {
      behaviours: ['fullscreen', 'dialog_loop'],
      phoneShown: true,
      claimsSystem: true,
    });
    expect(plain.verdict).toBe('legitimate');
    expect(trapped.verdict).toBe('scam');
    expect(trapped.reasons.join('\n')).toMatch(/claims to be the system/);
    expect(trapped.reasons.join('\n')).toMatch(/full screen/);
  });

  it('recognises pages that claim to speak for the system, in several languages', () => {
    expect(claimsSystem('Windows Defender Security Center: your computer is blocked')).toBe(true);
    expect(claimsSystem('Votre ordinateur est bloqué')).toBe(true);
    expect(claimsSystem('お使いのコンピュータはウイルスに感染しています')).toBe(true);
    expect(claimsSystem('Fresh tomatoes, basil and olive oil')).toBe(false);
  });
});
