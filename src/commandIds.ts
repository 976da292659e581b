/**
 * The commands the extension contributes (pure, tiny: the startup entry registers each of them).
 * They match `contributes.commands` in package.json; a unit test keeps the two the same, and the
 * features' handler table (src/features.ts) is typed by this list, so none can be left without one.
 */
export const COMMAND_IDS = [
  'collabCoach.openLesson',
  'collabCoach.insertPlan',
  'collabCoach.newPlan',
  'collabCoach.nextTip',
  'collabCoach.resetProgress',
  'collabCoach.checkAllPlans',
  'collabCoach.fixAll',
  'collabCoach.plans.openLesson',
  'collabCoach.draftMessage',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
