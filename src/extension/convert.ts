// The one place where core types (plain positions, string paths) become vscode types and back.
// Index keys are `uri.toString()`: opaque to the core, exact for every file system VS Code serves.
import * as vscode from 'vscode';
import { EntityType, MentionRef, Position } from '../core/types';

export function toKey(uri: vscode.Uri): string {
  return uri.toString();
}

export function toUri(key: string): vscode.Uri {
  return vscode.Uri.parse(key);
}

export function toVsPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

export function fromVsPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

export function toVsRange(r: { start: Position; end: Position }): vscode.Range {
  return new vscode.Range(toVsPosition(r.start), toVsPosition(r.end));
}

export function toLocation(ref: { path: string; range: { start: Position; end: Position } }): vscode.Location {
  return new vscode.Location(toUri(ref.path), toVsRange(ref.range));
}

export function mentionToLocation(ref: MentionRef): vscode.Location {
  return toLocation(ref);
}

/** Short name of a document for lists and hovers: its file name. */
export function documentLabel(key: string): string {
  const uri = toUri(key);
  const slash = uri.path.lastIndexOf('/');
  return uri.path.slice(slash + 1);
}

/** Workspace-relative `/` path of an index key (used by exports). */
export function relativePath(key: string): string {
  return vscode.workspace.asRelativePath(toUri(key), false);
}

const SYMBOL_KINDS: Record<EntityType, vscode.SymbolKind> = {
  person: vscode.SymbolKind.Object,
  organization: vscode.SymbolKind.Namespace,
  place: vscode.SymbolKind.Field,
};

export function symbolKind(type: EntityType): vscode.SymbolKind {
  return SYMBOL_KINDS[type];
}

const TYPE_ICONS: Record<EntityType, string> = {
  person: 'person',
  organization: 'organization',
  place: 'location',
};

/** Codicon id for an entity type (for `$(id)` in markdown). */
export function entityIconId(type: EntityType): string {
  return TYPE_ICONS[type];
}

export function entityIcon(type: EntityType): vscode.ThemeIcon {
  return new vscode.ThemeIcon(TYPE_ICONS[type], new vscode.ThemeColor(`dossier.${type}Foreground`));
}

/** Arguments of the `dossier.openMention` command: everything JSON-safe, for command links. */
export interface OpenMentionArgs {
  key: string;
  start: Position;
  end: Position;
}

export function openMentionArgs(ref: { path: string; range: { start: Position; end: Position } }): OpenMentionArgs {
  return { key: ref.path, start: ref.range.start, end: ref.range.end };
}

/** A `command:` link for markdown hovers. */
export function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
