import type { Kysely } from 'kysely';
import { ValidationError } from '../core/errors.js';
import type { ReportInput } from '../core/report-input.js';
import type { JobQueue } from '../store/queue.js';
import { type IntakeVia, type SpamSignal, type StoreOutcome, storeReports } from '../store/reports.js';
import type { Database } from '../store/schema.js';
import { GroupCommit } from './group-commit.js';
import { parseReportInput } from './parse.js';

/** The one way reports enter Dragnet, whichever door they come through (API, portal, CLI). */
export class IntakeService {
  private readonly singles = new Map<IntakeVia, GroupCommit<ReportInput, StoreOutcome>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly queue: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Validates raw records; throws a ValidationError naming every bad field (paths prefixed by index when many). */
  validate(raws: unknown[], indexed: boolean): ReportInput[] {
    const values: ReportInput[] = [];
    const issues = [];
    for (const [i, raw] of raws.entries()) {
      const parsed = parseReportInput(raw);
      if (parsed.ok) values.push(parsed.value);
      else issues.push(...parsed.issues.map((x) => ({ ...x, path: indexed ? `${i}/${x.path}` : x.path })));
    }
    if (issues.length > 0) {
      throw new ValidationError(
        `${issues.length} invalid field${issues.length === 1 ? '' : 's'}; nothing was stored`,
        issues,
      );
    }
    return values;
  }

  /** Stores already-validated reports (and their processing jobs) atomically; suspected spam is marked, never dropped. */
  async store(
    inputs: ReportInput[],
    via: IntakeVia,
    options: { suspectedSpam?: SpamSignal } = {},
  ): Promise<StoreOutcome[]> {
    return storeReports(this.db, this.queue, inputs, this.now(), via, options);
  }

  /**
   * Stores one report, committed together with the single submissions arriving meanwhile through the
   * same door (group commit): a public portal under load pays one transaction per batch, not per report.
   * Suspected spam is stored on its own, marked.
   */
  async submit(
    input: ReportInput,
    via: IntakeVia,
    options: { suspectedSpam?: SpamSignal } = {},
  ): Promise<StoreOutcome> {
    if (options.suspectedSpam) return (await this.store([input], via, options))[0]!;
    let group = this.singles.get(via);
    if (!group) {
      group = new GroupCommit((inputs) => this.store(inputs, via));
      this.singles.set(via, group);
    }
    return group.submit(input);
  }
}
