// Draws the statistics table's amounts in KRW with Apache ECharts (served from its WebJar): one bar per row group,
// stacked by charge currency. The figures are read from the table on the page (data-group, data-currency,
// data-in-base), so the chart shows exactly what the table shows.
(function () {
  var element = document.getElementById('sales-chart');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  var groups = [];
  var byCurrency = {};
  document.querySelectorAll('#sales-table tbody tr').forEach(function (row) {
    var group = row.getAttribute('data-group');
    var currency = row.getAttribute('data-currency');
    if (groups.indexOf(group) < 0) {
      groups.push(group);
    }
    byCurrency[currency] = byCurrency[currency] || {};
    byCurrency[currency][group] = Number(row.getAttribute('data-in-base'));
  });
  var series = Object.keys(byCurrency).sort().map(function (currency) {
    return {
      name: currency, type: 'bar', stack: 'krw',
      data: groups.map(function (group) { return byCurrency[currency][group] || 0; })
    };
  });
  var chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 90, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: groups, axisLabel: { rotate: groups.length > 8 ? 45 : 0 } },
    yAxis: { type: 'value', name: element.getAttribute('data-series-label') },
    series: series
  });
})();
