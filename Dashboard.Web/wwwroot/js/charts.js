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

function toApexOptions(options, state) {
  const isBar = options.kind === 'bar';
  return {
    chart: {
      type: options.kind,
      height: options.height,
      background: 'transparent',
      animations: { enabled: false },
      zoom: { enabled: !isBar },
      toolbar: { show: !isBar },
      events: isBar ? { dataPointSelection: (_event, _context, config) => selectBar(state, config.dataPointIndex) } : {},
    },
    theme: { mode: options.theme },
    series: isBar
      ? [{ name: options.barName, data: options.bars.map(bar => bar.value) }]
      : options.series.map(series => ({ name: series.name, data: series.data })),
    xaxis: isBar
      ? { type: 'category', categories: options.bars.map(bar => bar.category) }
      : { type: 'datetime', labels: { datetimeUTC: true } },
    yaxis: { min: 0, forceNiceScale: true, labels: { formatter: value => Math.round(value).toString() } },
    dataLabels: { enabled: false },
    stroke: { curve: 'straight', width: isBar ? 0 : 2 },
    fill: options.kind === 'area' ? { type: 'gradient', gradient: { opacityFrom: 0.45, opacityTo: 0.05 } } : {},
    tooltip: { theme: options.theme, x: { format: 'HH:mm:ss' } },
    plotOptions: { bar: { horizontal: false, borderRadius: 2 } },
    states: { active: { filter: { type: 'none' } } },
    annotations: {
      yaxis: options.referenceLines.map(line => ({
        y: line.value,
        strokeDashArray: 4,
        label: { text: line.label, position: 'left', textAnchor: 'start' },
      })),
      points: options.marker
        ? [{ x: options.marker.x, y: options.marker.y, marker: { size: 5 }, label: { text: options.marker.label } }]
        : [],
    },
  };
}

function selectBar(state, index) {
  // Read the bars the chart shows now: they may have changed by update since the handler was created.
  const bar = state.options.bars[index];
  if (bar) {
    state.dotNetRef.invokeMethodAsync('SelectBarAsync', bar.category);
  }
}
