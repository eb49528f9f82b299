/**
 * The findings and flow records of each sink hit, kept between the language server's runs on one folder.
 * Hits of files an edit did not touch are the same objects from run to run, so only the sinks whose hits
 * changed are evaluated again, as long as the config, the language and the root stay the same.
 */
import type { Hit } from '../analysis/flowTypes';
import type { ResidencyConfig } from '../config/types';
import { findingsOfHit } from '../rules/evaluate';
import type { Lang } from '../rules/types';
import { flowRecordsOfHit, type FlowRecord } from './flows';
import type { Finding } from './model';

interface HitReport {
  readonly config: ResidencyConfig;
  readonly root: string;
  readonly lang: Lang;
  readonly findings: readonly Finding[];
  readonly flows: readonly FlowRecord[];
}

export class HitReportCache {
  private readonly byHit = new WeakMap<Hit, HitReport>();

  of(hit: Hit, config: ResidencyConfig, root: string, lang: Lang): HitReport {
    const kept = this.byHit.get(hit);
    if (kept && kept.config === config && kept.root === root && kept.lang === lang) return kept;
    let flows: readonly FlowRecord[] | undefined;
    // Flows are made when asked for (the data map, hovers, the transfer register), not for every report.
    const report: HitReport = {
      config, root, lang, findings: findingsOfHit(hit, config, root, lang),
      get flows() {
        flows ??= flowRecordsOfHit(hit, config, root);
        return flows;
      },
    };
    this.byHit.set(hit, report);
    return report;
  }
}
