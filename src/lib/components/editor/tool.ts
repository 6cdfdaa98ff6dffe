/** One action of the editor toolbar, shown as a button or, on a narrow editor, as a menu item. */
export interface Tool {
	id: string;
	label: string;
	keys: string;
	pressed?: boolean;
	disabled?: boolean;
	expanded?: boolean;
	run: () => void;
	/** Starts a new visual group. */
	group?: boolean;
}

/** What stays in the row on a narrow editor; the rest goes into the "Meer" menu. */
export const PRIMARY_TOOLS = new Set(['bold', 'italic', 'link', 'bullets', 'numbers', 'comment']);

/** Tools drawn as an icon (with their name kept as hidden text) once the text labels do not fit. */
export const ICON_TOOLS = new Set(['bold', 'italic', 'link', 'bullets', 'numbers', 'undo', 'redo', 'comment']);
