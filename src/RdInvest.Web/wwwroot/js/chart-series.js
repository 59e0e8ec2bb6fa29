// A division's indicator over the years (bars for levels, a line for rates).
window.rdCharts.each('series', function (chart, option) {
  chart.setOption(option);
});
