/** Stances with a theme colour of their own (contributes.colors); others use `claimbook.stance.other`. */
export const STANCE_COLOURS = ['pledge', 'conditional', 'proposal', 'refusal', 'demand', 'report'] as const;
