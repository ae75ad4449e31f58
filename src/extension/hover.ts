// Hover on an entity (who it is, where else it appears) or on a date (what day, how we know, who
// else reports it). Links in the hover run Dossier commands with JSON-safe arguments.
import * as vscode from 'vscode';
import { DateMention, Entity, MentionRef } from '../core/types';
import { commandLink, documentLabel, entityIconId, openMentionArgs, toVsRange } from './convert';
import { couldAlsoBe, documentDate, escapeMarkdown, longDate, plural, snippetAround, snippetMarkdown } from './format';
import { WorkspaceIndex } from './workspaceIndex';

/** The corrections a hover offers on an entity (each writes .dossier/aliases.json). */
const CORRECTION_LINKS: { command: string; label: string; title: string }[] = [
  { command: 'dossier.renameEntity', label: 'Rename…', title: 'Choose the name shown for this entity' },
  { command: 'dossier.mergeWith', label: 'Merge with…', title: 'The same entity as another one' },
  { command: 'dossier.changeType', label: 'Change type…', title: 'Person, organization or place' },
  { command: 'dossier.splitAlias', label: 'Split alias off…', title: 'One of its names is someone or something else' },
  { command: 'dossier.notAnEntity', label: 'Not an entity', title: 'Ignore this name everywhere' },
];

const TRUSTED_COMMANDS = [
  'dossier.openMention',
  'dossier.showReferences',
  'dossier.showOnTimeline',
  'dossier.revealInTimeline',
  ...CORRECTION_LINKS.map((l) => l.command),
];

export class DossierHoverProvider implements vscode.HoverProvider {
  constructor(private readonly workspace: WorkspaceIndex) {}

  private get maxSources(): number {
    return Math.max(1, vscode.workspace.getConfiguration('dossier').get<number>('hover.maxSources') ?? 8);
  }

  /**
   * Answers at once from the index's snapshot, even while indexing runs: then the hover says how
   * far indexing got, and on a name the snapshot does not know yet, says only that.
   */
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.workspace.lookupAt(document, position);
    const busy = this.workspace.busyNote();
    let hover: vscode.Hover | undefined;
    if (found?.entity) hover = this.entityHover(found.key, found.entity.entity, found.entity.mention);
    else if (found?.date) hover = this.dateHover(found.key, found.date);
    if (!busy) return hover;
    const note = `$(sync~spin) Dossier: ${busy}…`;
    if (hover) {
      hover.contents.push(new vscode.MarkdownString(`${note} (counts may change)`, true));
      return hover;
    }
    // Nothing known here yet: a name (or a document) still on its way.
    const word = document.getWordRangeAtPosition(position);
    return word ? new vscode.Hover(new vscode.MarkdownString(note, true), word) : undefined;
  }

  private markdown(): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: TRUSTED_COMMANDS };
    return md;
  }

  private sourceLine(path: string, start: number, end: number, ref: Parameters<typeof openMentionArgs>[0]): string {
    const index = this.workspace.index;
    const link = commandLink('dossier.openMention', [openMentionArgs(ref)]);
    const snippet = snippetMarkdown(snippetAround(index, path, start, end, 110));
    return `- [${escapeMarkdown(documentLabel(path))}](${link} "Open at this mention") · ${escapeMarkdown(documentDate(index, path))} — ${snippet}`;
  }

  private entityHover(path: string, entity: Entity, mention: MentionRef): vscode.Hover {
    const index = this.workspace.index;
    const md = this.markdown();
    md.appendMarkdown(`$(${entityIconId(entity.type)}) **${escapeMarkdown(entity.name)}** · ${entity.type}\n\n`);
    if (entity.aliases.length) {
      md.appendMarkdown(`Also written: ${entity.aliases.map((a) => `*${escapeMarkdown(a)}*`).join(', ')}\n\n`);
    }
    // Only a short form can be someone else: "Blair" could be Cherie Blair, "Tony Blair" cannot.
    if (entity.ambiguousWith?.length && !mention.text.trim().includes(' ')) {
      md.appendMarkdown(`⚠ "${escapeMarkdown(mention.text)}" could also be: ${couldAlsoBe(entity.ambiguousWith)}\n\n`);
    }
    // The actions sit next to the counts, so they stay visible however long the source list gets.
    const refs = commandLink('dossier.showReferences', [entity.id]);
    const timeline = commandLink('dossier.showOnTimeline', [entity.id]);
    md.appendMarkdown(
      `${plural(entity.mentionCount, 'mention')} in ${plural(entity.documents.length, 'document')} · ` +
        `[Show all references](${refs}) · [Show on timeline](${timeline})\n\n`,
    );

    const others = index.firstMentionPerDocument(entity.id).filter((m) => m.path !== path);
    if (others.length) {
      md.appendMarkdown(`**Other sources**\n\n`);
      for (const ref of others.slice(0, this.maxSources)) {
        md.appendMarkdown(this.sourceLine(ref.path, ref.start, ref.end, ref) + '\n');
      }
      if (others.length > this.maxSources) md.appendMarkdown(`- … and ${others.length - this.maxSources} more\n`);
      md.appendMarkdown('\n');
    }
    const co = index.coMentions(entity.id, 5);
    if (co.length) {
      md.appendMarkdown(`**Often with:** ${co.map((c) => `${escapeMarkdown(c.entity.name)} (${c.count})`).join(', ')}\n\n`);
    }
    const correct = CORRECTION_LINKS.filter((l) => l.command !== 'dossier.splitAlias' || entity.aliases.length > 0).map(
      (l) => `[${l.label}](${commandLink(l.command, [{ entityId: entity.id }])} "${l.title}")`,
    );
    md.appendMarkdown(`Correct: ${correct.join(' · ')}\n\n`);
    return new vscode.Hover(md, toVsRange(mention.range));
  }

  private dateHover(path: string, date: DateMention): vscode.Hover {
    const index = this.workspace.index;
    const md = this.markdown();
    const range = toVsRange({ start: index.positionAt(path, date.start), end: index.positionAt(path, date.end) });
    if (!date.value) {
      md.appendMarkdown(`$(calendar) **${escapeMarkdown(date.text)}** · unresolved\n\n${escapeMarkdown(date.how)}`);
      return new vscode.Hover(md, range);
    }
    md.appendMarkdown(`$(calendar) **${escapeMarkdown(longDate(date.value, date.granularity))}** · ${date.granularity ?? 'date'} · \`${date.value}\`\n\n`);
    md.appendMarkdown(`${escapeMarkdown(date.how)}\n\n`);
    const same = index.sameDateMentions(date.value).filter((d) => d.path !== path);
    const firstPerDoc = new Map<string, (typeof same)[number]>();
    for (const d of same) if (!firstPerDoc.has(d.path)) firstPerDoc.set(d.path, d);
    const others = [...firstPerDoc.values()];
    if (others.length) {
      const what = `this ${date.granularity ?? 'date'}`;
      md.appendMarkdown(`**Also on ${what}** (${plural(others.length, 'other document')})\n\n`);
      for (const d of others.slice(0, this.maxSources)) {
        md.appendMarkdown(this.sourceLine(d.path, d.mention.start, d.mention.end, d) + '\n');
      }
      if (others.length > this.maxSources) md.appendMarkdown(`- … and ${others.length - this.maxSources} more\n`);
      md.appendMarkdown('\n');
    } else {
      md.appendMarkdown('No other document mentions this date.\n\n');
    }
    md.appendMarkdown(`[Reveal in timeline](${commandLink('dossier.revealInTimeline', [{ key: path, offset: date.start }])})`);
    return new vscode.Hover(md, range);
  }
}

export function registerHover(workspace: WorkspaceIndex, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, new DossierHoverProvider(workspace));
}
