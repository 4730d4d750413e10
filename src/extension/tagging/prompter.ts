/**
 * The questions the tagging commands ask, behind an interface: the editor answers them with quick
 * picks and input boxes; integration tests inject scripted answers (`api.setPrompter`) instead of
 * driving the UI. `undefined` means the user escaped: the command writes nothing.
 */
import * as vscode from 'vscode';

export interface PickItem {
  /** What `pick` returns for this item. */
  id: string;
  label: string;
  description?: string;
  detail?: string;
  /** A group heading, not choosable. */
  separator?: boolean;
  /** Shown whatever is typed (e.g. "New actor…"). */
  alwaysShow?: boolean;
}

export interface PickRequest {
  /** Stable name of the question ("actor", "commitment", "stance", "field:location", …): scripts answer by it. */
  step: string;
  title: string;
  placeholder: string;
  items: PickItem[];
  /** The item highlighted at first (the current value when editing). */
  activeId?: string;
}

export interface InputRequest {
  step: string;
  title: string;
  prompt: string;
  value?: string;
  placeholder?: string;
  /** A message while the text is not acceptable; accepting is blocked until it is. */
  validate?: (text: string) => string | undefined;
}

export interface Prompter {
  pick(request: PickRequest): Promise<string | undefined>;
  input(request: InputRequest): Promise<string | undefined>;
}

/** The real questions: one quick pick or input box at a time; Escape or focus loss resolves undefined. */
export class QuickInputPrompter implements Prompter {
  pick(request: PickRequest): Promise<string | undefined> {
    return new Promise((resolve) => {
      const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { id?: string }>();
      qp.title = request.title;
      qp.placeholder = request.placeholder;
      // Typing searches ids (description) and aliases or descriptions (detail) as well as labels.
      qp.matchOnDescription = true;
      qp.matchOnDetail = true;
      const items = request.items.map((i) =>
        i.separator
          ? { label: i.label, kind: vscode.QuickPickItemKind.Separator }
          : { id: i.id, label: i.label, description: i.description, detail: i.detail, alwaysShow: i.alwaysShow },
      );
      qp.items = items;
      const active = items.find((i) => i.id !== undefined && i.id === request.activeId);
      if (active) qp.activeItems = [active];
      let done = false;
      const finish = (value: string | undefined) => {
        if (done) return;
        done = true;
        resolve(value);
        qp.dispose();
      };
      qp.onDidAccept(() => finish(qp.selectedItems[0]?.id ?? qp.activeItems[0]?.id));
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
  }

  input(request: InputRequest): Promise<string | undefined> {
    return new Promise((resolve) => {
      const box = vscode.window.createInputBox();
      box.title = request.title;
      box.prompt = request.prompt;
      box.placeholder = request.placeholder;
      box.value = request.value ?? '';
      if (request.value) box.valueSelection = [0, request.value.length];
      const check = (text: string) => {
        box.validationMessage = request.validate?.(text);
        return box.validationMessage === undefined;
      };
      let done = false;
      const finish = (value: string | undefined) => {
        if (done) return;
        done = true;
        resolve(value);
        box.dispose();
      };
      box.onDidChangeValue(check);
      if (request.value) check(request.value);
      box.onDidAccept(() => {
        if (check(box.value)) finish(box.value);
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  }
}
