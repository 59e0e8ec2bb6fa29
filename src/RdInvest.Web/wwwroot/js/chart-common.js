// Shared by the chart scripts: reads a chart's ECharts option from its <script type="application/json"> block
// (the page renders it from a view record; no inline script), starts ECharts and keeps it sized.
window.rdCharts = window.rdCharts || {
  each: function (kind, init) {
    document.querySelectorAll('[data-chart="' + kind + '"]').forEach(function (el) {
      var src = document.getElementById(el.getAttribute('data-option'));
      if (!src) { return; }
      var option = JSON.parse(src.textContent);
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      init(chart, option, el);
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
};
