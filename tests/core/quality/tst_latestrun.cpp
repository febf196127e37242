// "The latest completed score of a field" is answered in one place (quality/LatestRun),
// and every reader agrees with it: the Quality page's queries, the quality report, the
// /metrics gauge, the alert rules' previous score and the profile repository. The
// fixture is built to make the old copies disagree: two completed runs of one field in
// the same millisecond, the one with the greater id scoring lower, inserted first.

#include "../TestDatabase.h"

#include "alerts/AlertRepository.h"
#include "metrics/MetricsCollector.h"
#include "profiler/ProfileRepository.h"
#include "quality/QualityQueries.h"
#include "report/QualityReportData.h"

using namespace steward;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2025, 3, day), QTime(hour, 0), Qt::UTC);
}

const QUuid kLowId(u"00000000-0000-4000-8000-000000000001"_s);
const QUuid kHighId(u"ffffffff-ffff-4fff-bfff-ffffffffffff"_s);

} // namespace

class LatestRunTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyReaderTakesTheGreaterIdOfATie();
    void theRunBeforeATiedRunIsItsTwin();
    void failedAndUnscoredRunsAreNeverTheLatestScore();

private:
    void addField(const QString &key, const QString &domain);
    void addRun(const QUuid &id, const QString &key, const QDateTime &when, const QString &status,
                std::optional<double> score, const QString &grade);

    TestDatabase m_db;
};

void LatestRunTest::addField(const QString &key, const QString &domain)
{
    STEWARD_VERIFY_OK(m_db.fixture().run(
        u"INSERT INTO mdm_global_metadata (id, tenant_id, canonical_key, domain, tier, binding, created_at, updated_at) "
        u"VALUES (?, ?, ?, ?, 'tier1', '{}', ?, ?)"_s,
        {uuidText(QUuid::createUuid()), uuidText(TestDatabase::tenantId()), key, domain, toIsoTimestamp(at(1, 0)),
         toIsoTimestamp(at(1, 0))}));
}

void LatestRunTest::addRun(const QUuid &id, const QString &key, const QDateTime &when, const QString &status,
                           std::optional<double> score, const QString &grade)
{
    STEWARD_VERIFY_OK(m_db.fixture().run(
        u"INSERT INTO mdm_profile (id, tenant_id, canonical_key, tier, trigger, status, completeness, validity, "
        u"quality_score, quality_grade, row_count, sampled_rows, duration_ms, details, created_at) "
        u"VALUES (?, ?, ?, 'tier1', 'schedule', ?, ?, ?, ?, ?, 100, 100, 5, '{}', ?)"_s,
        {uuidText(id), uuidText(TestDatabase::tenantId()), key, status, score ? QVariant(*score) : QVariant(),
         score ? QVariant(*score) : QVariant(), score ? QVariant(*score) : QVariant(),
         grade.isEmpty() ? QVariant() : QVariant(grade), toIsoTimestamp(when)}));
}

void LatestRunTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    // f.tie: 95 on the 2nd, then a tie on the 5th at 09:00: the greater id scored 70 and
    // was stored first, the smaller one 91.
    addField(u"f.tie"_s, u"Sales"_s);
    addRun(QUuid::createUuid(), u"f.tie"_s, at(2, 9), u"completed"_s, 95, u"A"_s);
    addRun(kHighId, u"f.tie"_s, at(5, 9), u"completed"_s, 70, u"C"_s);
    addRun(kLowId, u"f.tie"_s, at(5, 9), u"completed"_s, 91, u"A"_s);
    // f.failed: a scored run, then a newer failed one and a newer completed one without a score.
    addField(u"f.failed"_s, u"Finance"_s);
    addRun(QUuid::createUuid(), u"f.failed"_s, at(3, 9), u"completed"_s, 84, u"B"_s);
    addRun(QUuid::createUuid(), u"f.failed"_s, at(4, 9), u"failed"_s, std::nullopt, QString());
    addRun(QUuid::createUuid(), u"f.failed"_s, at(4, 10), u"completed"_s, std::nullopt, QString());
}

void LatestRunTest::everyReaderTakesTheGreaterIdOfATie()
{
    const QUuid tenant = TestDatabase::tenantId();
    const quality::Period march{at(1, 0), at(11, 0)};

    // The Quality page: grades by domain count f.tie as C.
    auto grades = quality::QualityQueries(m_db.database()).gradeDistribution(tenant, march);
    STEWARD_VERIFY_OK(grades);
    const auto sales = std::find_if(grades.value().cbegin(), grades.value().cend(),
                                    [](const quality::DomainGrades &row) { return row.domain == u"Sales"_s; });
    QVERIFY(sales != grades.value().cend());
    QCOMPARE(sales->fields[2], 1); // C
    QCOMPARE(sales->total(), 1);

    // The quality report.
    report::ReportPeriod period{QDate(2025, 3, 1), QDate(2025, 3, 10)};
    auto quality = report::QualityReportData(m_db.database(), tenant, period).load();
    STEWARD_VERIFY_OK(quality);
    const auto field = std::find_if(quality.value().fields.cbegin(), quality.value().fields.cend(),
                                    [](const report::FieldQuality &f) { return f.canonicalKey == u"f.tie"_s; });
    QVERIFY(field != quality.value().fields.cend());
    QCOMPARE(field->score, 70.0);

    // /metrics.
    auto families = metrics::MetricsCollector(m_db.database()).collect();
    STEWARD_VERIFY_OK(families);
    std::optional<double> gauge;
    for (const metrics::MetricFamily &family : families.value()) {
        if (family.name != u"metadata_quality_score"_s)
            continue;
        for (const metrics::Sample &sample : family.samples) {
            if (sample.labels.contains(std::pair{u"canonical_key"_s, u"f.tie"_s}))
                gauge = sample.value;
        }
    }
    QCOMPARE(gauge, std::optional<double>(70.0));

    // The alert rules' previous score.
    auto previous = alerts::AlertRepository(m_db.database()).lastCompletedScore(tenant, u"f.tie"_s);
    STEWARD_VERIFY_OK(previous);
    QCOMPARE(previous.value(), std::optional<double>(70.0));

    // The request pane's latest run.
    auto latest = profiler::ProfileRepository(m_db.database()).latest(tenant, u"f.tie"_s);
    STEWARD_VERIFY_OK(latest);
    QVERIFY(latest.value());
    QCOMPARE(latest.value()->id, kHighId);
}

void LatestRunTest::theRunBeforeATiedRunIsItsTwin()
{
    // The latest run (70) compared with the run before it in the same order: its twin at
    // 91, a drop of 21, not the 95 of three days earlier.
    auto drops = quality::QualityQueries(m_db.database())
                     .recentDegradations(TestDatabase::tenantId(), quality::Period{at(1, 0), at(11, 0)});
    STEWARD_VERIFY_OK(drops);
    const auto tie = std::find_if(drops.value().cbegin(), drops.value().cend(),
                                  [](const quality::Degradation &d) { return d.canonicalKey == u"f.tie"_s; });
    QVERIFY(tie != drops.value().cend());
    QCOMPARE(tie->previousScore, 91.0);
    QCOMPARE(tie->score, 70.0);
    QCOMPARE(tie->previousAt, at(5, 9));
}

void LatestRunTest::failedAndUnscoredRunsAreNeverTheLatestScore()
{
    const QUuid tenant = TestDatabase::tenantId();
    auto previous = alerts::AlertRepository(m_db.database()).lastCompletedScore(tenant, u"f.failed"_s);
    STEWARD_VERIFY_OK(previous);
    QCOMPARE(previous.value(), std::optional<double>(84.0));
    auto quality = report::QualityReportData(m_db.database(), tenant,
                                             report::ReportPeriod{QDate(2025, 3, 1), QDate(2025, 3, 10)})
                       .load();
    STEWARD_VERIFY_OK(quality);
    const auto field = std::find_if(quality.value().fields.cbegin(), quality.value().fields.cend(),
                                    [](const report::FieldQuality &f) { return f.canonicalKey == u"f.failed"_s; });
    QVERIFY(field != quality.value().fields.cend());
    QCOMPARE(field->score, 84.0);
}

QTEST_GUILESS_MAIN(LatestRunTest)
#include "tst_latestrun.moc"
