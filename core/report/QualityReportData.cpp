#include "report/QualityReportData.h"

#include "alerts/AlertRepository.h"
#include "alerts/AlertThresholdService.h"
#include "model/Approval.h"
#include "profiler/QualityScore.h"
#include "quality/LatestRun.h"
#include "store/Database.h"
#include "store/SqlStatement.h"

#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

std::optional<double> optionalReal(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

GroupQuality summarize(const QString &tier, const QString &domain, const QList<const FieldQuality *> &fields,
                       double threshold)
{
    GroupQuality group;
    group.tier = tier;
    group.domain = domain;
    group.fields = int(fields.size());
    double sum = 0, startSum = 0;
    int started = 0;
    for (const FieldQuality *field : fields) {
        sum += field->score;
        if (field->startScore) {
            startSum += *field->startScore;
            ++started;
        }
        if (field->score < threshold)
            ++group.belowThreshold;
    }
    group.averageScore = fields.isEmpty() ? 0 : roundedScore(sum / double(fields.size()));
    group.grade = fields.isEmpty() ? QString() : profiler::QualityScore::grade(group.averageScore);
    if (started > 0) {
        group.averageStartScore = roundedScore(startSum / started);
        group.change = roundedScore(group.averageScore - *group.averageStartScore);
    }
    return group;
}

int tierRank(const QString &tier)
{
    const auto parsed = tierFromString(tier);
    return parsed ? int(*parsed) : 99; // unknown tiers last
}

} // namespace

double roundedScore(double score)
{
    return std::round(score * 10.0) / 10.0;
}

QString scoreText(double score)
{
    return QString::number(roundedScore(score), 'f', 1);
}

QString scoreText(const std::optional<double> &score)
{
    return score ? scoreText(*score) : QString();
}

QString changeText(const std::optional<double> &change)
{
    if (!change)
        return {};
    const double rounded = roundedScore(*change);
    return (rounded > 0 ? u"+"_s : QString()) + QString::number(rounded == 0 ? 0.0 : rounded, 'f', 1);
}

std::optional<double> FieldQuality::change() const
{
    if (!startScore)
        return std::nullopt;
    return roundedScore(roundedScore(score) - roundedScore(*startScore));
}

QList<FieldQuality> QualityReport::belowThreshold() const
{
    QList<FieldQuality> list;
    for (const FieldQuality &field : fields) {
        if (field.score < threshold)
            list.append(field);
    }
    return list;
}

QList<FieldQuality> QualityReport::worst(int count) const
{
    return fields.mid(0, std::min<qsizetype>(count, fields.size()));
}

QualityReportData::QualityReportData(Database &database, const QUuid &tenantId, const ReportPeriod &period)
    : m_database(database), m_tenantId(tenantId), m_period(period)
{
}

Result<QList<FieldQuality>> QualityReportData::fieldStates() const
{
    // Not among the Quality page's queries: each field's state at both edges of the
    // period, with the catalog's current tier and domain (the run's own as fallback).
    const quality::Period window = m_period.window();
    SqlStatement sql;
    sql(u"WITH RECURSIVE "_s);
    quality::LatestRun::fields(sql, m_tenantId);
    quality::LatestRun::latestRuns(sql, u"at_end"_s, window.to);
    quality::LatestRun::latestRuns(sql, u"at_start"_s, window.from);
    sql(u" SELECT l.canonical_key, COALESCE("_s + quality::LatestRun::tierOf(u"l"_s, u"g"_s) + u", ''), "_s
        + quality::LatestRun::domainOf(m_database.dialect(), u"l"_s, u"g"_s)
        + u", l.quality_score, l.quality_grade, l.created_at, l.completeness, l.uniqueness, l.validity, l.details, "
          u"s.quality_score FROM at_end JOIN mdm_profile l ON l.id = at_end.run_id "
          u"JOIN at_start ON at_start.tenant_id = at_end.tenant_id AND at_start.canonical_key = at_end.canonical_key "
          u"LEFT JOIN mdm_profile s ON s.id = at_start.run_id"_s
        + quality::LatestRun::catalogJoin(u"l"_s, u"g"_s));
    auto query = m_database.run(sql.text(), sql.values());
    if (!query)
        return query.error();
    QList<FieldQuality> fields;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        FieldQuality field;
        field.canonicalKey = row.value(0).toString();
        field.tier = row.value(1).toString();
        field.domain = row.value(2).toString();
        field.score = roundedScore(row.value(3).toDouble());
        field.grade = row.value(4).toString();
        field.measuredAt = fromIsoTimestamp(row.value(5).toString());
        field.completeness = optionalReal(row.value(6));
        field.uniqueness = optionalReal(row.value(7));
        field.validity = optionalReal(row.value(8));
        field.counts = profiler::countsFromDetails(QJsonDocument::fromJson(row.value(9).toString().toUtf8()).object());
        if (const auto start = optionalReal(row.value(10)))
            field.startScore = roundedScore(*start);
        fields.append(field);
    }
    std::sort(fields.begin(), fields.end(), [](const FieldQuality &a, const FieldQuality &b) {
        return a.score != b.score ? a.score < b.score : a.canonicalKey < b.canonicalKey;
    });
    return fields;
}

Result<QualityReport> QualityReportData::load() const
{
    QualityReport report;
    auto thresholds = alerts::AlertThresholdService(m_database).load(m_tenantId);
    if (!thresholds)
        return thresholds.error();
    report.threshold = thresholds.value().tier1FireBelow;
    const quality::Period window = m_period.window();
    const quality::QualityQueries queries(m_database);

    auto fields = fieldStates();
    if (!fields)
        return fields.error();
    report.fields = fields.value();

    auto alerts = alerts::AlertRepository(m_database).openForTenant(m_tenantId);
    if (!alerts)
        return alerts.error();
    // Alerts firing now that had fired by the end of the period.
    for (const alerts::Alert &alert : alerts.value()) {
        if (!alert.firedAt.isValid() || alert.firedAt < window.to)
            report.openAlerts.append(alert);
    }
    QHash<QString, int> alertsByField;
    for (const alerts::Alert &alert : report.openAlerts)
        ++alertsByField[alert.canonicalKey];
    for (FieldQuality &field : report.fields)
        field.openAlerts = alertsByField.value(field.canonicalKey);

    // Groups: per tier, and per tier and domain.
    QMap<std::pair<int, QString>, QList<const FieldQuality *>> byTier;
    QMap<std::tuple<int, QString, QString>, QList<const FieldQuality *>> byDomain;
    for (const FieldQuality &field : report.fields) {
        byTier[{tierRank(field.tier), field.tier}].append(&field);
        byDomain[{tierRank(field.tier), field.tier, field.domain}].append(&field);
    }
    for (auto it = byTier.cbegin(); it != byTier.cend(); ++it)
        report.tiers.append(summarize(it.key().second, {}, it.value(), report.threshold));
    for (auto it = byDomain.cbegin(); it != byDomain.cend(); ++it)
        report.groups.append(summarize(std::get<1>(it.key()), std::get<2>(it.key()), it.value(), report.threshold));

    // The Quality page's series, so the report's charts are the page's charts.
    auto activity = queries.activity(m_tenantId, window);
    if (!activity)
        return activity.error();
    report.tierTrend = activity.value().tierTrend;
    report.runsPerDay = activity.value().runsPerDay;
    auto grades = queries.gradeDistribution(m_tenantId, window);
    if (!grades)
        return grades.error();
    report.gradeDistribution = grades.value();
    auto degradations = queries.recentDegradations(m_tenantId, window);
    if (!degradations)
        return degradations.error();
    report.degradations = degradations.value();
    return report;
}

} // namespace steward::report
