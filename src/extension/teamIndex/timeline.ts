// The Timeline's "Team index" section (timelineView.ts draws it): the latest dates mentioned in the
// team corpus's documents that the workspace lacks, each mention opening its read-only `dossier:`
// document. Asked again when the connection changes or the workspace's documents do.
import { TeamTimelineDay, teamTimeline } from '../../core/db';
import { TeamTimelineSource } from '../timelineView';
import { TeamAnswers } from './answers';

/** Date values listed at most (the latest), and mentions under each. */
export const TEAM_TIMELINE_DAYS = 500;
export const TEAM_TIMELINE_PER_DAY = 50;

export function teamTimelineSource(answers: TeamAnswers): TeamTimelineSource {
  const connection = answers.connection;
  return {
    get corpus() {
      return connection.state === 'online' ? connection.corpus : undefined;
    },
    onDidChange: connection.onDidChange,
    days: (): Promise<TeamTimelineDay[] | undefined> =>
      connection.ask('the Timeline', (db, corpus) => teamTimeline(db, corpus, { exclude: answers.workspaceKeys(), days: TEAM_TIMELINE_DAYS, perDay: TEAM_TIMELINE_PER_DAY })),
  };
}
