import { TLP_LEVELS, type Tlp } from '../../../src/core/tlp';

export { TLP_LEVELS, type Tlp };

/** What each Traffic Light Protocol 2.0 level lets a recipient do, in a few words. */
export const TLP_MEANINGS: Record<Tlp, string> = {
  clear: 'no limit on disclosure',
  green: 'the community, not public',
  amber: "recipients' organisations and their clients, need to know",
  'amber+strict': "recipients' organisations only",
  red: 'named recipients only',
};

/** "TLP:AMBER+STRICT" in the protocol's colours on black; an unknown level is shown as it is. */
export function TlpBadge({ tlp }: { tlp: string }) {
  const known = (TLP_LEVELS as readonly string[]).includes(tlp);
  return (
    <span
      className={`tlp tlp-${known ? tlp.replace('+', '-') : 'unknown'}`}
      title={known ? TLP_MEANINGS[tlp as Tlp] : undefined}
    >
      TLP:{tlp.toUpperCase()}
    </span>
  );
}

/** The options of a TLP select: each level with what it allows. */
export function TlpOptions() {
  return (
    <>
      {TLP_LEVELS.map((t) => (
        <option key={t} value={t}>
          {t.toUpperCase()}: {TLP_MEANINGS[t]}
        </option>
      ))}
    </>
  );
}
