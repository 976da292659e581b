/**
 * The one table of what each built-in plan section belongs to (pure): the principles it
 * practises, the principle its findings send the reader to, and the lesson section it comes from.
 */
import type { LessonSectionId } from '../content/sections';
import type { PrincipleId } from '../lesson/progressCore';
import { PLAN_SECTION_MARKERS, type PlanSectionMarker } from './templates';

export type { PrincipleId };

interface SectionOrigin {
  /** Principles a plan practises by having this section without findings. */
  readonly principles: readonly PrincipleId[];
  /** The principle its findings belong to. */
  readonly primary: PrincipleId;
  /** Where in the lesson the section's questions come from. */
  readonly lessonSection: LessonSectionId;
}

const SECTION_ORIGINS: Readonly<Record<PlanSectionMarker, SectionOrigin>> = {
  needs: { principles: ['principle-1'], primary: 'principle-1', lessonSection: 'self-check' },
  // Where interests meet is principle 1; the value you bring is principle 2.
  'shared-interest': { principles: ['principle-1', 'principle-2'], primary: 'principle-1', lessonSection: 'principle-1' },
  'self-protection': { principles: ['principle-1'], primary: 'principle-1', lessonSection: 'example-finance' },
  workload: { principles: ['principle-3'], primary: 'principle-3', lessonSection: 'principle-3' },
  'quick-check': { principles: ['principle-1'], primary: 'principle-1', lessonSection: 'self-check' },
  checkin: { principles: ['principle-3'], primary: 'principle-3', lessonSection: 'principle-3' },
  kickoff: { principles: ['principle-1'], primary: 'principle-1', lessonSection: 'principle-1' },
};

function mapOrigins<T>(pick: (origin: SectionOrigin) => T): Readonly<Record<PlanSectionMarker, T>> {
  return Object.fromEntries(PLAN_SECTION_MARKERS.map((marker) => [marker, pick(SECTION_ORIGINS[marker])])) as Record<PlanSectionMarker, T>;
}

export const SECTION_PRINCIPLES = mapOrigins((origin) => origin.principles);
export const PRIMARY_PRINCIPLE = mapOrigins((origin) => origin.primary);
export const SECTION_LESSON_SOURCES = mapOrigins((origin) => origin.lessonSection);

export function isPlanSectionMarker(marker: string): marker is PlanSectionMarker {
  return (PLAN_SECTION_MARKERS as readonly string[]).includes(marker);
}
