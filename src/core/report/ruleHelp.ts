/**
 * Help metadata for reports (SARIF `tool.driver.rules`): a friendly name, what each rule of the `jp`
 * pack flags (SPEC §5.4) and how to fix it, and the same for the input-problem codes RG001–RG017,
 * which the SARIF output reports as results of pseudo-rules. English only, like the rule ids.
 */
import { PROBLEM_CODES, type ProblemCode } from '../model';
import type { RuleId } from '../rules/ruleIds';

export interface HelpEntry {
  /** PascalCase friendly name. */
  readonly name: string;
  /** One-line summary. */
  readonly short: string;
  /** What is flagged, in full. */
  readonly flags: string;
  /** How to make it pass. */
  readonly fix: string;
}

const BASIS_FIX = 'Record a basis in `residency.config.json` that covers the country and attach it with `@basis`, keep the data in Japan, or narrow who can read it.';

export const RULE_HELP: Readonly<Record<RuleId, HelpEntry>> = {
  JPR001: {
    name: 'ForeignTransferWithoutBasis', short: 'Personal data reaches a party abroad without a basis that covers the country',
    flags: 'Personal data reaches a party located outside Japan (as recipient or reader), or `jp-only` data is stored or processed outside Japan at all, without a basis that covers that country (`jp-only`: none can; `jp-or-equivalent`: equivalent countries pass without one).',
    fix: BASIS_FIX,
  },
  JPR002: {
    name: 'AccessClassNotAllowed', short: "A party reads data its access class is not allowed by the data's @access",
    flags: "A party that is neither a contractor/subcontractor abroad nor a group company abroad receives or can read the data although its access class is not in the data's `@access` (e.g. a domestic contractor reading `internal-jp` data).",
    fix: "Add the party's access class to the field's `@access` if it is allowed to read the data, or stop sending the data to it.",
  },
  JPR003: {
    name: 'ForeignContractorAccess', short: 'A contractor abroad can read the data',
    flags: "A contractor or subcontractor located abroad receives or can read personal data whose `@access` does not include its access class; entrustment does not exempt a foreign contractor.",
    fix: "Remove the contractor's access (or send it only encrypted or anonymised data), or allow its access class in `@access` and record a basis that covers its country.",
  },
  JPR004: {
    name: 'ForeignGroupCompanyAccess', short: 'A group company abroad can read the data',
    flags: 'A group company abroad receives or can read personal data whose `@access` does not include `group-company-overseas`: a foreign subsidiary is a third party.',
    fix: 'Remove the group company\'s access, or allow `group-company-overseas` in `@access` and record a basis that covers its country.',
  },
  JPR005: {
    name: 'StoredAbroadWithoutAssessment', short: 'Stored or processed abroad without an external-environment assessment',
    flags: "Personal data is stored or processed abroad on the operator's own or a no-access cloud infrastructure (a destination with a country but no `@recipient` party) without an external-environment assessment for that country in `assessments`.",
    fix: 'Assess the legal environment of the country and record the reference under `assessments` in `residency.config.json`, or store the data in Japan.',
  },
  JPR006: {
    name: 'SecrecyOfCommunications', short: 'Message content or metadata reaches a party other than the operator or the user',
    flags: '`message-content` or `comm-metadata` reaches any party other than `self` and `data-subject`.',
    fix: 'Keep communications content and metadata with the operator itself; encrypt it end to end before any other party can read it.',
  },
  JPR007: {
    name: 'SpecialCareDataTransfer', short: 'Special care-required data leaves Japan or reaches a contractor',
    flags: '`special-care` data leaves Japan or reaches any contractor.',
    fix: 'Keep special care-required data in Japan and with the operator; anonymise it before it goes anywhere else.',
  },
  JPR008: {
    name: 'IntelligenceCooperationCountry', short: 'Readable in a country whose law obliges cooperation with state intelligence',
    flags: 'Readable personal data reaches a country whose law obliges cooperation with state intelligence (default: CN; configurable with `intelligenceCooperation`).',
    fix: 'Make the data unreadable there (encryption with keys held in Japan) or move the processing to another country.',
  },
  JPR009: {
    name: 'CountryNotDisclosed', short: 'Personal data reaches a country the privacy policy does not name',
    flags: 'Personal data reaches a country missing from `disclosure.countries` (only when that list is configured).',
    fix: 'Name the country in the privacy policy and add it to `disclosure.countries`, or stop the transfer.',
  },
  JPR010: {
    name: 'UnresolvedDestinationCountry', short: 'Personal data reaches an egress whose country cannot be resolved',
    flags: '`jp-only` or `jp-or-equivalent` data reaches an egress whose country cannot be resolved (warning); information severity for other classes.',
    fix: 'Tag the destination with `@region` or `@recipient`, or use a host whose region the catalogue resolves.',
  },
  JPR011: {
    name: 'PseudonymisedDataToThirdParty', short: 'Pseudonymised data provided to a third party',
    flags: 'Pseudonymised data reaches any party other than `self`.',
    fix: 'Keep pseudonymised data with the operator, or anonymise it properly before it is provided.',
  },
  JPR012: {
    name: 'IncompleteConsentBasis', short: 'A consent basis lacks the information the consent needs',
    flags: 'A `consent` basis lacks `countries`, `systemInfo` or `recipientMeasures`.',
    fix: 'Fill in the countries, the information on their protection systems and the recipient\'s measures in the basis.',
  },
};

const problem = (name: string, short: string, fix: string): HelpEntry => ({ name, short, flags: `${short}.`, fix });

export const PROBLEM_HELP: Readonly<Record<ProblemCode, HelpEntry>> = {
  [PROBLEM_CODES.unknownValue]: problem('UnknownValue', 'A tag or the config names an unknown class, category, party, basis or region', 'Use a name of the vocabulary or of the config (see the suggestion).'),
  [PROBLEM_CODES.misplacedTag]: problem('MisplacedTag', 'A tag is on a declaration it cannot apply to', 'Move the tag to a declaration it applies to.'),
  [PROBLEM_CODES.missingValue]: problem('MissingValue', 'A tag lacks its value', 'Give the tag its value.'),
  [PROBLEM_CODES.unknownTag]: problem('UnknownTag', 'An unknown tag that looks like a misspelt Residency Guard tag', 'Correct the tag name (see the suggestion).'),
  [PROBLEM_CODES.suppressionWithoutReason]: problem('SuppressionWithoutReason', 'A suppression comment gives no reason, or only a placeholder', 'Write the audit reason after `--`.'),
  [PROBLEM_CODES.suppressionUnknownRule]: problem('SuppressionUnknownRule', 'A suppression comment names an unknown rule', 'Name rules JPR001–JPR012.'),
  [PROBLEM_CODES.configSyntax]: problem('ConfigSyntax', 'The config file cannot be read or parsed', 'Fix the JSON (comments and trailing commas are allowed).'),
  [PROBLEM_CODES.configSchema]: problem('ConfigSchema', 'The config file does not match its schema', 'Fix the property as the schema says.'),
  [PROBLEM_CODES.configReference]: problem('ConfigReference', 'The config names an unknown country, basis or region, or changes the fixed party `self`', 'Declare the referenced entry or fix the reference.'),
  [PROBLEM_CODES.sourceParse]: problem('SourceParse', 'A source file does not parse', 'Fix the syntax error; the rest of the file is analysed as far as it could be read.'),
  [PROBLEM_CODES.fileSkipped]: problem('FileSkipped', 'A file was not analysed', 'Split or exclude the file, or raise the size limit.'),
  [PROBLEM_CODES.duplicateTag]: problem('DuplicateTag', 'A tag appears twice on one declaration; only the first one applies', 'Keep one tag and merge the values into it.'),
  [PROBLEM_CODES.tagWithoutEffect]: problem('TagWithoutEffect', 'A valid tag binds to nothing the analysis can see', 'Tag the declarations the values really have (see the message), or generate and import the Prisma client.'),
  [PROBLEM_CODES.nothingAnalysed]: problem('NothingAnalysed', 'The run analysed no file', 'Point the check at the code: fix the tsconfig\'s `files`/`include`/`references` or the config\'s `include`/`exclude`.'),
  [PROBLEM_CODES.noSourceDeclared]: problem('NoSourceDeclared', 'No personal data is declared, so no flow can be found', 'Run `residency-guard init`, review its proposals and apply them with `init --write`.'),
  [PROBLEM_CODES.unresolvedAlias]: problem('UnresolvedPathAlias', 'Imports through the program\'s path aliases do not resolve', 'Check from the root whose tsconfig declares the aliases, or add them (or a `references` entry) to the root tsconfig.'),
  [PROBLEM_CODES.iacFile]: problem('IacFile', 'An infrastructure file named by "iac" cannot be read as written', 'Fix the file at the position shown, or narrow the "iac" globs to the files meant.'),
};
