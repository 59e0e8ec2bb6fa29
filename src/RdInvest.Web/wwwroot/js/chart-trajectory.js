// Trajectory charts: the actual line against the dashed path to the end year.
window.rdCharts.each('trajectory', function (chart, option) {
  chart.setOption(option);
});
