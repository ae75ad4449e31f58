// Every export format by name, for the CLI's --format and the Export… command: the index's own
// contract (JSON, Markdown, CSV in ../export) and the formats of the tools analysts already use.
import { CorpusIndex } from '../corpusIndex';
import { exportCsvChunks, exportJsonChunks, exportMarkdownChunks, PathMapper } from '../export';
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
  /** The export in pieces, written as they come (a large corpus never makes one giant string). */
  chunks: (index: CorpusIndex, toRelative?: PathMapper) => Iterable<string>;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { name: 'json', ext: 'json', label: 'JSON', description: 'dossier-export/2, the full index', chunks: exportJsonChunks },
  { name: 'md', ext: 'md', label: 'Markdown', description: 'entities and timeline, readable', chunks: exportMarkdownChunks },
  { name: 'csv', ext: 'csv', label: 'CSV', description: 'one row per mention, for spreadsheets', chunks: exportCsvChunks },
  { name: 'ftm', ext: 'ftm.json', label: 'FollowTheMoney', description: 'line-delimited entities for Aleph (alephclient write-entities)', chunks: (index, rel) => [exportFtm(index, rel)] },
  { name: 'graphml', ext: 'graphml', label: 'GraphML', description: 'the entity network, for Gephi, yEd, networkx', chunks: (index) => [exportGraphml(buildNetwork(index))] },
  { name: 'gexf', ext: 'gexf', label: 'GEXF', description: 'the entity network, for Gephi, networkx', chunks: (index) => [exportGexf(buildNetwork(index))] },
  { name: 'timelinejs', ext: 'timeline.json', label: 'TimelineJS', description: "Knight Lab's TimelineJS JSON", chunks: (index, rel) => [exportTimelineJs(index, rel)] },
];

export function exportFormat(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.name === name);
}
