// Every export format by name, for the CLI's --format and the Export… command: the index's own
// contract (JSON, Markdown, CSV in ../export) and the formats of the tools analysts already use.
import { CorpusIndex } from '../corpusIndex';
import { exportCsv, exportJson, exportMarkdown, PathMapper } from '../export';
import { buildNetwork } from '../network';
import { exportFtm } from './ftm';
import { exportGexf } from './gexf';
import { exportGraphml } from './graphml';
import { exportTimelineJs } from './timelinejs';

export interface ExportFormat {
  /** The --format value. */
  name: string;
  /** The file extension a saved export gets. */
  ext: string;
  label: string;
  description: string;
  run: (index: CorpusIndex, toRelative?: PathMapper) => string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { name: 'json', ext: 'json', label: 'JSON', description: 'dossier-export/1, the full index', run: exportJson },
  { name: 'md', ext: 'md', label: 'Markdown', description: 'entities and timeline, readable', run: exportMarkdown },
  { name: 'csv', ext: 'csv', label: 'CSV', description: 'one row per mention, for spreadsheets', run: exportCsv },
  { name: 'ftm', ext: 'ftm.json', label: 'FollowTheMoney', description: 'line-delimited entities for Aleph (alephclient write-entities)', run: exportFtm },
  { name: 'graphml', ext: 'graphml', label: 'GraphML', description: 'the entity network, for Gephi, yEd, networkx', run: (index) => exportGraphml(buildNetwork(index)) },
  { name: 'gexf', ext: 'gexf', label: 'GEXF', description: 'the entity network, for Gephi, networkx', run: (index) => exportGexf(buildNetwork(index)) },
  { name: 'timelinejs', ext: 'timeline.json', label: 'TimelineJS', description: "Knight Lab's TimelineJS JSON", run: exportTimelineJs },
];

export function exportFormat(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.name === name);
}
