import type { Rule } from './rule';

export const fileUnreadable: Rule = {
  id: 'file-unreadable',
  description: 'A file of the dataset cannot be used: binary, not UTF-8, or larger than 20 MB.',
  defaultSeverity: 'error',
  checkDataset(ctx, report) {
    for (const u of ctx.unreadable) report({ message: `cannot use ${u.path}: ${u.reason}`, file: u.path, start: 0, end: 0 });
  },
};
