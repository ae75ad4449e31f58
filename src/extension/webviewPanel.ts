// What the Dossier webview panels share: one panel per kind, HTML under a strict Content-Security-
// Policy (scripts only from the bundle, with a nonce), typed messages, and opening sources beside.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

export interface PanelSpec {
  viewType: string;
  title: string;
  /** The bundle under dist/webviews/ (esbuild.js): `<script>.js`. */
  script: string;
  /** The controls and canvas of the page, without scripts. */
  body: string;
}

/** The page of a webview: the shared stylesheet, the body, the bundle; nothing else may load. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, spec: PanelSpec): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webviews', file));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('webview.css')}">
<title>${spec.title}</title>
</head>
<body>
${spec.body}
<script nonce="${nonce}" src="${asset(`${spec.script}.js`)}"></script>
</body>
</html>`;
}

/**
 * One panel of a kind at a time: `show` reveals it or creates it. `ToWebview`/`FromWebview` are
 * the message types of the webview's protocol (src/webviews/<name>/protocol.ts).
 */
export class SinglePanel<ToWebview, FromWebview> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly spec: PanelSpec,
    private readonly onMessage: (message: FromWebview) => void | Promise<void>,
  ) {}

  get visible(): boolean {
    return !!this.panel?.visible;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel?.viewColumn;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(this.spec.viewType, this.spec.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webviews')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'dossier.svg');
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, this.spec);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m));
    panel.onDidDispose(() => (this.panel = undefined));
    this.panel = panel;
  }

  post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  /** Opens a source in the other editor group, so the panel stays in view. */
  async showBeside(uri: vscode.Uri, selection: vscode.Range): Promise<void> {
    const viewColumn = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(uri, { viewColumn, selection, preview: true });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
