import { type Highlight, segmentText } from './highlight';
import { kindLabel } from './vocabulary';

/** Text (a narrative, a page's text) with its extracted indicators marked, rendered strictly as text. */
export function HighlightedText({
  text,
  highlights,
  className = 'narrative',
}: {
  text: string;
  highlights: readonly Highlight[];
  className?: string;
}) {
  const segments = segmentText(text, highlights);
  return (
    <p className={className}>
      {segments.map((s, i) =>
        s.highlight ? (
          <mark
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
            key={i}
            className={`hl hl-${kindGroup(s.highlight.kind)}`}
            title={
              s.highlight.value
                ? `${kindLabel(s.highlight.kind)}: ${s.highlight.value}`
                : kindLabel(s.highlight.kind)
            }
          >
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}

/** The colour family of a kind: contact, web, money or other. */
export function kindGroup(kind: string): 'contact' | 'web' | 'money' | 'other' {
  if (kind === 'phone' || kind === 'email') return 'contact';
  if (kind === 'domain' || kind === 'url' || kind === 'tracking_id' || kind === 'asset_hash') return 'web';
  if (['crypto_wallet', 'iban', 'bank_account', 'card_last4', 'merchant'].includes(kind)) return 'money';
  return 'other';
}
