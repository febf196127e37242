#pragma once

#include "ChartPainter.h"
#include "quality/QualityQueries.h"
#include "report/QualityReportData.h"
#include "report/ReportTypes.h"

namespace steward::report {

// The charts of the reports, built from the Quality page's series (core/quality) so a
// report shows what the page shows: one point or bar per UTC day of the period (per
// week or month when the period is long).
namespace ReportCharts {

ChartData tierTrend(const QualityReport &report, const ReportPeriod &period, double threshold);
ChartData gradeDistribution(const QualityReport &report);
ChartData runsPerDay(const QualityReport &report, const ReportPeriod &period);
ChartData decisionsPerDay(const QList<quality::DecisionDay> &days, const ReportPeriod &period);


} // namespace ReportCharts
} // namespace steward::report
