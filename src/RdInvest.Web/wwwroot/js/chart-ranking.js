// Ranking bars: sorted, the user's own division highlighted (colours come with the option); a click drills down.
window.rdCharts.each('ranking', function (chart, option) {
  chart.setOption(option);
  chart.on('click', function (p) { if (p.data && p.data.href) { window.location.href = p.data.href; } });
});
