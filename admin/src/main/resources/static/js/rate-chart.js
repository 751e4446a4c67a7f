// Draws a currency's rate history with Apache ECharts (served from its WebJar). The points come from the page:
// data-points="[[2026-06-01T16:00, 11.6], ...]" as the server wrote them (effective time in KST, rate).
(function () {
  var element = document.getElementById('rate-chart');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  var raw = element.getAttribute('data-points') || '[]';
  var points = raw.replace(/^\[|\]$/g, '').split(/\],\s*\[/).filter(function (p) { return p.trim() !== ''; })
    .map(function (p) {
      var parts = p.replace(/[\[\]]/g, '').split(',');
      return [parts[0].trim(), Number(parts[1])];
    });
  var chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 70, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true, name: element.getAttribute('data-label') },
    series: [{ type: 'line', step: 'end', data: points, symbolSize: 6 }]
  });
})();
