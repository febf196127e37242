#include "QualityCharts.h"

#include "ChartPalette.h"

#include "ChartPanel.h"
#include "UiTr.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace steward::QualityCharts {
namespace {


QString number(double value, int decimals = 1)
{
    return QLocale().toString(value, 'f', decimals);
}

QString dayText(const QDate &day)
{
    return QLocale().toString(day, QLocale::ShortFormat);
}

QString shortDayText(const QDate &day)
{
    return QLocale().toString(day, u"d MMM"_s);
}

qint64 noonOf(const QDate &day)
{
    return QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

QDate dayOfMsecs(qreal msecs)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(msecs), Qt::UTC).date();
}

// Starts the chart over: no series, no axes, a readable default look.
QChart *reset(ChartPanel &panel)
{
    QChart *chart = panel.chart();
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(true);
    QFont font = chart->legend()->font();
    font.setPointSizeF(std::max(7.0, QFont().pointSizeF() - 1));
    chart->legend()->setFont(font);
    return chart;
}

void styleAxis(QAbstractAxis *axis)
{
    QFont font = axis->labelsFont();
    font.setPointSizeF(std::max(7.0, QFont().pointSizeF() - 1));
    axis->setLabelsFont(font);
    axis->setTitleFont(font);
    axis->setTitleVisible(false);
}

QDateTimeAxis *dateAxis(QChart *chart, const quality::Period &period)
{
    auto *axis = new QDateTimeAxis;
    styleAxis(axis);
    axis->setFormat(u"d MMM"_s);
    axis->setRange(period.from, period.to);
    const qsizetype days = period.days().size();
    axis->setTickCount(days <= 31 ? 7 : 10);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

// A percent axis from a round number at or below both the data and the threshold up to 100.
QValueAxis *scoreAxis(QChart *chart, double lowestValue, double threshold)
{
    auto *axis = new QValueAxis;
    styleAxis(axis);
    const double floorValue = std::min(lowestValue, threshold - 5.0);
    const double low = std::max(0.0, std::floor(floorValue / 10.0) * 10.0);
    axis->setRange(low, 100);
    axis->setTickCount(int((100 - low) / 10) + 1);
    axis->setLabelFormat(u"%.0f"_s);
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

// A count axis from 0 with whole-number ticks.
QValueAxis *countAxis(QChart *chart, int maximum, Qt::Alignment alignment)
{
    auto *axis = new QValueAxis;
    styleAxis(axis);
    int top = std::max(1, maximum);
    int step = 1;
    for (const int candidate : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000}) {
        step = candidate;
        if (top / candidate <= 6)
            break;
    }
    top = (top / step + 1) * step; // a little room above the highest bar
    axis->setRange(0, top);
    axis->setTickCount(top / step + 1);
    axis->setLabelFormat(u"%d"_s);
    chart->addAxis(axis, alignment);
    return axis;
}

// Day categories 0..n-1 for bars over time, labelled about every week.
QCategoryAxis *dayCategoryAxis(QChart *chart, const QList<QDate> &days)
{
    auto *axis = new QCategoryAxis;
    styleAxis(axis);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(-0.5);
    // Labelled every 5 or 10 days, the newest a little before the last bar so it is not clipped.
    const int every = days.size() <= 31 ? 5 : 10;
    const int offset = every / 2;
    for (qsizetype i = 0; i < days.size(); ++i) {
        if ((days.size() - 1 - i) % every == offset)
            axis->append(shortDayText(days.at(i)), double(i));
    }
    axis->setRange(-0.5, double(days.size()) - 0.5);
    axis->setGridLineVisible(false);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

void attach(QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    series->attachAxis(x);
    series->attachAxis(y);
}

// Shows `describe(point)` for the data point nearest to where the pointer touches the line.
void tooltipOnHover(QXYSeries *series, QChartView *view, std::function<QString(const QPointF &)> describe)
{
    QObject::connect(series, &QXYSeries::hovered, view,
                     [series, view, describe = std::move(describe)](const QPointF &at, bool state) {
                         if (!state) {
                             QToolTip::hideText();
                             return;
                         }
                         const QList<QPointF> points = series->points();
                         if (points.isEmpty())
                             return;
                         const auto nearest = std::min_element(
                             points.cbegin(), points.cend(), [&at](const QPointF &a, const QPointF &b) {
                                 return std::abs(a.x() - at.x()) < std::abs(b.x() - at.x());
                             });
                         QToolTip::showText(QCursor::pos(), describe(*nearest), view);
                     });
}

void tooltipOnHover(QBarSet *set, QChartView *view, std::function<QString(int)> describe)
{
    QObject::connect(set, &QBarSet::hovered, view, [view, describe = std::move(describe)](bool state, int index) {
        if (state)
            QToolTip::showText(QCursor::pos(), describe(index), view);
        else
            QToolTip::hideText();
    });
}

QLineSeries *thresholdLine(QChart *chart, const QualitySnapshot &snapshot, QAbstractAxis *x, QAbstractAxis *y)
{
    const double threshold = snapshot.thresholds.tier1FireBelow;
    const quality::Period &period = snapshot.period;
    auto *line = new QLineSeries;
    line->setObjectName(u"thresholdSeries"_s);
    line->setName(UiTr::tr("Threshold (%1)").arg(number(threshold, threshold == std::round(threshold) ? 0 : 1)));
    line->append(double(period.from.toMSecsSinceEpoch()), threshold);
    line->append(double(period.to.toMSecsSinceEpoch()), threshold);
    QPen pen(ChartPalette::threshold(), 1.5, Qt::DashLine);
    line->setPen(pen);
    chart->addSeries(line);
    attach(line, x, y);
    return line;
}

QLineSeries *lineSeries(const QString &objectName, const QString &name, const QColor &color, qreal width)
{
    auto *series = new QLineSeries;
    series->setObjectName(objectName);
    series->setName(name);
    QPen pen(color, width);
    pen.setCapStyle(Qt::RoundCap);
    series->setPen(pen);
    series->setPointsVisible(true);
    series->setMarkerSize(width > 2 ? 6 : 4);
    return series;
}

QBarSet *barSet(const QString &name, const QColor &color)
{
    auto *set = new QBarSet(name);
    set->setColor(color);
    set->setBorderColor(color.darker(115));
    return set;
}

QString periodText(const QualitySnapshot &snapshot)
{
    return UiTr::tr("the last %1 days").arg(snapshot.request.days);
}

} // namespace

QString durationText(double seconds)
{
    if (seconds < 60)
        return UiTr::tr("%1 s").arg(number(seconds, seconds < 10 ? 1 : 0));
    const qint64 minutes = qint64(std::llround(seconds / 60.0));
    if (minutes < 60)
        return UiTr::tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return UiTr::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return UiTr::tr("%1 d %2 h").arg(minutes / (24 * 60)).arg((minutes / 60) % 24);
}

void showTierTrend(ChartPanel &panel, const QualitySnapshot &snapshot)
{
    QChart *chart = reset(panel);
    if (snapshot.tierTrend.isEmpty()) {
        panel.setEmptyText(UiTr::tr("No completed profile runs in %1.").arg(periodText(snapshot)));
        return;
    }
    panel.setEmptyText({});
    QDateTimeAxis *x = dateAxis(chart, snapshot.period);
    double lowest = 100;
    for (const quality::TierDayScore &row : snapshot.tierTrend)
        lowest = std::min(lowest, row.averageScore);
    QValueAxis *y = scoreAxis(chart, lowest, snapshot.thresholds.tier1FireBelow);

    for (const Tier tier : allTiers()) {
        QHash<qint64, int> runs;
        QList<QPointF> points;
        for (const quality::TierDayScore &row : snapshot.tierTrend) {
            if (row.tier != tier)
                continue;
            points.append(QPointF(double(noonOf(row.day)), row.averageScore));
            runs.insert(noonOf(row.day), row.runs);
        }
        if (points.isEmpty())
            continue;
        QLineSeries *series = lineSeries(toString(tier) + u"Series"_s, toString(tier), ChartPalette::tier(tier),
                                         tier == Tier::Tier1 ? 2.6 : 1.8);
        series->setPointsVisible(points.size() <= 45);
        series->replace(points);
        chart->addSeries(series);
        attach(series, x, y);
        const int interval = profileWindowDays(tier);
        tooltipOnHover(series, panel.view(), [tier, runs, interval](const QPointF &point) {
            const QString when = interval == 1 ? UiTr::tr("on %1").arg(dayText(dayOfMsecs(point.x())))
                                               : UiTr::tr("in the %1 days to %2").arg(interval).arg(
                                                     dayText(dayOfMsecs(point.x())));
            return UiTr::tr("%1 %2: average %3 over %n run(s)", nullptr, runs.value(qint64(point.x())))
                .arg(toString(tier), when, number(point.y()));
        });
    }
    thresholdLine(chart, snapshot, x, y);
}

void showFieldTrend(ChartPanel &panel, const QualitySnapshot &snapshot)
{
    QChart *chart = reset(panel);
    if (snapshot.fieldKey.isEmpty()) {
        panel.setEmptyText(UiTr::tr("No field was profiled in %1.").arg(periodText(snapshot)));
        return;
    }
    if (snapshot.fieldTrend.isEmpty()) {
        panel.setEmptyText(
            UiTr::tr("%1 has no completed profile runs in %2.").arg(snapshot.fieldKey, periodText(snapshot)));
        return;
    }
    panel.setEmptyText({});
    QDateTimeAxis *x = dateAxis(chart, snapshot.period);

    struct Line
    {
        QString objectName;
        QString name;
        QColor color;
        qreal width;
        std::optional<double> quality::FieldDayMetrics::*member;
    };
    const Line lines[] = {
        {u"fieldScoreSeries"_s, UiTr::tr("Quality score"), ChartPalette::fieldScore(), 2.6,
         &quality::FieldDayMetrics::score},
        {u"fieldCompletenessSeries"_s, UiTr::tr("Completeness"), ChartPalette::completeness(), 1.5,
         &quality::FieldDayMetrics::completeness},
        {u"fieldUniquenessSeries"_s, UiTr::tr("Uniqueness"), ChartPalette::uniqueness(), 1.5,
         &quality::FieldDayMetrics::uniqueness},
        {u"fieldValiditySeries"_s, UiTr::tr("Validity"), ChartPalette::validity(), 1.5,
         &quality::FieldDayMetrics::validity},
    };
    double lowest = 100;
    for (const quality::FieldDayMetrics &row : snapshot.fieldTrend) {
        for (const auto *value : {&row.score, &row.completeness, &row.uniqueness, &row.validity}) {
            if (*value)
                lowest = std::min(lowest, **value);
        }
    }
    // A line far below the others (uniqueness of a code column is near 0 by nature) gets
    // the whole scale rather than a squeezed view of the rest.
    if (lowest < 40)
        lowest = 0;
    QValueAxis *y = scoreAxis(chart, lowest, snapshot.thresholds.tier1FireBelow);
    for (const Line &line : lines) {
        QList<QPointF> points;
        for (const quality::FieldDayMetrics &row : snapshot.fieldTrend) {
            if (const std::optional<double> &value = row.*(line.member))
                points.append(QPointF(double(noonOf(row.day)), *value));
        }
        QLineSeries *series = lineSeries(line.objectName, line.name, line.color, line.width);
        series->setPointsVisible(points.size() <= 45);
        series->replace(points);
        chart->addSeries(series);
        attach(series, x, y);
        const QString name = line.name;
        tooltipOnHover(series, panel.view(), [name](const QPointF &point) {
            return UiTr::tr("%1 on %2: %3").arg(name, dayText(dayOfMsecs(point.x())), number(point.y()));
        });
    }
    thresholdLine(chart, snapshot, x, y);
}

void showDistribution(ChartPanel &panel, const QualitySnapshot &snapshot)
{
    QChart *chart = reset(panel);
    if (snapshot.distribution.isEmpty()) {
        panel.setEmptyText(UiTr::tr("No field has a score in %1.").arg(periodText(snapshot)));
        return;
    }
    panel.setEmptyText({});
    // Bars are laid out bottom-up: reversed, the domains read alphabetically from the top.
    QList<quality::DomainGrades> rows = snapshot.distribution;
    std::reverse(rows.begin(), rows.end());
    QStringList domains;
    int widest = 0;
    for (const quality::DomainGrades &row : std::as_const(rows)) {
        domains.append(row.domain.isEmpty() ? UiTr::tr("(no domain)") : row.domain);
        widest = std::max(widest, row.total());
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->setObjectName(u"distributionSeries"_s);
    series->setBarWidth(0.7);
    for (int grade = 0; grade < quality::kGradeCount; ++grade) {
        const QString gradeName = quality::gradeNames().at(grade);
        QBarSet *set = barSet(UiTr::tr("Grade %1").arg(gradeName), ChartPalette::grade(gradeName));
        for (const quality::DomainGrades &row : std::as_const(rows))
            set->append(row.fields[std::size_t(grade)]);
        series->append(set);
        tooltipOnHover(set, panel.view(), [domains, set, gradeName](int index) {
            return UiTr::tr("%1: %n field(s) with grade %2", nullptr, int(set->at(index)))
                .arg(domains.value(index), gradeName);
        });
    }
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    styleAxis(y);
    y->setTruncateLabels(false);
    y->append(domains);
    chart->addAxis(y, Qt::AlignLeft);
    QValueAxis *x = countAxis(chart, widest, Qt::AlignBottom);
    attach(series, x, y);
}

void showRunsPerDay(ChartPanel &panel, const QualitySnapshot &snapshot)
{
    QChart *chart = reset(panel);
    if (snapshot.runsPerDay.isEmpty()) {
        panel.setEmptyText(UiTr::tr("No profile runs in %1.").arg(periodText(snapshot)));
        return;
    }
    panel.setEmptyText({});
    const QList<QDate> days = snapshot.period.days();
    QHash<QDate, quality::RunsDay> byDay;
    bool anyCancelled = false;
    int highest = 0;
    for (const quality::RunsDay &row : snapshot.runsPerDay) {
        byDay.insert(row.day, row);
        anyCancelled = anyCancelled || row.cancelled > 0;
        highest = std::max(highest, row.completed + row.failed + row.cancelled);
    }
    auto *series = new QStackedBarSeries;
    series->setObjectName(u"runsPerDaySeries"_s);
    series->setBarWidth(0.8);
    QBarSet *completed = barSet(UiTr::tr("Completed"), ChartPalette::runCompleted());
    QBarSet *failed = barSet(UiTr::tr("Failed"), ChartPalette::runFailed());
    QBarSet *cancelled = anyCancelled ? barSet(UiTr::tr("Cancelled"), ChartPalette::runCancelled()) : nullptr;
    for (const QDate &day : days) {
        const quality::RunsDay row = byDay.value(day);
        completed->append(row.completed);
        failed->append(row.failed);
        if (cancelled)
            cancelled->append(row.cancelled);
    }
    for (QBarSet *set : {completed, failed, cancelled}) {
        if (!set)
            continue;
        series->append(set);
        tooltipOnHover(set, panel.view(), [days, byDay](int index) {
            const QDate day = days.value(index);
            const quality::RunsDay row = byDay.value(day);
            QString text = UiTr::tr("%1: %n completed", nullptr, row.completed).arg(dayText(day));
            text += u", "_s + UiTr::tr("%n failed", nullptr, row.failed);
            if (row.cancelled > 0)
                text += u", "_s + UiTr::tr("%n cancelled", nullptr, row.cancelled);
            return text;
        });
    }
    chart->addSeries(series);
    QCategoryAxis *x = dayCategoryAxis(chart, days);
    QValueAxis *y = countAxis(chart, highest, Qt::AlignLeft);
    attach(series, x, y);
}

void showDurations(ChartPanel &panel, const QualitySnapshot &snapshot)
{
    QChart *chart = reset(panel);
    const quality::DurationHistogram &histogram = snapshot.durations;
    if (histogram.runs() == 0) {
        panel.setEmptyText(UiTr::tr("No completed profile runs in %1.").arg(periodText(snapshot)));
        return;
    }
    panel.setEmptyText({});
    chart->legend()->setVisible(false);
    // Upper bounds as labels ("≤ 0.5"), the unit in the axis title.
    QStringList buckets;
    const QList<double> &bounds = histogram.upperBoundsSeconds;
    for (qsizetype i = 0; i < bounds.size(); ++i)
        buckets.append(UiTr::tr("≤ %1").arg(QLocale().toString(bounds.at(i))));
    buckets.append(UiTr::tr("> %1").arg(QLocale().toString(bounds.isEmpty() ? 0.0 : bounds.constLast())));
    auto *series = new QBarSeries;
    series->setObjectName(u"durationSeries"_s);
    series->setBarWidth(0.8);
    QBarSet *set = barSet(UiTr::tr("Completed runs"), ChartPalette::tier(Tier::Tier1));
    int highest = 0;
    for (const int count : histogram.counts) {
        set->append(count);
        highest = std::max(highest, count);
    }
    series->append(set);
    const int total = histogram.runs();
    tooltipOnHover(set, panel.view(), [buckets, set, total](int index) {
        const int count = int(set->at(index));
        return UiTr::tr("%1 s: %n run(s) (%2 %)", nullptr, count)
            .arg(buckets.value(index), number(100.0 * count / std::max(1, total)));
    });
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    styleAxis(x);
    x->setTruncateLabels(false);
    x->setTitleText(UiTr::tr("seconds"));
    x->setTitleVisible(true);
    x->append(buckets);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = countAxis(chart, highest, Qt::AlignLeft);
    attach(series, x, y);
}

void showPending(ChartPanel &panel, const QualitySnapshot &snapshot)
{
    QChart *chart = reset(panel);
    if (snapshot.pending.isEmpty()) {
        panel.setEmptyText(UiTr::tr("Nothing is waiting for a decision."));
        return;
    }
    panel.setEmptyText({});
    QStringList tiers;
    for (const Tier tier : allTiers())
        tiers.append(toString(tier));
    auto *series = new QStackedBarSeries;
    series->setObjectName(u"pendingSeries"_s);
    series->setBarWidth(0.6);
    QList<int> totals(tiers.size(), 0);
    for (const EntityType type : allEntityTypes()) {
        QList<int> counts(tiers.size(), 0);
        bool any = false;
        for (const quality::PendingCount &row : snapshot.pending) {
            if (row.entityType == type) {
                counts[int(row.tier) - 1] += row.count;
                totals[int(row.tier) - 1] += row.count;
                any = true;
            }
        }
        if (!any)
            continue;
        QBarSet *set = barSet(displayName(type), ChartPalette::entityType(type));
        for (const int count : std::as_const(counts))
            set->append(count);
        series->append(set);
        const QString typeName = displayName(type);
        tooltipOnHover(set, panel.view(), [tiers, set, typeName](int index) {
            return UiTr::tr("%1, %2: %n pending", nullptr, int(set->at(index))).arg(tiers.value(index), typeName);
        });
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    styleAxis(x);
    x->append(tiers);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = countAxis(chart, *std::max_element(totals.cbegin(), totals.cend()), Qt::AlignLeft);
    attach(series, x, y);
}

void showDecisions(ChartPanel &panel, const QualitySnapshot &snapshot)
{
    QChart *chart = reset(panel);
    if (snapshot.decisionsPerDay.isEmpty()) {
        panel.setEmptyText(UiTr::tr("No decisions in %1.").arg(periodText(snapshot)));
        return;
    }
    panel.setEmptyText({});
    const QList<QDate> days = snapshot.period.days();
    QHash<QDate, int> dayIndex;
    for (qsizetype i = 0; i < days.size(); ++i)
        dayIndex.insert(days.at(i), int(i));
    auto *series = new QStackedBarSeries;
    series->setObjectName(u"decisionsSeries"_s);
    series->setBarWidth(0.8);
    QList<int> totals(days.size(), 0);
    for (const EntityType type : allEntityTypes()) {
        QList<int> approved(days.size(), 0);
        QList<int> rejected(days.size(), 0);
        bool any = false;
        for (const quality::DecisionDay &row : snapshot.decisionsPerDay) {
            const int index = dayIndex.value(row.day, -1);
            if (row.entityType != type || index < 0)
                continue;
            approved[index] += row.approved;
            rejected[index] += row.rejected;
            totals[index] += row.total();
            any = true;
        }
        if (!any)
            continue;
        QBarSet *set = barSet(displayName(type), ChartPalette::entityType(type));
        for (qsizetype i = 0; i < days.size(); ++i)
            set->append(approved.at(i) + rejected.at(i));
        series->append(set);
        const QString typeName = displayName(type);
        tooltipOnHover(set, panel.view(), [days, approved, rejected, typeName](int index) {
            return UiTr::tr("%1, %2: %3 approved, %4 rejected")
                .arg(dayText(days.value(index)), typeName)
                .arg(approved.value(index))
                .arg(rejected.value(index));
        });
    }
    chart->addSeries(series);
    QCategoryAxis *x = dayCategoryAxis(chart, days);
    QValueAxis *y = countAxis(chart, *std::max_element(totals.cbegin(), totals.cend()), Qt::AlignLeft);
    attach(series, x, y);
}

} // namespace steward::QualityCharts
