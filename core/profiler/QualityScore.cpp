#include "profiler/QualityScore.h"

#include "Tr.h"

#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::profiler::QualityScore {
namespace {

double percent(qint64 part, qint64 whole)
{
    // A HyperLogLog estimate may exceed the non-null count by its error: a share
    // never does.
    return std::clamp(100.0 * double(part) / double(whole), 0.0, 100.0);
}

QJsonObject dimension(const std::optional<double> &value, double weight)
{
    QJsonObject object{{u"weight"_s, weight}, {u"counted"_s, weight > 0}};
    object.insert(u"value"_s, value ? QJsonValue(*value) : QJsonValue());
    return object;
}

} // namespace

QString grade(double score)
{
    if (score >= 90)
        return u"A"_s;
    if (score >= 80)
        return u"B"_s;
    if (score >= 70)
        return u"C"_s;
    if (score >= 60)
        return u"D"_s;
    return u"F"_s;
}

Scores compute(const Inputs &inputs)
{
    Scores scores;
    if (inputs.rows <= 0) {
        scores.note = CoreTr::tr("the table is empty: there is nothing to score");
        return scores;
    }
    scores.completeness = percent(inputs.nonNull, inputs.rows);
    if (inputs.nonNull > 0) {
        scores.uniqueness = percent(inputs.distinct, inputs.nonNull);
        scores.validity = percent(inputs.valid, inputs.nonNull);
    } else {
        scores.note = CoreTr::tr("every value is null: uniqueness and validity cannot be measured");
    }

    double weightSum = CompletenessWeight;
    double weighted = CompletenessWeight * *scores.completeness;
    const bool validityCounts = scores.validity.has_value();
    const bool uniquenessCounts = inputs.uniquenessCounts && scores.uniqueness.has_value();
    if (validityCounts) {
        weightSum += ValidityWeight;
        weighted += ValidityWeight * *scores.validity;
    }
    if (uniquenessCounts) {
        weightSum += UniquenessWeight;
        weighted += UniquenessWeight * *scores.uniqueness;
    }
    scores.completenessWeight = CompletenessWeight / weightSum;
    scores.validityWeight = validityCounts ? ValidityWeight / weightSum : 0;
    scores.uniquenessWeight = uniquenessCounts ? UniquenessWeight / weightSum : 0;
    scores.score = weighted / weightSum;
    scores.grade = grade(*scores.score);
    return scores;
}

void apply(const Scores &scores, ColumnMetrics &metrics)
{
    metrics.completeness = scores.completeness;
    metrics.uniqueness = scores.uniqueness;
    metrics.validity = scores.validity;
    metrics.qualityScore = scores.score;
    metrics.qualityGrade = scores.grade;
    metrics.note = scores.note;
}

ColumnMetrics measure(const ColumnCounts &counts, const ColumnTarget &target, Scores *scores)
{
    ColumnMetrics metrics;
    metrics.rows = counts.rows;
    metrics.nonNull = counts.nonNull;
    metrics.distinct = counts.distinct.count;
    metrics.distinctExact = counts.distinct.exact;
    metrics.valid = counts.valid;
    for (int r = 0; r < target.rules.size(); ++r) {
        const RuleCheck &check = target.rules.at(r);
        RuleOutcome outcome{check.ruleKey, toString(check.rule.type), counts.nonNull, 0};
        if (check.rule.type == RuleType::NotNull)
            outcome.checked = counts.rows;
        outcome.unevaluated = counts.ruleUnevaluated.value(r);
        outcome.violations =
            std::max<qint64>(0, outcome.checked - counts.rulePasses.value(r) - outcome.unevaluated);
        metrics.rules.append(outcome);
    }
    const Scores computed =
        compute({counts.rows, counts.nonNull, counts.distinct.count, counts.valid, target.hasUniqueRule()});
    apply(computed, metrics);
    if (scores)
        *scores = computed;
    return metrics;
}

QJsonObject describe(const Scores &scores)
{
    return {{u"completeness"_s, dimension(scores.completeness, scores.completenessWeight)},
            {u"uniqueness"_s, dimension(scores.uniqueness, scores.uniquenessWeight)},
            {u"validity"_s, dimension(scores.validity, scores.validityWeight)}};
}

} // namespace steward::profiler::QualityScore
