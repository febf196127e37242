#pragma once

#include "model/RuleDefinition.h"
#include "model/Types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <optional>

namespace steward::profiler {

// SPEC section 5 vocabulary, as stored in mdm_profile.
enum class Trigger { Approval, Schedule, Manual, RuleChange };
enum class RunStatus { Completed, Failed, Cancelled };
QString toString(Trigger trigger);   // approval | schedule | manual | rule_change
QString toString(RunStatus status);  // completed | failed | cancelled
std::optional<Trigger> triggerFromString(QStringView text);
std::optional<RunStatus> runStatusFromString(QStringView text);

// An active BUSINESS_RULE on a field.
struct RuleCheck
{
    QString ruleKey;
    RuleDefinition rule;
};

// One GLOBAL_METADATA field and the physical column its binding names.
struct ColumnTarget
{
    QString canonicalKey;
    QString entityUrn;
    Tier tier = Tier::Tier3;
    QString domain;
    QString column;
    QString dataType; // DECIMAL, INTEGER, TEXT, DATE, TIMESTAMP, BOOLEAN
    QString format;   // e.g. "18,2"
    QList<RuleCheck> rules;
    bool hasUniqueRule() const;
};

// Every bound field of one table: profiled together in one scan.
struct TableTarget
{
    QString source; // mdm_data_source.name
    QString schema;
    QString table;
    QList<ColumnTarget> columns;
};

struct RuleOutcome
{
    QString ruleKey;
    QString ruleType;
    qint64 checked = 0;    // non-null values the rule was applied to (not_null: every row)
    qint64 violations = 0; // of those, how many failed it (not_null: the nulls; unique: the repeats)
    qint64 unevaluated = 0; // of those, how many it could not judge (a regex engine giving up)
};

// Counts from the scan and the scores of SPEC section 5 for one field.
struct ColumnMetrics
{
    qint64 rows = 0;    // rows in scope (all, or the sample)
    qint64 nonNull = 0;
    qint64 distinct = 0;     // distinct non-null values
    bool distinctExact = true; // false: HyperLogLog estimate
    qint64 valid = 0;          // non-null values passing every active rule and the dataType/format
    QList<RuleOutcome> rules;
    std::optional<double> completeness; // percent; empty when not measurable (why: `note`)
    std::optional<double> uniqueness;
    std::optional<double> validity;
    std::optional<double> qualityScore;
    QString qualityGrade; // A..F, empty without a score
    QString note;         // e.g. "the table is empty"
};

// One row of mdm_profile.
struct ProfileRun
{
    QUuid id;
    QUuid tenantId;
    QString canonicalKey;
    QString entityUrn;
    Tier tier = Tier::Tier3;
    QString domain;
    Trigger trigger = Trigger::Manual;
    RunStatus status = RunStatus::Completed;
    ColumnMetrics metrics;
    qint64 rowCount = 0;   // rows in the table
    qint64 sampledRows = 0; // rows measured when sampling, else equal to rowCount
    qint64 durationMs = 0;
    QString error;          // failed/cancelled: what and why
    QJsonObject details;    // per metric and per rule, plus the distinct method
    QDateTime createdAt;
};

// A run's counts in its details JSON: rows, nonNull, nulls, distinct {count, method},
// valid, invalid, rules [{ruleKey, ruleType, checked, violations, passRate
// [, unevaluated]}], note.
QJsonObject countsToDetails(const ColumnMetrics &metrics);
// The same counts back as metrics; the percentages and grade are columns of
// mdm_profile and are not read here.
ColumnMetrics countsFromDetails(const QJsonObject &details);

} // namespace steward::profiler

Q_DECLARE_METATYPE(steward::profiler::ProfileRun)
