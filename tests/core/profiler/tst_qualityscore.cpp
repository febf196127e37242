// SPEC section 5 scoring: weights, renormalisation over what was measured, grades and
// the edge cases (empty table, all-null column, no rules).

#include "profiler/QualityScore.h"

#include <QTest>

using namespace steward::profiler;
using namespace Qt::StringLiterals;

class QualityScoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void grades_data();
    void grades();
    void defaultWeightsWithUniqueRule();
    void uniquenessOnlyCountsWithUniqueRule();
    void emptyTableHasNoScore();
    void allNullColumnIsCompletenessOnly();
    void noRulesMeansEveryValueIsValid();
    void estimatesNeverExceedHundred();
    void weightsAreDescribed();
    void ruleOutcomesFromCounts();
};

void QualityScoreTest::grades_data()
{
    QTest::addColumn<double>("score");
    QTest::addColumn<QString>("grade");
    QTest::newRow("100") << 100.0 << u"A"_s;
    QTest::newRow("90") << 90.0 << u"A"_s;
    QTest::newRow("89.99") << 89.99 << u"B"_s;
    QTest::newRow("80") << 80.0 << u"B"_s;
    QTest::newRow("79.99") << 79.99 << u"C"_s;
    QTest::newRow("70") << 70.0 << u"C"_s;
    QTest::newRow("60") << 60.0 << u"D"_s;
    QTest::newRow("59.99") << 59.99 << u"F"_s;
    QTest::newRow("0") << 0.0 << u"F"_s;
}

void QualityScoreTest::grades()
{
    QFETCH(double, score);
    QFETCH(QString, grade);
    QCOMPARE(QualityScore::grade(score), grade);
}

void QualityScoreTest::defaultWeightsWithUniqueRule()
{
    // 1000 rows, 900 non-null, 450 distinct, 810 valid:
    // completeness 90, uniqueness 50, validity 90 -> 0.4*90 + 0.4*90 + 0.2*50 = 82.
    const auto scores = QualityScore::compute({1000, 900, 450, 810, true});
    QCOMPARE(*scores.completeness, 90.0);
    QCOMPARE(*scores.uniqueness, 50.0);
    QCOMPARE(*scores.validity, 90.0);
    QCOMPARE(*scores.score, 82.0);
    QCOMPARE(scores.grade, u"B"_s);
    QCOMPARE(scores.completenessWeight, 0.4);
    QCOMPARE(scores.validityWeight, 0.4);
    QCOMPARE(scores.uniquenessWeight, 0.2);
    QVERIFY(scores.note.isEmpty());
}

void QualityScoreTest::uniquenessOnlyCountsWithUniqueRule()
{
    // Same counts without a unique rule: (0.4*90 + 0.4*90) / 0.8 = 90, uniqueness reported only.
    const auto scores = QualityScore::compute({1000, 900, 450, 810, false});
    QCOMPARE(*scores.uniqueness, 50.0);
    QCOMPARE(*scores.score, 90.0);
    QCOMPARE(scores.grade, u"A"_s);
    QCOMPARE(scores.completenessWeight, 0.5);
    QCOMPARE(scores.validityWeight, 0.5);
    QCOMPARE(scores.uniquenessWeight, 0.0);

    // Renormalised: completeness 80, validity 50 -> 65 (D).
    const auto mixed = QualityScore::compute({100, 80, 80, 40, false});
    QCOMPARE(*mixed.score, 65.0);
    QCOMPARE(mixed.grade, u"D"_s);
}

void QualityScoreTest::emptyTableHasNoScore()
{
    for (const bool unique : {false, true}) {
        const auto scores = QualityScore::compute({0, 0, 0, 0, unique});
        QVERIFY(!scores.completeness);
        QVERIFY(!scores.uniqueness);
        QVERIFY(!scores.validity);
        QVERIFY(!scores.score);
        QVERIFY(scores.grade.isEmpty());
        QVERIFY2(scores.note.contains(u"empty"_s), qPrintable(scores.note));
    }
}

void QualityScoreTest::allNullColumnIsCompletenessOnly()
{
    const auto scores = QualityScore::compute({500, 0, 0, 0, true});
    QCOMPARE(*scores.completeness, 0.0);
    QVERIFY(!scores.uniqueness);
    QVERIFY(!scores.validity);
    QCOMPARE(*scores.score, 0.0);
    QCOMPARE(scores.grade, u"F"_s);
    QCOMPARE(scores.completenessWeight, 1.0);
    QCOMPARE(scores.validityWeight, 0.0);
    QCOMPARE(scores.uniquenessWeight, 0.0);
    QVERIFY2(scores.note.contains(u"null"_s), qPrintable(scores.note));
}

void QualityScoreTest::noRulesMeansEveryValueIsValid()
{
    // The runner counts every non-null value valid when there is nothing to check.
    const auto scores = QualityScore::compute({200, 150, 150, 150, false});
    QCOMPARE(*scores.validity, 100.0);
    QCOMPARE(*scores.completeness, 75.0);
    QCOMPARE(*scores.score, 87.5);
    QCOMPARE(scores.grade, u"B"_s);
}

void QualityScoreTest::estimatesNeverExceedHundred()
{
    // A HyperLogLog estimate may exceed the non-null count by its error.
    const auto scores = QualityScore::compute({1000, 1000, 1007, 1000, true});
    QCOMPARE(*scores.uniqueness, 100.0);
    QCOMPARE(*scores.score, 100.0);
}

void QualityScoreTest::weightsAreDescribed()
{
    const auto described = QualityScore::describe(QualityScore::compute({10, 10, 5, 10, false}));
    QCOMPARE(described.value(u"uniqueness"_s).toObject().value(u"counted"_s).toBool(), false);
    QCOMPARE(described.value(u"uniqueness"_s).toObject().value(u"value"_s).toDouble(), 50.0);
    QCOMPARE(described.value(u"validity"_s).toObject().value(u"weight"_s).toDouble(), 0.5);
}

void QualityScoreTest::ruleOutcomesFromCounts()
{
    ColumnTarget target;
    auto rule = [](steward::RuleType type) {
        steward::RuleDefinition definition;
        definition.type = type;
        return definition;
    };
    target.rules = {{u"r.format"_s, rule(steward::RuleType::Regex)},
                    {u"r.required"_s, rule(steward::RuleType::NotNull)},
                    {u"r.unique"_s, rule(steward::RuleType::Unique)}};
    ColumnCounts counts;
    counts.rows = 100;
    counts.nonNull = 80;
    counts.distinct = {60, true};
    counts.rulePasses = {70, 80, 60};
    counts.valid = 70;
    QualityScore::Scores scores;
    const ColumnMetrics metrics = QualityScore::measure(counts, target, &scores);
    QCOMPARE(metrics.rules.size(), 3);
    QCOMPARE(metrics.rules.at(0).checked, 80);     // regex: the non-null values
    QCOMPARE(metrics.rules.at(0).violations, 10);
    QCOMPARE(metrics.rules.at(1).checked, 100);    // not_null: every row
    QCOMPARE(metrics.rules.at(1).violations, 20);  // the nulls
    QCOMPARE(metrics.rules.at(2).violations, 20);  // repeats beyond the first
    // 0.4 * 80 + 0.4 * 87.5 + 0.2 * 75 = 82
    QCOMPARE(*metrics.qualityScore, 82.0);
    QCOMPARE(*scores.score, 82.0);
    QCOMPARE(metrics.qualityGrade, u"B"_s);
}

QTEST_GUILESS_MAIN(QualityScoreTest)
#include "tst_qualityscore.moc"
