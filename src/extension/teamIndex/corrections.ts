// Corrections and the team index: what a correction command writes into `.dossier/aliases.json` is
// recorded in the team index too (a role with INSERT on `corrections`, docs/TEAM-INDEX.md), and
// the team's stored corrections apply to the local index beside the folder's own file. They are
// read again on (re)connecting, after each write and every minute, so teammates' ones arrive.
import * as vscode from 'vscode';
import { addedCorrections, correctionsFile, existingCorpus, recordCorrections } from '../../core/db';
import { parseCorrections } from '../../core/corrections';
import { WorkspaceCorrections } from '../corrections';
import { TeamIndexConnection, TeamIndexError } from './connection';

const REFRESH_MS = 60_000;

/** SQLSTATE insufficient_privilege: the role may read the team index but not correct it. */
const READ_ONLY = '42501';

export class TeamCorrections implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readOnlyNoticeShown = false;
  /** The stored corrections as last applied (JSON), so an unchanged read applies nothing. */
  private applied: string | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: TeamIndexConnection,
    private readonly corrections: WorkspaceCorrections,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      connection.onDidChange(() => {
        if (connection.state === 'online') void this.refresh();
        else if (connection.state === 'off' || connection.state === 'unusable') this.apply(undefined);
      }),
      corrections.onDidWrite(({ before, after }) => void this.record(addedCorrections(before, after))),
    );
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  /** Resolves when the writes and reads started so far are done (tests wait on it). */
  whenSettled(): Promise<void> {
    return this.pending;
  }

  private queue(work: () => Promise<void>): Promise<void> {
    this.pending = this.pending.then(work, work);
    return this.pending;
  }

  /** Reads the team's corrections and applies them when they changed. */
  refresh(): Promise<void> {
    return this.queue(async () => {
      const file = await this.connection.ask('reading corrections', async (db, corpus) => correctionsFile(db, (await existingCorpus(db, corpus)).id));
      if (file) this.apply(JSON.stringify(file));
    });
  }

  private apply(json: string | undefined): void {
    if (json === this.applied) return;
    this.applied = json;
    if (json === undefined) {
      this.corrections.setShared(undefined);
      return;
    }
    const { corrections, problems } = parseCorrections(json);
    for (const p of problems) this.log.warn(`Team index corrections: ${p}`);
    this.corrections.setShared(corrections);
    this.log.info(`Team index: the team's corrections applied (corpus "${this.connection.corpus}")`);
  }

  private record(rows: ReturnType<typeof addedCorrections>): Promise<void> {
    if (!rows.length || this.connection.state !== 'online') return this.pending;
    return this.queue(async () => {
      try {
        const added = await this.connection.run('recording a correction', async (db, corpus) => recordCorrections(db, (await existingCorpus(db, corpus)).id, rows));
        if (added?.length) this.log.info(`Team index: ${added.length === 1 ? 'a correction' : `${added.length} corrections`} recorded for the team`);
      } catch (e) {
        const code = (e instanceof TeamIndexError ? (e.cause as { code?: string }) : undefined)?.code;
        if (code === READ_ONLY && !this.readOnlyNoticeShown) {
          this.readOnlyNoticeShown = true;
          void vscode.window.showWarningMessage(
            'Dossier: the correction is in .dossier/aliases.json, but the team index did not take it: this database role may only read. Ask for the corrector role (docs/TEAM-INDEX.md).',
          );
        }
        return;
      }
      // Cached answers go, and the change event reads the corrections back (refresh).
      this.connection.invalidate();
    });
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
