#pragma once

#include "profiler/ProfileTypes.h"
#include "profiler/ScanQueryBuilder.h"

#include <QJsonObject>

#include <optional>

namespace steward::profiler {

// SPEC section 5, the scoring half: from the counts of a scan to completeness,
// uniqueness, validity, the weighted score and its grade. Pure functions.
//
// Edge cases, defined here once:
//  - rows = 0 (empty table or empty sample): nothing is measurable, no score; the note
//    says the table is empty.
//  - non_null = 0 (every value null): completeness 0; uniqueness and validity are not
//    measurable (nothing to check), so the score is completeness alone (weights
//    renormalised: 0.4 / 0.4 = 1) and the grade F.
//  - no rules and no dataType check: every non-null value is valid, validity 100.
//  - uniqueness is always reported when measurable but counts in the score only for a
//    field with a `unique` rule.
namespace QualityScore {

inline constexpr double CompletenessWeight = 0.4;
inline constexpr double ValidityWeight = 0.4;
inline constexpr double UniquenessWeight = 0.2;

struct Inputs
{
    qint64 rows = 0;
    qint64 nonNull = 0;
    qint64 distinct = 0;
    qint64 valid = 0;
    bool uniquenessCounts = false; // the field has a `unique` rule
};

struct Scores
{
    std::optional<double> completeness;
    std::optional<double> uniqueness;
    std::optional<double> validity;
    std::optional<double> score;
    QString grade;
    QString note;
    // Weight each dimension carried after renormalisation (0 when not counted).
    double completenessWeight = 0;
    double uniquenessWeight = 0;
    double validityWeight = 0;
};

Scores compute(const Inputs &inputs);
// A >= 90, B >= 80, C >= 70, D >= 60, else F.
QString grade(double score);
// Copies the scores into the metrics (completeness .. note).
void apply(const Scores &scores, ColumnMetrics &metrics);
// A field's metrics from its column's counts: each rule's outcome (not_null over every
// row, unique from the distinct count) and the scores, also returned in `scores`.
ColumnMetrics measure(const ColumnCounts &counts, const ColumnTarget &target, Scores *scores = nullptr);
// {"completeness": {"value", "weight", "counted"}, ...} for a run's details.
QJsonObject describe(const Scores &scores);

} // namespace QualityScore

} // namespace steward::profiler
