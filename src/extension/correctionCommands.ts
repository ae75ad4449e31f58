// "Dossier: Merge With…", "Rename Entity…", "Change Type…", "Not an Entity", "Split Alias Off…":
// each writes one correction into `.dossier/aliases.json` and the index follows at once.
// Invoked on the entity under the cursor, from hover links ({ entityId }), from the Entities
// view (its node), or by scripts and tests with every answer given, e.g.
//   executeCommand('dossier.renameEntity', { entityId, name })
//   executeCommand('dossier.mergeWith', { entityId, otherEntityId })
//   executeCommand('dossier.changeType', { entityId, type })
//   executeCommand('dossier.notAnEntity', { entityId })
//   executeCommand('dossier.splitAlias', { entityId, alias })
//   executeCommand('dossier.confirmSameEntity', { entityId, otherEntityId })   (a merge)
//   executeCommand('dossier.dismissSameEntity', { entityId, otherEntityId })   (never suggested again)
// Each returns the corrections file as written, or undefined when nothing was written.
import * as vscode from 'vscode';
import { aliasKey } from '../core/aliasKey';
import { addCorrection, CorrectionsFile } from '../core/corrections';
import { mergeCandidateRank, type SameEntitySuggestion } from '../core/suggestions';
import { Entity, EntityType } from '../core/types';
import { entityUnderCursor, pickEntity } from './commands';
import { entitySurfaces, referenceName, WorkspaceCorrections } from './corrections';
import { plural } from './format';
import { WorkspaceIndex } from './workspaceIndex';

export interface CorrectionArgs {
  entityId?: string;
  /** renameEntity */
  name?: string;
  /** mergeWith */
  otherEntityId?: string;
  /** changeType */
  type?: EntityType;
  /** splitAlias */
  alias?: string;
}

const TYPES: { type: EntityType; label: string }[] = [
  { type: 'person', label: 'Person' },
  { type: 'organization', label: 'Organization' },
  { type: 'place', label: 'Place' },
];

/** Arguments from any caller: an id, { entityId, … }, an Entities-view node, or nothing. */
function argsOf(arg: unknown): CorrectionArgs {
  if (typeof arg === 'string') return { entityId: arg };
  if (!arg || typeof arg !== 'object') return {};
  const node = arg as { kind?: string; entity?: Entity; suggestion?: SameEntitySuggestion };
  if (node.entity && typeof node.entity.id === 'string') return { entityId: node.entity.id };
  if (node.suggestion) return { entityId: node.suggestion.a.id, otherEntityId: node.suggestion.b.id };
  return arg as CorrectionArgs;
}

function say(message: string): void {
  void vscode.window.setStatusBarMessage(`Dossier: ${message}`, 4000);
}

type Change = Parameters<typeof addCorrection>[1];

/**
 * For rename/retype: the entries about this entity (found by any of its names) go, and the new
 * one names the entity the way the old one did, so the file keeps one entry per entity.
 */
function replaceEntry(entity: Entity, list: 'rename' | 'retype', make: (name: string) => Change) {
  return (file: CorrectionsFile): CorrectionsFile => {
    const keys = new Set(entitySurfaces(entity).keys());
    const entries = (file[list] ?? []) as { entity?: unknown }[];
    const mine = (r: { entity?: unknown }) => typeof r?.entity === 'string' && keys.has(aliasKey(r.entity));
    const previous = entries.find(mine);
    const kept = file[list] ? { ...file, [list]: entries.filter((r) => !mine(r)) } : file;
    return addCorrection(kept, make(previous ? (previous.entity as string) : referenceName(entity)));
  };
}

export function registerCorrectionCommands(workspace: WorkspaceIndex, corrections: WorkspaceCorrections): vscode.Disposable[] {
  const target = async (args: CorrectionArgs, placeHolder: string): Promise<Entity | undefined> => {
    await workspace.whenReady();
    if (args.entityId) {
      const entity = workspace.index.entity(args.entityId);
      if (!entity) void vscode.window.showWarningMessage(`Dossier: no entity ${args.entityId} in the index (it may have changed); try again.`);
      return entity;
    }
    return entityUnderCursor(workspace) ?? (await pickEntity(workspace, placeHolder));
  };

  const write = async (entity: Entity, edit: (file: CorrectionsFile) => CorrectionsFile): Promise<CorrectionsFile | undefined> => {
    const folder = corrections.folderFor(entity);
    if (!folder) {
      void vscode.window.showErrorMessage('Dossier: corrections need an open folder (they are saved in .dossier/aliases.json).');
      return undefined;
    }
    return corrections.update(folder, edit);
  };

  /** The two entities of a suggestion (from its node, or ids), or the first suggestion picked. */
  const suggestedPair = async (args: CorrectionArgs): Promise<[Entity, Entity] | undefined> => {
    await workspace.whenReady();
    if (args.entityId && args.otherEntityId) {
      const a = workspace.index.entity(args.entityId);
      const b = workspace.index.entity(args.otherEntityId);
      if (!a || !b) throw new Error('those entities are no longer in the index (it may have changed); try again');
      return [a, b];
    }
    const suggestions = workspace.index.sameEntitySuggestions();
    if (!suggestions.length) {
      void vscode.window.showInformationMessage('Dossier: no possible same entities to review.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      suggestions.map((s) => ({ label: `${s.a.name} ↔ ${s.b.name}`, description: `${Math.round(s.confidence * 100)}%`, detail: s.evidence.join('; '), s })),
      { title: 'Possible same entity', placeHolder: 'Which pair?' },
    );
    return picked ? [picked.s.a, picked.s.b] : undefined;
  };

  /** Confirms (a merge) or dismisses a possible same entity. */
  const reviewPair = async (args: CorrectionArgs, kind: 'merge' | 'dismiss', outcome: string): Promise<CorrectionsFile | undefined> => {
    const pair = await suggestedPair(args);
    if (!pair) return undefined;
    const [entity, other] = pair;
    const names: [string, string] = [referenceName(entity), referenceName(other)];
    const file = await write(entity, (f) => addCorrection(f, kind === 'merge' ? { kind: 'merge', names } : { kind: 'dismiss', names }));
    if (file) say(`${entity.name} and ${other.name} ${outcome}`);
    return file;
  };

  const register = (id: string, run: (args: CorrectionArgs) => Promise<CorrectionsFile | undefined>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        const file = await run(argsOf(arg));
        // The command is done when what it changed shows: the index's next snapshot is in.
        await workspace.whenCurrent();
        return file;
      } catch (e) {
        workspace.log.error(`${id} failed: ${(e as Error).stack ?? e}`);
        void vscode.window.showErrorMessage(`Dossier: ${(e as Error).message}`);
        return undefined;
      }
    });

  return [
    register('dossier.renameEntity', async (args) => {
      const entity = await target(args, 'Rename which entity?');
      if (!entity) return undefined;
      const name =
        args.name ??
        (await vscode.window.showInputBox({
          title: `Rename ${entity.name}`,
          prompt: 'The name Dossier shows for this entity everywhere (saved in .dossier/aliases.json)',
          value: entity.name,
          validateInput: (v) => (v.trim() ? undefined : 'A name cannot be empty'),
        }));
      if (!name?.trim() || name.trim() === entity.name) return undefined;
      const file = await write(entity, replaceEntry(entity, 'rename', (ref) => ({ kind: 'rename', entity: ref, name: name.trim() })));
      if (file) say(`${entity.name} is now called ${name.trim()}`);
      return file;
    }),

    register('dossier.changeType', async (args) => {
      const entity = await target(args, 'Change the type of which entity?');
      if (!entity) return undefined;
      let type = args.type;
      if (type === undefined) {
        const picked = await vscode.window.showQuickPick(
          TYPES.map((t) => ({ ...t, description: t.type === entity.type ? 'current' : undefined })),
          { title: `${entity.name} is a…`, placeHolder: 'person, organization or place' },
        );
        type = picked?.type;
      }
      if (!type) return undefined;
      if (!TYPES.some((t) => t.type === type)) throw new Error(`"${type}" is not a type (person, organization or place)`);
      const chosen = type;
      const file = await write(entity, replaceEntry(entity, 'retype', (ref) => ({ kind: 'retype', entity: ref, type: chosen })));
      if (file) say(`${entity.name} is now a ${type}`);
      return file;
    }),

    register('dossier.mergeWith', async (args) => {
      const entity = await target(args, 'Merge which entity?');
      if (!entity) return undefined;
      let other: Entity | undefined;
      if (args.otherEntityId) {
        other = workspace.index.entity(args.otherEntityId);
        if (!other) throw new Error(`no entity ${args.otherEntityId} in the index`);
      } else {
        // Same type and overlapping names first: the likely partners.
        other = await pickEntity(workspace, `Merge ${entity.name} with…`, entity.id, (e) => mergeCandidateRank(entity, e));
      }
      if (!other || other.id === entity.id) return undefined;
      const names = [referenceName(entity), referenceName(other)];
      const file = await write(entity, (f) => addCorrection(f, { kind: 'merge', names }));
      if (file) say(`${entity.name} and ${other.name} are now one entity`);
      return file;
    }),

    register('dossier.confirmSameEntity', (args) => reviewPair(args, 'merge', 'are now one entity')),
    register('dossier.dismissSameEntity', (args) => reviewPair(args, 'dismiss', 'will not be suggested again')),

    register('dossier.notAnEntity', async (args) => {
      const entity = await target(args, 'Which name is not a person, organization or place?');
      if (!entity) return undefined;
      // Every way it is written goes: the entity disappears, not just one spelling of it.
      const names = [...entitySurfaces(entity).values()];
      const file = await write(entity, (f) => names.reduce((acc, name) => addCorrection(acc, { kind: 'ignore', name }), f));
      if (file) say(`${entity.name} is no longer an entity (${plural(names.length, 'name')} ignored)`);
      return file;
    }),

    register('dossier.splitAlias', async (args) => {
      const entity = await target(args, 'Split an alias off which entity?');
      if (!entity) return undefined;
      const surfaces = entitySurfaces(entity);
      const own = aliasKey(referenceName(entity));
      // Only a name with its own alias key can stand alone ("Nicolas Maduro" is "Nicolás Maduro").
      const splittable = [...surfaces.entries()].filter(([key]) => key !== own);
      let alias = args.alias;
      if (alias === undefined) {
        if (!splittable.length) {
          void vscode.window.showInformationMessage(`Dossier: every name of ${entity.name} is a spelling of the same name; nothing to split off.`);
          return undefined;
        }
        const picked = await vscode.window.showQuickPick(
          splittable.map(([key, surface]) => ({
            label: surface,
            description: plural(entity.mentions.filter((m) => aliasKey(m.text) === key).length, 'mention'),
          })),
          { title: `Split off from ${entity.name}`, placeHolder: 'This name becomes an entity of its own' },
        );
        alias = picked?.label;
      }
      if (!alias?.trim()) return undefined;
      const key = aliasKey(alias);
      const name = alias.trim();
      // A merge that joined this name would keep it joined: take it out of those groups.
      const file = await write(entity, (f) => {
        const merge = f.merge
          ?.map((group) => (Array.isArray(group) ? group.filter((n) => typeof n !== 'string' || aliasKey(n) !== key) : group))
          .filter((group) => !Array.isArray(group) || group.length >= 2);
        return addCorrection(merge ? { ...f, merge } : f, { kind: 'split', name });
      });
      if (file) say(`${alias.trim()} is now an entity of its own`);
      return file;
    }),
  ];
}
