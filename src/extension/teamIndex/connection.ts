// The editor's connection to the team index (docs/TEAM-INDEX.md): the settings
// `dossier.database.url` (or DOSSIER_DATABASE_URL) and `dossier.database.corpus`, the password
// kept in SecretStorage for a URL without one (or PGPASSFILE, as for psql), and what happens when
// the server goes away: every question answers "nothing" at once, so local results keep working,
// one notice says so, and the connection is tried again in the background until it is back.
// Nothing here ever shows or logs the password: messages go through databaseError/redactUrl.
import type { Pool } from 'pg';
import * as vscode from 'vscode';
import { databaseError, DEFAULT_CORPUS, existingCorpus, NoSuchCorpus, openDatabase, redactUrl, schemaProblem, withPassword } from '../../core/db';

export interface TeamIndexSettings {
  url: string;
  corpus: string;
}

/** The configured team index, or undefined: then Dossier behaves exactly as without this feature. */
export function readTeamIndexSettings(): TeamIndexSettings | undefined {
  const c = vscode.workspace.getConfiguration('dossier');
  const url = (c.get<string>('database.url') || process.env.DOSSIER_DATABASE_URL || '').trim();
  if (!url) return undefined;
  return { url, corpus: (c.get<string>('database.corpus') || '').trim() || DEFAULT_CORPUS };
}

/** SecretStorage key of a URL's password: per server, user and database, never per password. */
export function passwordKey(url: string): string {
  return `dossier.database.password:${redactUrl(url)}`;
}

/** Connections the editor keeps open at most (hovers come one at a time). */
const POOL_SIZE = 2;
const CONNECT_TIMEOUT_MS = 3000;
/** A server that stopped answering counts as lost after this long. */
const QUERY_TIMEOUT_MS = 5000;
/** First and longest pause between attempts to reconnect. */
const RETRY_FIRST_MS = 5000;
const RETRY_MAX_MS = 60_000;

/**
 * True when an error says the server cannot be reached or stopped talking to us, as opposed to a
 * query it refused (a SQLSTATE outside class 08, connection exception, and 57, operator intervention).
 */
export function isConnectionLoss(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code.startsWith('08') || code.startsWith('57');
  return true;
}

export type TeamIndexState = 'off' | 'connecting' | 'online' | 'offline' | 'unusable';

export class TeamIndexConnection implements vscode.Disposable {
  private pool: Pool | undefined;
  private settings: TeamIndexSettings | undefined;
  private url = '';
  private _state: TeamIndexState = 'off';
  private noticeShown = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_FIRST_MS;
  /** Bumped whenever answers may have changed (connection, settings, corrections): caches key on it. */
  private _generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the connection comes up, goes away or is reconfigured. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private configuring: Promise<void> = Promise.resolve();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dossier.database')) void this.configure();
      }),
      secrets.onDidChange((e) => {
        if (this.settings && e.key === passwordKey(this.settings.url)) void this.configure();
      }),
    );
  }

  get state(): TeamIndexState {
    return this._state;
  }

  get generation(): number {
    return this._generation;
  }

  /** The corpus the editor reads (undefined when no team index is configured). */
  get corpus(): string | undefined {
    return this.settings?.corpus;
  }

  /** The URL as messages may show it. */
  get label(): string {
    return this.settings ? `${redactUrl(this.settings.url)} (corpus "${this.settings.corpus}")` : 'no team index';
  }

  /** Resolves once the current settings have been tried (connected, or found unusable). */
  whenConfigured(): Promise<void> {
    return this.configuring;
  }

  /** (Re)reads the settings and connects; without a URL, closes everything. */
  configure(): Promise<void> {
    this.configuring = this.configuring.then(() => this.connect());
    return this.configuring;
  }

  private async connect(): Promise<void> {
    this.close();
    this.settings = readTeamIndexSettings();
    this._generation++;
    if (!this.settings) {
      this.setState('off');
      return;
    }
    const { url } = this.settings;
    const hasPassword = (() => {
      try {
        return !!new URL(url).password;
      } catch {
        return false;
      }
    })();
    const password = hasPassword ? undefined : await this.secrets.get(passwordKey(url));
    // Messages go through databaseError with this URL, which hides its password wherever it appears.
    this.url = password ? withPassword(url, password) : url;
    this.pool = openDatabase(url, POOL_SIZE, { password, connectTimeoutMs: CONNECT_TIMEOUT_MS, queryTimeoutMs: QUERY_TIMEOUT_MS });
    this.pool.on('error', (e) => this.lost(e));
    this.setState('connecting');
    this.log.info(`Team index: connecting to ${this.label}`);
    await this.check();
  }

  /** Checks the server, its schema and the corpus; online when all three are fine. */
  private async check(): Promise<void> {
    const pool = this.pool;
    const settings = this.settings;
    if (!pool || !settings) return;
    try {
      const client = await pool.connect();
      try {
        const problem = await schemaProblem(client);
        if (problem) return this.unusable(problem);
      } finally {
        client.release();
      }
      await existingCorpus(pool, settings.corpus);
    } catch (e) {
      if (e instanceof NoSuchCorpus) return this.unusable(e.message);
      if (!isConnectionLoss(e)) return this.unusable(databaseError(this.url, e));
      return this.lost(e);
    }
    if (pool !== this.pool) return;
    this.retryMs = RETRY_FIRST_MS;
    if (this._state === 'offline') this.log.info(`Team index: reconnected to ${this.label}`);
    else this.log.info(`Team index: reading ${this.label}`);
    this.noticeShown = false;
    this._generation++;
    this.setState('online');
  }

  /** A setting or the database is wrong: said once, and nothing is asked until the settings change. */
  private unusable(why: string): void {
    this.log.error(`Team index: ${why}`);
    this.setState('unusable');
    void vscode.window.showWarningMessage(`Dossier: the team index cannot be used: ${why}`);
  }

  /** The server went away: local results only, one notice, and a retry later. */
  private lost(e: unknown): void {
    if (!this.pool || this._state === 'unusable') return;
    const was = this._state;
    if (was !== 'offline') {
      this.log.warn(`Team index: ${databaseError(this.url, e)}; local results only until it is back`);
      this._generation++;
      this.setState('offline');
    }
    if (!this.noticeShown) {
      this.noticeShown = true;
      void vscode.window.showWarningMessage(
        `Dossier: the team index at ${redactUrl(this.url)} cannot be reached. Local results keep working; Dossier reconnects when it is back.`,
      );
    }
    if (!this.retryTimer) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
        void this.check();
      }, this.retryMs);
    }
  }

  private setState(state: TeamIndexState): void {
    this._state = state;
    void vscode.commands.executeCommand('setContext', 'dossier.teamIndex', state === 'online');
    this.changed.fire();
  }

  /**
   * Runs a question against the team index. Undefined, at once, when there is none or it is not
   * reachable; a lost connection is reported (once) and retried, a refused query is logged.
   */
  async run<T>(what: string, ask: (db: Pool, corpus: string) => Promise<T>): Promise<T | undefined> {
    const pool = this.pool;
    const settings = this.settings;
    if (!pool || !settings || this._state !== 'online') return undefined;
    try {
      return await ask(pool, settings.corpus);
    } catch (e) {
      if (pool !== this.pool) return undefined;
      if (isConnectionLoss(e)) this.lost(e);
      else this.log.error(`Team index: ${what}: ${databaseError(this.url, e)}`);
      throw new TeamIndexError(e);
    }
  }

  /** Like run, but a failure is only logged: for providers, which must never fail because of it. */
  async ask<T>(what: string, ask: (db: Pool, corpus: string) => Promise<T>): Promise<T | undefined> {
    try {
      return await this.run(what, ask);
    } catch {
      return undefined;
    }
  }

  /** Answers may have changed (a correction was written, say): caches start afresh. */
  invalidate(): void {
    this._generation++;
    this.changed.fire();
  }

  private close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const pool = this.pool;
    this.pool = undefined;
    if (pool) void pool.end().catch(() => undefined);
  }

  dispose(): void {
    this.close();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A question the team index could not answer; the cause, if shown, has been logged redacted. */
export class TeamIndexError extends Error {
  constructor(readonly cause: unknown) {
    super('the team index could not answer');
  }
}

/** "Dossier: Set Team Index Password": kept in SecretStorage for the configured URL's server, user and database. */
export async function setPassword(secrets: vscode.SecretStorage): Promise<void> {
  const settings = readTeamIndexSettings();
  if (!settings) {
    void vscode.window.showInformationMessage('Dossier: set `dossier.database.url` first (a URL without the password).');
    return;
  }
  const password = await vscode.window.showInputBox({
    title: `Team index password for ${redactUrl(settings.url)}`,
    prompt: 'Kept in the editor\'s secret storage, never in settings. Leave empty to forget it.',
    password: true,
    ignoreFocusOut: true,
  });
  if (password === undefined) return;
  if (password) await secrets.store(passwordKey(settings.url), password);
  else await secrets.delete(passwordKey(settings.url));
}
