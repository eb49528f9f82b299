/**
 * The findings and flow records of each sink hit, kept between the language server's runs on one folder.
 * Hits of files an edit did not touch are the same objects from run to run, so only the sinks whose hits
 * changed are evaluated again, as long as the config, the language and the root stay the same.
 */
import type ts from 'typescript';
import type { Hit } from '../analysis/flowTypes';
import { LOCATE_AS_PARSED, type Locate } from '../analysis/nodeLocations';
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
  /** The file versions it located nodes in. */
  readonly versions: readonly ts.SourceFile[];
}

export class HitReportCache {
  private readonly byHit = new WeakMap<Hit, HitReport>();

  /** `locate`: where kept results' nodes are now; a report that located nodes of a file edited since is made again. */
  of(hit: Hit, config: ResidencyConfig, root: string, lang: Lang, locate: Locate = LOCATE_AS_PARSED): HitReport {
    const kept = this.byHit.get(hit);
    if (kept && kept.config === config && kept.root === root && kept.lang === lang && kept.versions.every((sf) => locate.isCurrent(sf))) return kept;
    let flows: readonly FlowRecord[] | undefined;
    // Flows are made when asked for (the data map, hovers, the transfer register), not for every report.
    const report: HitReport = {
      config, root, lang, findings: findingsOfHit(hit, config, root, lang, locate), versions: versionsNamed(hit),
      get flows() {
        flows ??= flowRecordsOfHit(hit, config, root, locate);
        return flows;
      },
    };
    this.byHit.set(hit, report);
    return report;
  }
}

/** The file versions whose nodes a hit's labels name (path steps, sources' declarations). */
function versionsNamed(hit: Hit): readonly ts.SourceFile[] {
  const out = new Set<ts.SourceFile>();
  for (const l of hit.labels) {
    if (l.kind !== 'source') continue;
    if (l.source.decl) out.add(l.source.decl.getSourceFile());
    for (const h of l.hops) out.add(h.at.getSourceFile());
  }
  return [...out];
}
