/**
 * Read-only text that still has a caret.
 *
 * A participant may comment on a passage but not change the text. With ProseMirror's
 * `editable: false` the text is not contenteditable, so the browser offers no caret and
 * Shift+arrows select nothing: a keyboard user could never choose a passage. So the
 * text stays contenteditable and this guard blocks every change that does not come
 * from the shared document (a colleague's edit arriving through Yjs):
 * - `beforeinput` is cancelled, so typing, deleting and pasting never touch the DOM;
 * - paste and drop are swallowed before ProseMirror turns them into a transaction;
 * - any other local transaction that would change the document (shortcuts such as
 *   Ctrl+B, Enter, an IME composition that cannot be cancelled) is filtered out, and
 *   ProseMirror then redraws the text it had, so the screen never shows a change that
 *   was not made. The server refuses such writes anyway; this keeps the UI honest.
 */
import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';

export interface ReadOnlyGuardOptions {
	/** Is the text locked right now? Asked on every event, so rights can change live. */
	locked: () => boolean;
	/**
	 * Tab in a list item indents, which a reader cannot do: the command is refused but still
	 * swallows the key. In locked text Tab moves focus on instead (true when it did).
	 */
	onTab: (forward: boolean) => boolean;
}

export const ReadOnlyGuard = Extension.create<ReadOnlyGuardOptions>({
	name: 'tafelReadOnlyGuard',
	// Before every other plugin: nothing else may see a key press that would edit.
	priority: 10_000,
	addOptions: () => ({ locked: () => false, onTab: () => false }),
	addProseMirrorPlugins() {
		const locked = () => this.options.locked();
		return [
			new Plugin({
				key: new PluginKey('tafelReadOnlyGuard'),
				filterTransaction: (tr) => !locked() || !tr.docChanged || isChangeOrigin(tr),
				props: {
					handleKeyDown: (_view, event) => {
						if (!locked() || event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return false;
						return this.options.onTab(!event.shiftKey);
					},
					handlePaste: () => locked(),
					handleDrop: () => locked(),
					handleTextInput: () => locked(),
					handleDOMEvents: {
						beforeinput: (_view, event) => {
							if (!locked()) return false;
							event.preventDefault();
							return true;
						}
					}
				}
			})
		];
	}
});
