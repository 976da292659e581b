/**
 * The names of the language model tools (pure, tiny: the startup bundle carries it). They match
 * `contributes.languageModelTools` in package.json; a unit test keeps the two the same.
 */
export const AGENT_TOOL_NAMES = ['collabCoach_checkPlan', 'collabCoach_readLessonSection', 'collabCoach_listPlans'] as const;

export type AgentToolName = (typeof AGENT_TOOL_NAMES)[number];
