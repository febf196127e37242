#include "profiler/ProfileTypes.h"

#include "model/EnumSpelling.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

constexpr SpellingTable<Trigger, 4> kTriggers{{
    {Trigger::Approval, u"approval"},
    {Trigger::Schedule, u"schedule"},
    {Trigger::Manual, u"manual"},
    {Trigger::RuleChange, u"rule_change"},
}};

constexpr SpellingTable<RunStatus, 3> kStatuses{{
    {RunStatus::Completed, u"completed"},
    {RunStatus::Failed, u"failed"},
    {RunStatus::Cancelled, u"cancelled"},
}};

} // namespace

QString toString(Trigger trigger) { return spell(kTriggers, trigger); }
QString toString(RunStatus status) { return spell(kStatuses, status); }
std::optional<Trigger> triggerFromString(QStringView text) { return parseSpelling(kTriggers, text); }
std::optional<RunStatus> runStatusFromString(QStringView text) { return parseSpelling(kStatuses, text); }

QJsonObject countsToDetails(const ColumnMetrics &metrics)
{
    QJsonArray rules;
    for (const RuleOutcome &outcome : metrics.rules) {
        QJsonObject rule{{u"ruleKey"_s, outcome.ruleKey},
                         {u"ruleType"_s, outcome.ruleType},
                         {u"checked"_s, outcome.checked},
                         {u"violations"_s, outcome.violations}};
        if (outcome.checked > 0)
            rule.insert(u"passRate"_s, 100.0 * double(outcome.checked - outcome.violations - outcome.unevaluated)
                                           / double(outcome.checked));
        if (outcome.unevaluated > 0)
            rule.insert(u"unevaluated"_s, outcome.unevaluated);
        rules.append(rule);
    }
    QJsonObject details{
        {u"rows"_s, metrics.rows},
        {u"nonNull"_s, metrics.nonNull},
        {u"nulls"_s, metrics.rows - metrics.nonNull},
        {u"distinct"_s, QJsonObject{{u"count"_s, metrics.distinct},
                                    {u"method"_s, metrics.distinctExact ? u"exact"_s : u"hyperloglog"_s}}},
        {u"valid"_s, metrics.valid},
        {u"invalid"_s, metrics.nonNull - metrics.valid},
        {u"rules"_s, rules},
    };
    if (!metrics.note.isEmpty())
        details.insert(u"note"_s, metrics.note);
    return details;
}

ColumnMetrics countsFromDetails(const QJsonObject &details)
{
    ColumnMetrics metrics;
    metrics.rows = details.value(u"rows"_s).toInteger();
    metrics.nonNull = details.value(u"nonNull"_s).toInteger();
    const QJsonObject distinct = details.value(u"distinct"_s).toObject();
    metrics.distinct = distinct.value(u"count"_s).toInteger();
    metrics.distinctExact = distinct.value(u"method"_s).toString() != u"hyperloglog"_s;
    metrics.valid = details.value(u"valid"_s).toInteger();
    const QJsonArray rules = details.value(u"rules"_s).toArray();
    for (const QJsonValue &value : rules) {
        const QJsonObject rule = value.toObject();
        metrics.rules.append(RuleOutcome{rule.value(u"ruleKey"_s).toString(), rule.value(u"ruleType"_s).toString(),
                                         rule.value(u"checked"_s).toInteger(),
                                         rule.value(u"violations"_s).toInteger(),
                                         rule.value(u"unevaluated"_s).toInteger()});
    }
    metrics.note = details.value(u"note"_s).toString();
    return metrics;
}

bool ColumnTarget::hasUniqueRule() const
{
    return std::any_of(rules.begin(), rules.end(),
                       [](const RuleCheck &check) { return check.rule.type == RuleType::Unique; });
}

} // namespace steward::profiler
