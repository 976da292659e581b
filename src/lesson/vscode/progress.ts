import * as vscode from 'vscode';
import type { PrincipleProgress } from '../messages';
import {
  type PrincipleId,
  principleOfSection,
  principleProgress,
  sanitizePracticeMap,
  sanitizePrincipleList,
} from '../progressCore';

const READ_KEY = 'collabCoach.progress.read';
const PRACTICE_KEY = 'collabCoach.progress.practice';

/**
 * Adapter: progress per principle. Created once at activation and shared by the lesson and plan
 * features, which load as separate chunks and must see the same store.
 */
export interface ProgressStore {
  principles(): PrincipleProgress[];
  markRead(sectionId: string): void;
  /** Records whether one plan document passes the checker for a principle. */
  setPractised(principle: PrincipleId, planKey: string, passes: boolean): void;
  /** The plans that count as practice for any principle. */
  practisedPlans(): string[];
  /** A plan that is gone no longer counts. */
  forgetPlan(planKey: string): void;
  /** A renamed plan keeps its practice under its new name. */
  renamePlan(oldKey: string, newKey: string): void;
  reset(): Promise<void>;
  readonly onDidChange: vscode.Event<void>;
}

export function createProgressStore(context: vscode.ExtensionContext): ProgressStore {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(changed);
  // Reading progress follows the user across machines (Settings Sync); practice belongs to this workspace.
  context.globalState.setKeysForSync([READ_KEY]);
  const read = (): PrincipleId[] => sanitizePrincipleList(context.globalState.get<unknown>(READ_KEY));
  const practice = (): Record<PrincipleId, string[]> => sanitizePracticeMap(context.workspaceState.get<unknown>(PRACTICE_KEY));
  const writePractice = (map: Record<PrincipleId, string[]>): void => {
    void context.workspaceState.update(PRACTICE_KEY, map).then(() => changed.fire());
  };

  return {
    principles: () => principleProgress(read(), practice()),
    markRead(sectionId) {
      const principle = principleOfSection(sectionId);
      const current = read();
      if (principle && !current.includes(principle)) {
        void context.globalState.update(READ_KEY, [...current, principle]).then(() => changed.fire());
      }
    },
    setPractised(principle, planKey, passes) {
      const current = practice();
      const plans = current[principle];
      const has = plans.includes(planKey);
      if (passes === has) {
        return;
      }
      current[principle] = passes ? [...plans, planKey] : plans.filter((plan) => plan !== planKey);
      writePractice(current);
    },
    practisedPlans() {
      return [...new Set(Object.values(practice()).flat())];
    },
    forgetPlan(planKey) {
      const current = practice();
      if (Object.values(current).some((plans) => plans.includes(planKey))) {
        for (const principle of Object.keys(current) as PrincipleId[]) {
          current[principle] = current[principle].filter((plan) => plan !== planKey);
        }
        writePractice(current);
      }
    },
    renamePlan(oldKey, newKey) {
      const current = practice();
      if (Object.values(current).some((plans) => plans.includes(oldKey))) {
        for (const principle of Object.keys(current) as PrincipleId[]) {
          current[principle] = [...new Set(current[principle].map((plan) => (plan === oldKey ? newKey : plan)))];
        }
        writePractice(current);
      }
    },
    async reset() {
      await context.globalState.update(READ_KEY, undefined);
      await context.workspaceState.update(PRACTICE_KEY, undefined);
      changed.fire();
    },
    onDidChange: changed.event,
  };
}
