// The webview side of the message channel, typed by each webview's protocol.

interface VsCodeApi<Out, State> {
  postMessage(message: Out): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<Out, State>(): VsCodeApi<Out, State>;

export function connect<In, Out, State>(onMessage: (message: In) => void): VsCodeApi<Out, State> {
  const api = acquireVsCodeApi<Out, State>();
  window.addEventListener('message', (e: MessageEvent<In>) => onMessage(e.data));
  return api;
}

/** A theme colour of the workbench (`--vscode-…` CSS variable), or the fallback. */
export function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(`--vscode-${name}`).trim() || fallback;
}

type EntityKind = 'person' | 'organization' | 'place';
/** The defaults of the `dossier.<type>Foreground` colours (package.json), for a theme that sets none. */
const ENTITY_FALLBACK: Record<EntityKind, string> = { person: '#C586C0', organization: '#4EC9B0', place: '#DCDCAA' };

/** The theme's colour of an entity type, as the editor colours its mentions. */
export function entityColour(type: EntityKind): string {
  return themeColour(`dossier-${type}Foreground`, ENTITY_FALLBACK[type]);
}

/** Calls back when the user switches colour theme (VS Code changes the body's classes and styles). */
export function onThemeChange(callback: () => void): void {
  new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Marks where a test or an assistive tool can click: a point in the container's pixels, on the body. */
export function markClickTarget(name: string, x: number, y: number): void {
  document.body.dataset[name] = JSON.stringify({ x: Math.round(x), y: Math.round(y) });
}
