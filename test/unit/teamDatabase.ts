// The PostgreSQL server the team-index tests need (DOSSIER_TEST_DATABASE_URL, started by
// scripts/pg-throwaway.sh). Without it they skip with a printed reason, except in CI (CI=true)
// where its absence is a failure. Each suite gets a database of its own, dropped afterwards.
import { Client } from 'pg';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

async function admin<T>(url: string, run: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/**
 * Registers hooks giving the suite a fresh database; `use` receives its URL. Call inside a
 * describe(); the suite's tests skip (locally) or fail (CI) when no server is configured.
 */
export function teamDatabase(use: (url: string) => void): void {
  const server = process.env.DOSSIER_TEST_DATABASE_URL;
  const name = `dossier_test_${process.pid}_${Date.now().toString(36)}`;
  before(async function () {
    if (!server) {
      if (process.env.CI) throw new Error('DOSSIER_TEST_DATABASE_URL is not set, and CI must run the team-index tests (.ci/run starts a server)');
      console.log('      skipped: DOSSIER_TEST_DATABASE_URL is not set (eval "$(scripts/pg-throwaway.sh start)" starts a throwaway server)');
      this.skip();
    }
    await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
    use(withDatabase(server, name));
  });
  after(async () => {
    if (server) await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
}

/** Runs one query against the database and returns its rows. */
export function query<R = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  return admin(url, async (c) => (await c.query(sql, params)).rows as R[]);
}

/** Runs one statement as another role (SET ROLE on the suite's own connection; no login needed). */
export function asRole<R = Record<string, unknown>>(url: string, role: string, sql: string): Promise<R[]> {
  return admin(url, async (c) => {
    await c.query(`SET ROLE ${role}`);
    return (await c.query(sql)).rows as R[];
  });
}
