// The Timeline Chart webview: every dated sentence on a zoomable time axis (Apache ECharts), one
// lane for all of them and one per entity the user adds; a day's sentences stack up, so the
// height of a column is the number of sources; weeks, months, quarters and years are ranges.
import * as echarts from 'echarts/core';
import { CustomChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, EChartsOption } from 'echarts';
import { connect, entityColour, escapeHtml, markClickTarget, onThemeChange, themeColour } from '../shared/vscodeApi';
import { ChartData, ChartEntity, ChartEvent, ChartFromWebview, ChartToWebview } from './protocol';

echarts.use([ScatterChart, CustomChart, GridComponent, DataZoomComponent, TooltipComponent, CanvasRenderer]);

interface State {
  /** Entity ids with a lane of their own. */
  lanes: string[];
}

interface Lane {
  label: string;
  colour: string;
  /** Which events the lane shows. */
  has: (e: ChartEvent) => boolean;
}

const DAY_MS = 86_400_000;
/** The most a day's column of dots rises above its lane's line. */
const STACK_PX = 60;
let data: ChartData | undefined;
const vscode = connect<ChartToWebview, ChartFromWebview, State>((message) => {
  if (message.type === 'data') {
    data = message.data;
    render();
  }
});
let state: State = vscode.getState() ?? { lanes: [] };

const chartElement = document.getElementById('chart')!;
const chart = echarts.init(chartElement, undefined, { renderer: 'canvas' });
const laneInput = document.getElementById('lane') as HTMLInputElement;
const laneList = document.getElementById('entities') as HTMLDataListElement;
const chips = document.getElementById('chips')!;
const summary = document.getElementById('summary')!;

/** Start and end (exclusive) of a date value, in UTC milliseconds. */
function extent(value: string): [number, number] {
  const [y, m, d] = value.split('-').map(Number);
  if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d) + DAY_MS];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

function lanesOf(d: ChartData): Lane[] {
  const indexOf = new Map(d.entities.map((e, i) => [e.id, i]));
  const chosen = state.lanes.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
  const lanes: Lane[] = [{ label: d.filter ? `All with ${d.filter.name}` : 'All', colour: themeColour('charts-blue', '#3794ff'), has: () => true }];
  for (const i of chosen) {
    const e = d.entities[i];
    lanes.push({ label: e.name, colour: entityColour(e.type), has: (ev) => ev.entities.includes(i) });
  }
  if (chosen.length >= 2) {
    lanes.push({ label: 'Together', colour: themeColour('charts-orange', '#d18616'), has: (ev) => chosen.every((i) => ev.entities.includes(i)) });
  }
  return lanes;
}

/** The days in the news, so that a stray "in 1990" or a year-long range does not squash them: the middle 90% when there are many. */
function initialWindow(events: ChartEvent[]): [number, number] | undefined {
  const days = events.filter((e) => e.granularity === 'day').map((e) => extent(e.date)[0]).sort((a, b) => a - b);
  if (!days.length) return undefined;
  const cut = days.length >= 20 ? 0.05 : 0;
  return [days[Math.floor(days.length * cut)] - 7 * DAY_MS, days[Math.ceil(days.length * (1 - cut)) - 1] + 8 * DAY_MS];
}

function tooltipOf(event: ChartEvent, count: number): string {
  const who = event.entities.map((i) => data!.entities[i].name).slice(0, 6).join(', ');
  return (
    `<b>${escapeHtml(event.date)}</b> · ${escapeHtml(event.source)}${count > 1 ? ` · ${count} sources that day` : ''}` +
    `<div class="sentence">${escapeHtml(event.sentence)}</div>${who ? `<div class="who">${escapeHtml(who)}</div>` : ''}`
  );
}

function render(): void {
  if (!data) return;
  const d = data;
  updateLaneControls(d);
  // The header first: its height decides where the chart is drawn.
  const days = new Set(d.events.map((e) => e.date)).size;
  summary.textContent = `${d.events.length} dated ${d.events.length === 1 ? 'sentence' : 'sentences'} on ${days} ${days === 1 ? 'date' : 'dates'}` + (d.filter ? ` · filtered by ${d.filter.name}` : '');
  document.getElementById('clear')!.hidden = !d.filter;
  const lanes = lanesOf(d);
  const foreground = themeColour('editor-foreground', '#cccccc');
  const muted = themeColour('descriptionForeground', '#999999');
  const grid = themeColour('editorWidget-border', '#454545');
  // Points: [time, lane, event index, sources that day], stacked upwards by symbolOffset;
  // ranges: [start, end, lane, event index], drawn under the lane's line.
  const points: { value: number[]; itemStyle: { color: string }; symbolOffset: [number, number] }[] = [];
  const ranges: { value: number[]; itemStyle: { color: string } }[] = [];
  lanes.forEach((lane, y) => {
    const byDay = new Map<string, number[]>();
    d.events.forEach((e, i) => {
      if (!lane.has(e)) return;
      if (e.granularity === 'day' && !e.period) {
        let list = byDay.get(e.date);
        if (!list) byDay.set(e.date, (list = []));
        list.push(i);
      } else {
        const [start, end] = e.period ? [extent(e.period.start)[0], extent(e.period.end)[1]] : extent(e.date);
        ranges.push({ value: [start, end, y, i], itemStyle: { color: lane.colour } });
      }
    });
    for (const [date, list] of byDay) {
      const sources = new Set(list.map((i) => d.events[i].source)).size;
      const time = extent(date)[0] + DAY_MS / 2;
      // A column of dots, one per sentence: its height is how much that day is reported.
      const step = Math.max(3, Math.min(10, Math.floor(STACK_PX / list.length)));
      list.forEach((i, k) => points.push({ value: [time, y, i, sources], itemStyle: { color: lane.colour }, symbolOffset: [0, -k * step] }));
    }
  });
  // A refresh (an edit, a filter, a theme) keeps the user's zoom; the first drawing picks one.
  const zoom = currentZoom();
  const shown = zoom ?? initialWindow(d.events);
  const option: EChartsOption = {
    animation: false,
    textStyle: { color: foreground, fontFamily: themeColour('font-family', 'sans-serif') },
    grid: { left: 150, right: 24, top: 16, bottom: 70 },
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: themeColour('editorHoverWidget-background', '#252526'),
      borderColor: themeColour('editorHoverWidget-border', '#454545'),
      textStyle: { color: themeColour('editorHoverWidget-foreground', foreground) },
      extraCssText: 'max-width: 420px; white-space: normal;',
      formatter: (p) => {
        const value = (p as { value: number[] }).value;
        const isRange = (p as { seriesIndex: number }).seriesIndex === 1;
        return tooltipOf(d.events[isRange ? value[3] : value[2]], isRange ? 1 : value[3]);
      },
    },
    xAxis: {
      type: 'time',
      axisLine: { lineStyle: { color: grid } },
      axisLabel: { color: muted, hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: grid, opacity: 0.4 } },
    },
    yAxis: {
      type: 'category',
      data: lanes.map((l) => l.label),
      inverse: true,
      boundaryGap: true,
      axisLabel: { color: foreground, width: 140, overflow: 'truncate' },
      splitLine: { show: true, lineStyle: { color: grid, opacity: 0.6 } },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', ...(shown ? { startValue: shown[0], endValue: shown[1] } : {}) },
      {
        type: 'slider',
        xAxisIndex: 0,
        filterMode: 'none',
        height: 22,
        bottom: 16,
        borderColor: grid,
        textStyle: { color: muted },
        ...(shown ? { startValue: shown[0], endValue: shown[1] } : {}),
      },
    ],
    series: [
      { type: 'scatter', symbolSize: 9, data: points, cursor: 'pointer', emphasis: { scale: 1.6 } },
      {
        type: 'custom',
        data: ranges,
        cursor: 'pointer',
        renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
          const start = api.coord([api.value(0), api.value(2)]);
          const end = api.coord([api.value(1), api.value(2)]);
          const box = params.coordSys as unknown as { x: number; width: number };
          const x0 = Math.max(start[0], box.x);
          const x1 = Math.min(end[0], box.x + box.width);
          if (x1 <= x0) return null;
          return { type: 'rect', shape: { x: x0, y: start[1] + 10, width: Math.max(2, x1 - x0), height: 6, r: 3 }, style: { fill: api.visual('color') as string, opacity: 0.55 } };
        },
        encode: { x: [0, 1], y: 2 },
      },
    ],
  };
  // Rendering is synchronous (no animation): listen before drawing.
  chart.off('finished');
  chart.on('finished', () => markFirstEvent(points));
  chart.setOption(option, true);
}

/** The time window the user zoomed to, once the chart has been drawn. */
function currentZoom(): [number, number] | undefined {
  const option = chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] } | undefined;
  const zoom = option?.dataZoom?.[0];
  return zoom?.startValue !== undefined && zoom.endValue !== undefined ? [zoom.startValue, zoom.endValue] : undefined;
}

/** Where the first day visible in the All lane is drawn (for tests and assistive tools). */
function markFirstEvent(points: { value: number[]; symbolOffset: [number, number] }[]): void {
  const zoom = currentZoom();
  const visible = points.filter((p) => p.value[1] === 0 && p.symbolOffset[1] === 0 && (!zoom || (p.value[0] >= zoom[0] && p.value[0] <= zoom[1])));
  const first = visible.sort((a, b) => a.value[0] - b.value[0])[0];
  if (!first) return;
  const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [first.value[0], first.value[1]]);
  markClickTarget('firstEvent', x, y);
  document.body.dataset.firstEventSentence = data!.events[first.value[2]].sentence;
}

function updateLaneControls(d: ChartData): void {
  // Entities that appear on the timeline, most dated sentences first: the useful lanes.
  const counts = new Map<number, number>();
  for (const e of d.events) for (const i of e.entities) counts.set(i, (counts.get(i) ?? 0) + 1);
  const options = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 500);
  laneList.replaceChildren(...options.map(([i, n]) => Object.assign(document.createElement('option'), { value: d.entities[i].name, label: `${d.entities[i].type} · ${n}` })));
  chips.replaceChildren(
    ...state.lanes.map((id) => {
      const entity = d.entities.find((e) => e.id === id);
      const chip = document.createElement('button');
      chip.className = 'chip';
      chip.textContent = `${entity?.name ?? id} ×`;
      chip.title = 'Remove this lane';
      chip.addEventListener('click', () => setLanes(state.lanes.filter((l) => l !== id)));
      return chip;
    }),
  );
}

function setLanes(lanes: string[]): void {
  state = { lanes };
  vscode.setState(state);
  render();
}

laneInput.addEventListener('change', () => {
  const name = laneInput.value.trim();
  const entity = data?.entities.find((e) => e.name === name);
  laneInput.value = '';
  if (entity && !state.lanes.includes(entity.id)) setLanes([...state.lanes, entity.id]);
});

document.getElementById('clear')!.addEventListener('click', () => vscode.postMessage({ type: 'clearFilter' }));

chart.on('click', (p) => {
  if (!data) return;
  const value = (p as unknown as { value: number[] }).value;
  const event = p.seriesIndex === 1 ? value[3] : value[2];
  vscode.postMessage({ type: 'open', generation: data.generation, event });
});

new ResizeObserver(() => chart.resize()).observe(chartElement);
onThemeChange(render);
vscode.postMessage({ type: 'ready' });
