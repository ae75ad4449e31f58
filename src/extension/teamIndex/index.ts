// The editor reads the team index (issue 13, docs/TEAM-INDEX.md): with `dossier.database.url` (or
// DOSSIER_DATABASE_URL) set, hovers, F12 and Shift+F12 add the corpus's documents the workspace
// lacks, which open read-only as `dossier:` documents; corrections go to the team index and the
// team's apply here; the Team Index view lists the corpus's entities; Next/Previous Source and the
// Timeline add its documents too. Without the setting, nothing here talks to anything.
import * as vscode from 'vscode';
import { WorkspaceCorrections } from '../corrections';
import { TeamTimelineSource } from '../timelineView';
import { WorkspaceIndex } from '../workspaceIndex';
import { TeamAnswers } from './answers';
import { setPassword, TeamIndexConnection } from './connection';
import { TeamCorrections } from './corrections';
import { registerTeamDocuments, TEAM_SCHEME } from './documents';
import { registerTeamEntitiesView, TeamEntitiesProvider } from './entitiesView';
import { TeamHoverProvider } from './hover';
import { registerTeamNavigation } from './navigation';
import { teamTimelineSource } from './timeline';

export { TeamIndexConnection } from './connection';
export { teamPathOf, teamUri, TEAM_SCHEME } from './documents';

/** For the extension's API (and its tests). */
export interface TeamIndex {
  connection: TeamIndexConnection;
  answers: TeamAnswers;
  corrections: TeamCorrections;
  view: TeamEntitiesProvider;
  /** The Timeline's "Team index" section (extension.ts hands it to the Timeline). */
  timeline: TeamTimelineSource;
}

/** Workspace documents on disk and the team index's read-only ones. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: TEAM_SCHEME }];

export function registerTeamIndex(context: vscode.ExtensionContext, workspace: WorkspaceIndex, corrections: WorkspaceCorrections): { team: TeamIndex; disposables: vscode.Disposable[] } {
  const connection = new TeamIndexConnection(context.secrets, workspace.log);
  const answers = new TeamAnswers(connection, workspace);
  const teamCorrections = new TeamCorrections(connection, corrections, workspace.log);
  const view = registerTeamEntitiesView(answers);
  void connection.configure();
  return {
    team: { connection, answers, corrections: teamCorrections, view: view.provider, timeline: teamTimelineSource(answers) },
    disposables: [
      connection,
      answers,
      teamCorrections,
      ...registerTeamDocuments(connection),
      vscode.languages.registerHoverProvider(SELECTOR, new TeamHoverProvider(answers)),
      ...registerTeamNavigation(answers, SELECTOR),
      ...view.disposables,
      vscode.commands.registerCommand('dossier.setTeamIndexPassword', () => setPassword(context.secrets)),
    ],
  };
}
