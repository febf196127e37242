#include "ReportCharts.h"

#include "ChartPalette.h"

#include "../UiTr.h"

#include <QHash>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::report::ReportCharts {
namespace {

enum class Unit { Day, Week, Month, Year };

// The period's days grouped into the bars or points of a chart: by day up to two
// months, by week up to about a year, by month up to ten years, by year beyond.
struct TimeBuckets
{
    Unit unit = Unit::Day;
    QDate first;
    QDate last;
    QStringList labels;
    QList<QDate> starts; // first day of each bucket, ascending

    explicit TimeBuckets(const ReportPeriod &period) : first(period.from), last(period.to)
    {
        const qint64 days = period.from.daysTo(period.to) + 1;
        unit = days <= 62 ? Unit::Day : days <= 400 ? Unit::Week : days <= 3660 ? Unit::Month : Unit::Year;
        for (QDate day = first; day.isValid() && day <= last; day = next(day)) {
            starts.append(day);
            labels.append(unit == Unit::Year    ? day.toString(u"yyyy"_s)
                          : unit == Unit::Month ? day.toString(u"yyyy-MM"_s)
                                                : day.toString(u"MM-dd"_s));
        }
    }

    // The start of the bucket after the one `day` starts.
    QDate next(const QDate &day) const
    {
        switch (unit) {
        case Unit::Day:
            return day.addDays(1);
        case Unit::Week:
            return day.addDays(8 - day.dayOfWeek()); // the next Monday
        case Unit::Month:
            return QDate(day.year(), day.month(), 1).addMonths(1);
        case Unit::Year:
            return QDate(day.year() + 1, 1, 1);
        }
        return day.addDays(1);
    }

    int indexOf(const QDate &day) const
    {
        if (!day.isValid() || day < first || day > last)
            return -1;
        const auto after = std::upper_bound(starts.cbegin(), starts.cend(), day);
        return int(after - starts.cbegin()) - 1;
    }
    QList<std::optional<double>> emptyValues() const { return QList<std::optional<double>>(labels.size()); }
};

QString perUnit(Unit unit, const QString &perDay, const QString &perWeek, const QString &perMonth,
                const QString &perYear)
{
    switch (unit) {
    case Unit::Day:
        return perDay;
    case Unit::Week:
        return perWeek;
    case Unit::Month:
        return perMonth;
    case Unit::Year:
        return perYear;
    }
    return perDay;
}

// A chart over the period's buckets, one category each, in time order.
ChartData overTime(ChartData::Kind kind, const TimeBuckets &buckets, const QString &title, const QString &valueLabel,
                   const QString &emptyText)
{
    ChartData chart;
    chart.kind = kind;
    chart.title = title;
    chart.valueLabel = valueLabel;
    chart.categories = buckets.labels;
    chart.sequence = true;
    chart.emptyText = emptyText;
    return chart;
}

void add(std::optional<double> &slot, double value)
{
    slot = slot.value_or(0) + value;
}

} // namespace

ChartData tierTrend(const QualityReport &report, const ReportPeriod &period, double threshold)
{
    const TimeBuckets buckets(period);
    ChartData chart = overTime(ChartData::Kind::Line, buckets,
                               perUnit(buckets.unit, UiTr::tr("Average quality score per tier and day"),
                                       UiTr::tr("Average quality score per tier and week"),
                                       UiTr::tr("Average quality score per tier and month"),
                                       UiTr::tr("Average quality score per tier and year")),
                               UiTr::tr("Score"), UiTr::tr("No completed profile runs in this period."));
    // As on the Quality page: from a round ten at or below the data and the threshold, up to 100.
    double lowest = 100;
    for (const quality::TierDayScore &point : report.tierTrend)
        lowest = std::min(lowest, point.averageScore);
    chart.minimum = std::max(0.0, std::floor(std::min(lowest, threshold - 5.0) / 10.0) * 10.0);
    chart.maximum = 100;
    chart.tickStep = 10;
    chart.threshold = threshold;
    chart.thresholdName = UiTr::tr("Threshold (%1)").arg(threshold, 0, 'f', 0);
    for (const Tier tier : allTiers()) {
        // A bucket of several days averages its days' averages weighted by their runs.
        QList<double> sums(buckets.labels.size(), 0.0);
        QList<int> runs(buckets.labels.size(), 0);
        for (const quality::TierDayScore &point : report.tierTrend) {
            const int index = buckets.indexOf(point.day);
            if (point.tier == tier && index >= 0) {
                sums[index] += point.averageScore * point.runs;
                runs[index] += point.runs;
            }
        }
        ChartSeries series{toString(tier), ChartPalette::tier(tier), buckets.emptyValues()};
        bool any = false;
        for (qsizetype i = 0; i < sums.size(); ++i) {
            if (runs.at(i) > 0) {
                series.values[i] = sums.at(i) / runs.at(i);
                any = true;
            }
        }
        if (any)
            chart.series.append(series);
    }
    return chart;
}

ChartData gradeDistribution(const QualityReport &report)
{
    ChartData chart;
    chart.kind = ChartData::Kind::HorizontalStackedBars;
    chart.title = UiTr::tr("Fields by grade and domain");
    chart.valueLabel = UiTr::tr("Fields (latest score in the period)");
    chart.emptyText = UiTr::tr("No field has a score in this period.");
    for (const quality::DomainGrades &domain : report.gradeDistribution)
        chart.categories.append(domain.domain.isEmpty() ? UiTr::tr("(no domain)") : domain.domain);
    for (int grade = 0; grade < quality::kGradeCount; ++grade) {
        const QString name = quality::gradeNames().at(grade);
        ChartSeries series{UiTr::tr("Grade %1").arg(name), ChartPalette::grade(name), {}};
        for (const quality::DomainGrades &domain : report.gradeDistribution)
            series.values.append(double(domain.fields[std::size_t(grade)]));
        chart.series.append(series);
    }
    return chart;
}

ChartData runsPerDay(const QualityReport &report, const ReportPeriod &period)
{
    const TimeBuckets buckets(period);
    ChartData chart = overTime(ChartData::Kind::StackedBars, buckets,
                               perUnit(buckets.unit, UiTr::tr("Profile runs per day"), UiTr::tr("Profile runs per week"),
                                       UiTr::tr("Profile runs per month"), UiTr::tr("Profile runs per year")),
                               UiTr::tr("Runs"), UiTr::tr("No profile runs in this period."));
    ChartSeries completed{UiTr::tr("Completed"), ChartPalette::runCompleted(), buckets.emptyValues()};
    ChartSeries failed{UiTr::tr("Failed"), ChartPalette::runFailed(), buckets.emptyValues()};
    ChartSeries cancelled{UiTr::tr("Cancelled"), ChartPalette::runCancelled(), buckets.emptyValues()};
    bool anyCancelled = false;
    for (const quality::RunsDay &day : report.runsPerDay) {
        const int i = buckets.indexOf(day.day);
        if (i < 0)
            continue;
        add(completed.values[i], day.completed);
        add(failed.values[i], day.failed);
        add(cancelled.values[i], day.cancelled);
        anyCancelled = anyCancelled || day.cancelled > 0;
    }
    chart.series = {completed, failed};
    if (anyCancelled)
        chart.series.append(cancelled);
    return chart;
}

ChartData decisionsPerDay(const QList<quality::DecisionDay> &decisions, const ReportPeriod &period)
{
    const TimeBuckets buckets(period);
    ChartData chart = overTime(ChartData::Kind::StackedBars, buckets,
                               perUnit(buckets.unit, UiTr::tr("Decisions per day"), UiTr::tr("Decisions per week"),
                                       UiTr::tr("Decisions per month"), UiTr::tr("Decisions per year")),
                               UiTr::tr("Approved and rejected"), UiTr::tr("No decisions in this period."));
    // As on the Quality page: one stack level per entity type.
    for (const EntityType type : allEntityTypes()) {
        ChartSeries series{displayName(type), ChartPalette::entityType(type), buckets.emptyValues()};
        bool any = false;
        for (const quality::DecisionDay &day : decisions) {
            const int i = buckets.indexOf(day.day);
            if (day.entityType != type || i < 0)
                continue;
            add(series.values[i], day.total());
            any = true;
        }
        if (any)
            chart.series.append(series);
    }
    return chart;
}

} // namespace steward::report::ReportCharts
