// The team index's part of a hover: on a document of the workspace, the sources only the team index
// holds (VS Code shows it under Dossier's local hover); inside a `dossier:` document, the whole
// answer (what the name is, its sources), since no local hover knows that document.
import * as vscode from 'vscode';
import { TeamAnswer, TeamSource, TeamTarget } from '../../core/db';
import { commandLink, entityIconId } from '../convert';
import { escapeMarkdown, longDate, oneLine, plural } from '../format';
import { TeamAnswers } from './answers';
import { OpenTeamDocumentArgs, teamPathOf } from './documents';

/** Characters of context either side of a mention in a source line. */
const SNIPPET_SIDE = 55;

function sourceLine(corpus: string, s: TeamSource): string {
  const args: OpenTeamDocumentArgs = { corpus, path: s.path, start: s.start, end: s.end };
  const label = s.path.slice(s.path.lastIndexOf('/') + 1);
  const date = s.published ? (s.dateSource === 'inferred' || s.dateSource === 'default' ? `~${s.published}` : s.published) : 'undated';
  const before = oneLine(s.before).slice(-SNIPPET_SIDE);
  const after = oneLine(s.after).slice(0, SNIPPET_SIDE);
  const snippet = `${before.length === SNIPPET_SIDE ? '…' : ''}${escapeMarkdown(before)}**${escapeMarkdown(oneLine(s.match))}**${escapeMarkdown(after)}${after.length === SNIPPET_SIDE ? '…' : ''}`;
  return `- [${escapeMarkdown(label)}](${commandLink('dossier.openTeamDocument', [args])} "${escapeMarkdown(s.path)} (team index, read-only)") · ${date} — ${snippet}`;
}

/** The hover's markdown for an answer; `whole`: also say what the name is (inside a `dossier:` document). */
export function teamHoverMarkdown(corpus: string, target: TeamTarget, answer: TeamAnswer, whole: boolean, maxSources: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: ['dossier.openTeamDocument'] };
  const e = answer.entity;
  if (whole && e) md.appendMarkdown(`$(${entityIconId(e.type)}) **${escapeMarkdown(e.name)}** · ${e.type}\n\n`);
  if (whole && target.kind === 'date') md.appendMarkdown(`$(calendar) **${escapeMarkdown(longDate(target.value))}** · \`${target.value}\`\n\n`);
  const where = whole ? 'other documents' : 'only in the team index';
  const head = e
    ? `$(database) **Team index** ("${escapeMarkdown(corpus)}"): ${plural(e.mentionCount, 'mention')} in ${plural(e.documents, 'document')}`
    : `$(database) **Team index** ("${escapeMarkdown(corpus)}")`;
  md.appendMarkdown(`${head}; ${answer.sources.length ? `${where}:` : `no ${where}`}\n\n`);
  for (const s of answer.sources.slice(0, maxSources)) md.appendMarkdown(sourceLine(corpus, s) + '\n');
  if (answer.more) md.appendMarkdown(`- … and more (F12 lists them)\n`);
  return md;
}

export class TeamHoverProvider implements vscode.HoverProvider {
  constructor(private readonly answers: TeamAnswers) {}

  private get maxSources(): number {
    return Math.max(1, vscode.workspace.getConfiguration('dossier').get<number>('hover.maxSources') ?? 8);
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const corpus = this.answers.connection.corpus;
    const target = corpus ? await this.answers.targetAt(document, position) : undefined;
    if (!corpus || !target) return undefined;
    const answer = await this.answers.sources(document, target, this.maxSources);
    const whole = !!teamPathOf(document.uri);
    // On a workspace document, nothing to add when the team index has no other document.
    if (!answer || (!whole && answer.sources.length === 0)) return undefined;
    return new vscode.Hover(teamHoverMarkdown(corpus, target, answer, whole, this.maxSources));
  }
}
