// The league/city map: the GeoJSON of echarts 4 served from /lib/map, a click on a league/city opens its page.
window.rdCharts.each('map', function (chart, option, el) {
  chart.showLoading();
  fetch('/lib/map/neimenggu.json').then(function (r) { return r.json(); }).then(function (geo) {
    echarts.registerMap('neimenggu', geo);
    chart.hideLoading();
    chart.setOption(option);
    el.setAttribute('data-ready', 'true');
  });
  chart.on('click', function (p) { if (p.data && p.data.href) { window.location.href = p.data.href; } });
});
