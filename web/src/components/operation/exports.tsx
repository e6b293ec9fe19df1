import { query } from '../../api';

/** Links to the operation as a STIX 2.1 bundle and as a MISP event (within the reader's TLP). */
export function Exports({ operationId }: { operationId: string }) {
  const q = query({ operation: operationId });
  return (
    <ul className="inline-list exports">
      <li>
        <a href={`/api/export/stix${q}`}>STIX 2.1 bundle</a>
      </li>
      <li>
        <a href={`/api/export/misp${q}`}>MISP event</a>
      </li>
    </ul>
  );
}
