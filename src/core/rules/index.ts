/** Every rule, in the order of the catalogue (DESIGN §3). Adding a rule = one file + one line here. */
import type { Rule } from './rule';
import { yamlSyntax } from './yamlSyntax';
import { mergeConflict } from './mergeConflict';
import { schema } from './schema';
import { unknownActor } from './unknownActor';
import { unknownCommitment } from './unknownCommitment';
import { unknownStance } from './unknownStance';
import { aliasCollision } from './aliasCollision';
import { codebookReference } from './codebookReference';
import { actorTypeNotAllowed } from './actorTypeNotAllowed';
import { missingField } from './missingField';
import { badField } from './badField';
import { duplicateClaimId } from './duplicateClaimId';
import { duplicateClaim } from './duplicateClaim';
import { quoteMismatch } from './quoteMismatch';
import { anchorMoved } from './anchorMoved';
import { anchorDrifted } from './anchorDrifted';
import { anchorAmbiguous } from './anchorAmbiguous';
import { anchorOrphaned } from './anchorOrphaned';
import { articleMissing } from './articleMissing';
import { sidecarAmbiguous } from './sidecarAmbiguous';
import { contradiction } from './contradiction';
import { staleText } from './staleText';
import { untaggedMention } from './untaggedMention';
import { fileUnreadable } from './fileUnreadable';
import { codebookUnusable } from './codebookUnusable';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  mergeConflict,
  schema,
  unknownActor,
  unknownCommitment,
  unknownStance,
  aliasCollision,
  codebookReference,
  actorTypeNotAllowed,
  missingField,
  badField,
  duplicateClaimId,
  duplicateClaim,
  quoteMismatch,
  anchorMoved,
  anchorDrifted,
  anchorAmbiguous,
  anchorOrphaned,
  articleMissing,
  sidecarAmbiguous,
  contradiction,
  staleText,
  untaggedMention,
  fileUnreadable,
  codebookUnusable,
];
