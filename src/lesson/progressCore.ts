/**
 * Reading and practice progress per principle. Pure: the adapter in progress.ts keeps the sets in
 * globalState (reading follows the user) and workspaceState (practice follows the workspace).
 */
import type { PrincipleProgress } from './messages';

export const PRINCIPLE_IDS = ['principle-1', 'principle-2', 'principle-3'] as const;
export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

/** The principle a lesson section belongs to, if any (sub-sections count for their principle). */
export function principleOfSection(sectionId: string): PrincipleId | undefined {
  switch (sectionId) {
    case 'principle-1':
    case 'self-check':
    case 'example-finance':
      return 'principle-1';
    case 'principle-2':
    case 'example-hobby':
      return 'principle-2';
    case 'principle-3':
    case 'example-workload':
      return 'principle-3';
    default:
      return undefined;
  }
}

export function isPrincipleId(value: unknown): value is PrincipleId {
  return typeof value === 'string' && (PRINCIPLE_IDS as readonly string[]).includes(value);
}

/** Keeps only known principle ids from a stored value of any shape. */
export function sanitizePrincipleList(stored: unknown): PrincipleId[] {
  return Array.isArray(stored) ? PRINCIPLE_IDS.filter((id) => stored.includes(id)) : [];
}

/** Practice is stored as principle → plan documents that pass it; keeps only well-formed entries. */
export function sanitizePracticeMap(stored: unknown): Record<PrincipleId, string[]> {
  const result: Record<PrincipleId, string[]> = { 'principle-1': [], 'principle-2': [], 'principle-3': [] };
  if (typeof stored !== 'object' || stored === null) {
    return result;
  }
  for (const id of PRINCIPLE_IDS) {
    const plans: unknown = (stored as Record<string, unknown>)[id];
    if (Array.isArray(plans)) {
      result[id] = plans.filter((plan): plan is string => typeof plan === 'string');
    }
  }
  return result;
}

export function principleProgress(read: readonly PrincipleId[], practice: Record<PrincipleId, readonly string[]>): PrincipleProgress[] {
  return PRINCIPLE_IDS.map((sectionId) => ({ sectionId, read: read.includes(sectionId), practised: practice[sectionId].length > 0 }));
}
