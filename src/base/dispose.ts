/**
 * The one disposable base every adapter builds on (pure: no 'vscode', so the pure cores may use it
 * too). A unit registers what it creates with `_register`; disposing the unit disposes those in
 * reverse order, once, and anything registered afterwards is disposed at once.
 */
export interface IDisposable {
  dispose(): unknown;
}

/** Disposes every item, continuing past failures; the first failure is rethrown at the end. */
export function disposeAll(items: Iterable<IDisposable>): void {
  let firstError: unknown;
  let failed = false;
  for (const item of items) {
    try {
      item.dispose();
    } catch (error) {
      if (!failed) {
        firstError = error;
        failed = true;
      }
    }
  }
  if (failed) {
    throw firstError;
  }
}

export abstract class Disposable implements IDisposable {
  private _isDisposed = false;
  private readonly _disposables: IDisposable[] = [];

  public dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    disposeAll(this._disposables.splice(0).reverse());
  }

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  protected _register<T extends IDisposable>(value: T): T {
    if (this._isDisposed) {
      value.dispose();
    } else {
      this._disposables.push(value);
    }
    return value;
  }
}

/** A disposable from a callback. */
export function toDisposable(dispose: () => void): IDisposable {
  let done = false;
  return {
    dispose: () => {
      if (!done) {
        done = true;
        dispose();
      }
    },
  };
}
