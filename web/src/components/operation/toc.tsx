/** One section of the operation page: its anchor and heading. */
export interface SectionRef {
  id: string;
  title: string;
}

/** The page's short table of contents: anchors to each section. */
export function Toc({ sections }: { sections: SectionRef[] }) {
  return (
    <nav className="op-toc" aria-label="On this page">
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
