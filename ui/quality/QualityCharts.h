#pragma once

#include "QualityLoader.h"

namespace steward {

class ChartPanel;

// Draws the Quality page's charts from a snapshot: each function replaces what its
// panel showed (series, axes, the "nothing to show" note) and wires hover tooltips.
// Series carry object names so tests can find them: tier1Series .. tier5Series,
// thresholdSeries (the tenant's tier1 alert line), fieldScoreSeries, fieldCompletenessSeries, fieldUniquenessSeries,
// fieldValiditySeries; bar sets carry theirs in the series' names.
namespace QualityCharts {

void showTierTrend(ChartPanel &panel, const QualitySnapshot &snapshot);
void showFieldTrend(ChartPanel &panel, const QualitySnapshot &snapshot);
void showDistribution(ChartPanel &panel, const QualitySnapshot &snapshot);
void showRunsPerDay(ChartPanel &panel, const QualitySnapshot &snapshot);
void showDurations(ChartPanel &panel, const QualitySnapshot &snapshot);
void showPending(ChartPanel &panel, const QualitySnapshot &snapshot);
void showDecisions(ChartPanel &panel, const QualitySnapshot &snapshot);

// "6 h 23 min", "2 d 4 h", "45 s": a duration as a steward reads it.
QString durationText(double seconds);

} // namespace QualityCharts

} // namespace steward
