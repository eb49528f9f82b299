/**
 * The inventory of a run, whether or not any flow was found (SPEC §7.3 v2, issue 15): every declared source
 * (an annotated declaration that makes personal data) and every egress point (a call or `new` that hands data
 * to a destination, tagged or inferred, resolved or not). The JSON report and the transfer register list them
 * so an auditor sees what was looked at; `init` proposes parties and regions from the egress points.
 */
import ts = require('typescript');
import type { Annotation } from '../annotations/types';
import type { DestinationResolver } from '../analysis/destinations';
import type { DescribedDeclaration } from '../analysis/sources';
import { locOf, nameText } from '../analysis/nodes';
import type { Loc } from '../model';

/** A declaration annotated as personal data. */
export interface DeclaredSource {
  /** `Type.member`, or the declaration's own name. */
  readonly name: string;
  readonly residency: string;
  readonly category: string;
  readonly location: Loc;
}

/** A place where the code hands data over, and where to. */
export interface EgressPoint {
  readonly location: Loc;
  /** `annotated`, `aws-sdk`, `http`, `sdk` (SDK catalogue or config `packages`). */
  readonly kind: string;
  readonly description: string;
  /** The country data goes to (the party's when only a party is known), or null when it cannot be resolved. */
  readonly country: string | null;
  readonly region: string | null;
  /** A configured party id, or `catalogue:<vendor>` for a catalogue vendor. */
  readonly party: string | null;
  readonly partyName: string | null;
  readonly unresolved: boolean;
  /** The catalogue vendor's package, and whether the vendor offers a region in Japan. */
  readonly vendor?: { readonly id: string; readonly name: string; readonly pkg: string; readonly japanRegion: boolean };
}

/** Whether an annotation makes its declaration personal data, on its own or as a categorised member of a source container. */
function sourceResidency(node: ts.Node, ann: Annotation, annotations: ReadonlyMap<ts.Node, Annotation>): string | undefined {
  if (ann.residency) return ann.residency === 'unrestricted' ? undefined : ann.residency;
  if (!ann.category && !ann.access) return undefined;
  const container = node.parent && annotations.get(node.parent);
  return container?.residency && container.residency !== 'unrestricted' ? container.residency : undefined;
}

function declarationName(node: ts.Node): string {
  const own = nameText(node) ?? '(anonymous)';
  const parent = node.parent;
  const owner = parent && (ts.isClassLike(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeLiteralNode(parent)) ? nameText(parent.kind === ts.SyntaxKind.TypeLiteral ? parent.parent : parent) : undefined;
  return owner ? `${owner}.${own}` : own;
}

/** Every declared source, in file and line order (`described`: names and locations of declarations bound from a Prisma schema). */
export function declaredSources(annotations: ReadonlyMap<ts.Node, Annotation>, described: ReadonlyMap<ts.Node, DescribedDeclaration>): DeclaredSource[] {
  const out: DeclaredSource[] = [];
  for (const [node, ann] of annotations) {
    const residency = sourceResidency(node, ann, annotations);
    if (!residency) continue;
    const d = described.get(node);
    out.push({ name: d?.name ?? declarationName(node), residency, category: ann.category ?? 'personal', location: d?.loc ?? locOf(node) });
  }
  return out.sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column);
}

/** Every call and `new` of the files that the resolver sees as a destination. */
export function egressPoints(files: readonly ts.SourceFile[], destinations: DestinationResolver, partyName: (id: string) => string | undefined): EgressPoint[] {
  const out: EgressPoint[] = [];
  for (const sf of files) {
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        const d = destinations.ofCall(n);
        if (d) {
          const party = d.party?.id ?? d.recipient ?? d.readers[0] ?? null;
          out.push({
            location: locOf(n, sf), kind: d.kind, description: d.description, country: d.country ?? d.party?.country ?? null, region: d.region,
            party, partyName: d.party?.name ?? (party ? partyName(party) ?? null : null), unresolved: d.unresolved,
            ...(d.vendor ? { vendor: { id: d.vendor.id, name: d.vendor.name, pkg: d.vendor.pkg, japanRegion: d.vendor.japanRegion } } : {}),
          });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
