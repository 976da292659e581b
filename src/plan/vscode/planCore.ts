/**
 * The plan room's shared chunk (dist/plan-core.js): the pure plan modules and the template
 * catalogue, shipped once. esbuild.js turns every import of one of these modules from another
 * chunk (plan.js, coach.js, lesson.js…) into a `require` of this file, so the plan model, the
 * snippet parser and the templates are not bundled again into each chunk that uses them. Loaded
 * with the first feature that needs it, never at startup.
 */
export * from '../checker';
export * from '../frontMatter';
export * from '../insertion';
export * from '../merge';
export * from '../newPlanText';
export * from '../planBlocks';
export * from '../planItemText';
export * from '../planModel';
export * from '../planSummary';
export * from '../reminders';
export * from '../ruleMessages';
export * from '../rules';
export * from '../sectionPrinciples';
export * from '../slug';
export * from '../snippet';
export * from '../snippetParser';
export * from '../suppression';
export * from '../templateKnowledge';
export * from '../templates';
export * from '../titleLines';
export * from './templateCatalogue';
