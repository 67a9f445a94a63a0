// The one place that talks to ApexCharts (loaded as a global by App.razor). Components call create once per element,
// update with the whole (already downsampled) configuration afterwards, and destroy when they go away.

const charts = new WeakMap();

export function create(element, options, dotNetRef) {
  destroy(element);
  const state = { options, dotNetRef, chart: null, rendered: null };
  state.chart = new ApexCharts(element, toApexOptions(options, state));
  state.rendered = state.chart.render();
  charts.set(element, state);
  return state.rendered;
}

export async function update(element, options) {
  const state = charts.get(element);
  if (!state) {
    return;
  }

  // An update can arrive while the first render is still animating in; ApexCharts needs that render finished.
  await state.rendered;
  state.options = options;
  await state.chart.updateOptions(toApexOptions(options, state), false, false);
}

export function destroy(element) {
  const state = charts.get(element);
  if (!state) {
    return;
  }

  charts.delete(element);
  state.chart.destroy();
}

// Per theme: text and label boxes that contrast with the card, and grid lines that stay in the background.
const themes = {
  light: { text: '#37474f', grid: '#e0e0e0', labelBackground: '#ffffff', labelBorder: '#b0bec5' },
  dark: { text: '#e0e0e0', grid: 'rgba(255, 255, 255, 0.08)', labelBackground: '#27273f', labelBorder: '#5c5c7a' },
};

function toApexOptions(options, state) {
  const isBar = options.kind === 'bar';
  const colors = themes[options.theme] ?? themes.light;
  const label = text => ({
    text,
    borderColor: colors.labelBorder,
    style: { background: colors.labelBackground, color: colors.text },
  });
  return {
    chart: {
      type: options.kind,
      height: options.height,
      background: 'transparent',
      foreColor: colors.text,
      animations: { enabled: false },
      zoom: { enabled: !isBar },
      toolbar: { show: !isBar, tools: { download: false, pan: false } },
      events: isBar
        ? { dataPointSelection: (_event, _context, config) => selectBar(state, config.dataPointIndex) }
        : { zoomed: (_context, { xaxis }) => zoomed(state, xaxis) },
    },
    theme: { mode: options.theme },
    colors: options.colors,
    grid: { borderColor: colors.grid },
    series: isBar
      ? [{ name: options.barName, data: options.bars.map(bar => bar.value) }]
      : options.series.map(series => ({ name: series.name, data: series.data })),
    xaxis: isBar
      ? { type: 'category', categories: options.bars.map(bar => bar.category) }
      : {
          type: 'datetime',
          min: options.xMin ?? undefined,
          max: options.xMax ?? undefined,
          labels: { datetimeUTC: options.utc },
        },
    // Headroom above the highest value keeps the peak's label inside the plot, clear of the toolbar.
    yaxis: {
      min: 0,
      max: isBar ? undefined : max => Math.max(1, max * 1.2),
      forceNiceScale: true,
      labels: { formatter: value => Math.round(value).toString() },
    },
    dataLabels: { enabled: false },
    stroke: {
      curve: 'straight',
      width: isBar ? 0 : 2,
      dashArray: isBar ? 0 : options.series.map(series => (series.dashed ? 5 : 0)),
    },
    // A point with no neighbour draws no line; a marker shows it.
    // (Discrete markers alone are not drawn while the global size is 0: a sparse chart shows all its points.)
    markers: isBar ? {} : { size: isSparse(options) ? 4 : 0, hover: { size: 4 }, discrete: isolatedPoints(options) },
    fill: options.kind === 'area'
      ? { type: 'gradient', gradient: { opacityFrom: 0.45, opacityTo: 0.05 }, opacity: options.series.map(s => (s.dashed ? 0 : 1)) }
      : {},
    tooltip: { theme: options.theme, x: { format: options.tooltipFormat } },
    plotOptions: { bar: { horizontal: false, borderRadius: 2 } },
    states: { active: { filter: { type: 'none' } } },
    annotations: {
      yaxis: options.referenceLines.map(line => ({
        y: line.value,
        strokeDashArray: 4,
        borderColor: colors.labelBorder,
        label: { ...label(line.label), position: 'left', textAnchor: 'start' },
      })),
      points: options.marker
        ? [{
            x: options.marker.x,
            y: options.marker.y,
            marker: { size: 5, fillColor: options.colors[0], strokeColor: colors.labelBackground },
            label: label(options.marker.label),
          }]
        : [],
    },
  };
}

function isSparse(options) {
  return options.series.some(series => series.data.filter(point => point[1] !== null).length <= 2);
}

function isolatedPoints(options) {
  const markers = [];
  options.series.forEach((series, seriesIndex) => {
    series.data.forEach((point, dataPointIndex) => {
      const before = series.data[dataPointIndex - 1];
      const after = series.data[dataPointIndex + 1];
      if (point[1] !== null && (!before || before[1] === null) && (!after || after[1] === null)) {
        markers.push({ seriesIndex, dataPointIndex, size: 4, fillColor: options.colors[seriesIndex], strokeColor: options.colors[seriesIndex] });
      }
    });
  });
  return markers;
}

function zoomed(state, xaxis) {
  // Reset zoom reports the whole range again: only a narrower selection is a new range.
  const { xMin, xMax } = state.options;
  if (!xaxis || xaxis.min === undefined || xaxis.max === undefined || (xaxis.min <= xMin && xaxis.max >= xMax)) {
    return;
  }

  state.dotNetRef.invokeMethodAsync('ZoomAsync', Math.round(xaxis.min), Math.round(xaxis.max));
}

function selectBar(state, index) {
  // Read the bars the chart shows now: they may have changed by update since the handler was created.
  const bar = state.options.bars[index];
  if (bar) {
    state.dotNetRef.invokeMethodAsync('SelectBarAsync', bar.category);
  }
}
