// F12 / Shift+F12 with the team index: the stored documents' mentions join the local ones (VS Code
// merges the answers of every definition and reference provider). A stored document the workspace
// has on disk opens from disk; any other opens read-only as a `dossier:` document.
import * as vscode from 'vscode';
import { TeamLocation } from '../../core/db';
import { TeamAnswers } from './answers';

/** Line and character of a UTF-16 offset, from the document's line starts. */
function positionOf(lineStarts: number[], offset: number): vscode.Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - (lineStarts[lo] ?? 0));
}

function toLocations(answers: TeamAnswers, found: TeamLocation[] | undefined): vscode.Location[] {
  return (found ?? []).map((l) => new vscode.Location(answers.uriOf(l.path), new vscode.Range(positionOf(l.lineStarts, l.start), positionOf(l.lineStarts, l.end))));
}

async function teamLocationsAt(answers: TeamAnswers, document: vscode.TextDocument, position: vscode.Position, firstOnly: boolean): Promise<vscode.Location[] | undefined> {
  const corpus = answers.connection.corpus;
  const target = corpus ? await answers.targetAt(document, position) : undefined;
  if (!corpus || !target) return undefined;
  return toLocations(answers, await answers.locations(document, target, firstOnly));
}

export function registerTeamNavigation(answers: TeamAnswers, selector: vscode.DocumentSelector): vscode.Disposable[] {
  return [
    vscode.languages.registerDefinitionProvider(selector, {
      provideDefinition: (document, position) => teamLocationsAt(answers, document, position, true),
    }),
    vscode.languages.registerReferenceProvider(selector, {
      provideReferences: (document, position) => teamLocationsAt(answers, document, position, false),
    }),
  ];
}
