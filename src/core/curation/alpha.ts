/** α_U of a comparison, from core/agreement (issue 15) once its measures are in. */
import type { AlphaOf, OverallAlpha } from './disagreements';

export const alphaOptions: { alphaOf?: AlphaOf; overallAlpha?: OverallAlpha } = {};
