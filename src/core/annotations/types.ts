/**
 * What the annotation layer hands to the analysis: validated annotations keyed by declaration node,
 * the suppression directives of a file, and the problems found while reading them.
 */
import type * as ts from 'typescript';
import type { ResidencyConfig } from '../config/types';
import type { Loc, Problem } from '../model';
import type { RuleId } from '../rules/ruleIds';
import type { Lang } from '../rules/types';
import type { ResidencyClass } from '../vocabulary/jpPack';
import type { RegionCatalog, ResolvedRegion } from '../vocabulary/regionTypes';

export interface TagValue {
  readonly text: string;
  readonly loc: Loc;
}

/** One `@tag values…` occurrence inside a doc comment, as written. */
export interface Tag {
  readonly name: string;
  readonly values: readonly TagValue[];
  /** From the `@` to the end of the last value. */
  readonly loc: Loc;
  /** The `@name` part only. */
  readonly nameLoc: Loc;
}

/** The valid tags of one declaration (invalid values are dropped and reported as problems). */
export interface Annotation {
  readonly residency?: ResidencyClass;
  readonly access?: readonly string[];
  readonly category?: string;
  readonly region?: ResolvedRegion & { readonly written: string };
  readonly recipient?: string;
  readonly readableBy?: readonly string[];
  readonly exposesTo?: readonly string[];
  readonly encrypts?: string;
  readonly anonymizes?: boolean;
  readonly pseudonymizes?: boolean;
  readonly basis?: readonly string[];
  /** Every recognised tag as written (for hovers and completions). */
  readonly tags: readonly Tag[];
  /** The doc comment that holds the tags. */
  readonly commentLoc: Loc;
}

/** `// residency-guard-disable-next-line JPR001 JPR005 -- reason` */
export interface Suppression {
  readonly file: string;
  /** 1-based line of the directive itself. */
  readonly line: number;
  /** 1-based line whose findings it suppresses (the next line). */
  readonly targetLine: number;
  readonly rules: readonly RuleId[];
  readonly reason: string;
  readonly loc: Loc;
}

export interface FileAnnotations {
  readonly file: string;
  /**
   * Declaration node → its annotation. Keys are the declaration nodes themselves:
   * InterfaceDeclaration, TypeAliasDeclaration, ClassDeclaration, ClassExpression, PropertySignature,
   * PropertyDeclaration, PropertyAssignment, GetAccessorDeclaration, SetAccessorDeclaration,
   * MethodDeclaration, MethodSignature, FunctionDeclaration, VariableDeclaration (each declaration of an
   * annotated VariableStatement), ParameterDeclaration, and for CommonJS `exports.x = …` /
   * `module.exports.x = …` the BinaryExpression.
   */
  readonly byDeclaration: ReadonlyMap<ts.Node, Annotation>;
  readonly suppressions: readonly Suppression[];
  readonly problems: readonly Problem[];
}

export interface AnnotationContext {
  readonly config: ResidencyConfig;
  readonly regions: RegionCatalog;
  /** Language of problem messages (default English). */
  readonly lang?: Lang;
}
