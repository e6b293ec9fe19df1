/** One record read from an import file: its parsed value, or why it could not be read. */
export interface SourceRecord {
  /** 1-based line where the record starts (CSV: the line of its first field). */
  line: number;
  value?: unknown;
  error?: string;
  /** Bytes of input consumed up to the end of this record (for progress). */
  offset: number;
}

/** Turns a JSON text into a record, or an error naming what is wrong. */
export function jsonRecord(text: string, line: number, offset: number): SourceRecord {
  try {
    return { line, value: JSON.parse(text), offset };
  } catch (err) {
    return { line, error: `malformed JSON: ${(err as Error).message}`, offset };
  }
}
