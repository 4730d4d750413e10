/**
 * The shape every rule has (STYLE §3): a typed object with an id, a description, a default
 * severity and one or more checks, each over the scope it needs. Rules report; the engine
 * fills in the rule id and severity.
 */
import type { Finding, RuleId, Severity } from '../model/finding';
import type { ArticleFile, CodebookFile, SidecarFile, YamlFile } from '../dataset/files';
import type { Claim } from '../model/sidecar';
import type { AnchorCandidate } from '../anchor/types';

export type Report = (finding: Omit<Finding, 'rule' | 'severity'> & { severity?: Severity }) => void;

/** How a claim's quote relates to the current article text. */
export type ClaimAnchorStatus = 'exact' | 'moved' | 'drifted' | 'ambiguous' | 'orphaned' | 'mismatch';

export interface ClaimAnchor {
  status: ClaimAnchorStatus;
  /** Code points into the article's normalised text. */
  start: number;
  end: number;
  score: number;
  candidates?: AnchorCandidate[];
}

export interface AnchoredClaim {
  claim: Claim;
  /** Undefined when the claim has no usable quote or the article is unavailable. */
  anchor: ClaimAnchor | undefined;
}

export interface SidecarContext {
  codebook: CodebookFile | undefined;
  sidecar: SidecarFile;
  article: ArticleFile | undefined;
  claims: AnchoredClaim[];
}

export interface DatasetContext {
  /** The codebook when it parsed cleanly; rules needing ids skip otherwise. */
  codebook: CodebookFile | undefined;
  /** Every YAML file read, usable or not: the codebook first, then the sidecars. */
  yamlFiles: YamlFile[];
  sidecars: SidecarContext[];
  articles: ArticleFile[];
  /** Files the host could not read or that cannot be used at all. */
  unreadable: Array<{ path: string; reason: string }>;
}

export interface Rule {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  /** Any YAML file of the dataset (codebook or sidecar): parse-level checks. */
  checkYaml?(file: YamlFile, report: Report): void;
  checkCodebook?(codebook: CodebookFile, report: Report): void;
  checkSidecar?(context: SidecarContext, report: Report): void;
  /** Cross-file checks; they see every sidecar. */
  checkDataset?(context: DatasetContext, report: Report): void;
}
