/*
 * The data cockpit: draws the leader's figures with ECharts from the figures the page was rendered
 * with, then fetches them again from the leader dashboard API every few seconds and redraws.
 */
var Cockpit = (function () {
  'use strict';
  var TEXT = '#d8e6ff', AXIS = '#2d5a9a';
  var charts = {};
  var options;

  function percent(rate) {
    return rate == null || rate.value == null ? '—' : (rate.value * 100).toFixed(1) + '%';
  }

  function label(row) { return row.name || (row.key === '-' ? '—' : row.key); }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id));
    }
    return charts[id];
  }

  function bars(id, labels, values, horizontal, color, name) {
    var category = {type: 'category', data: labels, axisLabel: {color: TEXT, fontSize: 12, interval: 0, rotate: horizontal ? 0 : 30},
                    axisLine: {lineStyle: {color: AXIS}}};
    var value = {type: 'value', minInterval: 1, axisLabel: {color: TEXT}, splitLine: {lineStyle: {color: AXIS, opacity: .4}}};
    chart(id).setOption({
      animation: false, tooltip: {trigger: 'axis'},
      grid: {left: horizontal ? 110 : 50, right: 20, bottom: horizontal ? 20 : 70, top: 16},
      xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: [{type: 'bar', name: name || options.labels.requests, data: values, itemStyle: {color: color}, barMaxWidth: 28,
                label: {show: true, position: horizontal ? 'right' : 'top', color: TEXT}}]
    }, true);
  }

  function drawDashboard(d) {
    document.getElementById('cockpit-period').textContent = d.from + ' — ' + d.to;
    var total = d.total;
    document.querySelectorAll('[data-figure]').forEach(function (el) {
      var name = el.getAttribute('data-figure');
      el.textContent = name === 'requests' ? total.requests : percent(total[name]);
    });
    chart('cockpit-trend').setOption({
      animation: false, tooltip: {trigger: 'axis'}, legend: {textStyle: {color: TEXT}, top: 0},
      grid: {left: 50, right: 50, bottom: 30, top: 30},
      xAxis: {type: 'category', data: d.trend.map(function (r) { return r.key; }), axisLabel: {color: TEXT}},
      yAxis: [{type: 'value', minInterval: 1, axisLabel: {color: TEXT}, splitLine: {lineStyle: {color: AXIS, opacity: .4}}},
              {type: 'value', min: 0, max: 100, axisLabel: {color: TEXT, formatter: '{value}%'}, splitLine: {show: false}}],
      series: [
        {type: 'bar', name: options.labels.requests, data: d.trend.map(function (r) { return r.figures.requests; }),
         itemStyle: {color: '#1f6feb'}},
        {type: 'line', yAxisIndex: 1, name: document.querySelector('[data-figure=onTimeResolutionRate]').previousElementSibling.textContent,
         data: d.trend.map(function (r) { var v = r.figures.onTimeResolutionRate.value; return v == null ? null : +(v * 100).toFixed(1); }),
         itemStyle: {color: '#5ce1ff'}}]
    }, true);
    // A suppressed category (a sensitive one under five, or one withheld beside it) is not plotted: null, never its number.
    bars('cockpit-category', d.byCategory.map(function (c) { return (options.categoryNames[c.key] || c.key) + (c.suppressed ? ' ' + (c.withheld ? '—' : options.labels.fewer) : ''); }),
         d.byCategory.map(function (c) { return c.suppressed ? null : c.requests; }), true, '#5ce1ff');
    bars('cockpit-college', d.byCollege.map(label), d.byCollege.map(function (c) { return c.requests; }), false, '#3fb950');
    chart('cockpit-education').setOption({
      animation: false, tooltip: {trigger: 'item'},
      series: [{type: 'pie', radius: ['35%', '70%'], label: {color: TEXT, formatter: '{b}\n{c}'},
                data: d.activitiesByEducation.rows.map(function (r) { return {name: label(r), value: r.activities}; })}]
    }, true);
    bars('cockpit-type', d.activitiesByType.rows.map(label), d.activitiesByType.rows.map(function (r) { return r.activities; }), false, '#ffd666');
  }

  function drawCounts(c) {
    document.querySelectorAll('[data-count]').forEach(function (el) {
      el.textContent = c[el.getAttribute('data-count')];
    });
    var leaders = c.frontLine || [];
    bars('cockpit-front-line', leaders.map(function (l) { return l.leader; }), leaders.map(function (l) { return l.held; }), true, '#ff9f43', options.labels.held);
  }

  function stamp(stale) {
    var el = document.getElementById('cockpit-updated');
    el.textContent = new Date().toLocaleTimeString() + (stale ? ' ' + options.labels.stale : '');
    el.classList.toggle('cockpit-stale', stale);
  }

  function fetchJson(url) {
    return fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  function refresh() {
    Promise.all([fetchJson(options.dashboardUrl), fetchJson(options.countsUrl)]).then(function (both) {
      drawDashboard(both[0]);
      drawCounts(both[1]);
      stamp(false);
    }).catch(function () { stamp(true); });
  }

  function start(given) {
    options = given;
    drawDashboard(options.dashboard);
    drawCounts(options.counts);
    stamp(false);
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (id) { charts[id].resize(); }); });
    setInterval(refresh, Math.max(1, options.refreshSeconds) * 1000);
  }

  return {start: start};
})();
