/** The blocklist feeds partners pull (GET /api/feeds/…), each as CSV and as plain text. */
const FEEDS = [
  { name: 'phones', label: 'Phone numbers' },
  { name: 'domains', label: 'Domains' },
  { name: 'urls', label: 'URLs' },
];

/** Links to the feeds and exports partners read with their key, and how they fetch them. */
export function FeedLinks() {
  return (
    <>
      <ul className="feed-links">
        {FEEDS.map((f) => (
          <li key={f.name}>
            {f.label}: <a href={`/api/feeds/${f.name}.csv`}>{f.name}.csv</a> ·{' '}
            <a href={`/api/feeds/${f.name}.txt`}>{f.name}.txt</a>
          </li>
        ))}
        <li>
          Top operations: <a href="/api/export/stix">STIX 2.1 bundle</a> ·{' '}
          <a href="/api/export/misp">MISP event</a>
        </li>
      </ul>
      <p className="small muted">
        Partners see only what their key's TLP ceiling allows. They fetch with the key as a bearer token:{' '}
        <code>
          curl -H "Authorization: Bearer dgk_…" {window.location.origin}
          /api/feeds/phones.txt
        </code>
      </p>
    </>
  );
}
