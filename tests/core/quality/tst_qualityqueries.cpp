// The Quality page's aggregated queries against a small fixture whose answers were
// worked out by hand: runs of six fields over ten days of March 2025 (and a few just
// outside), change requests decided at known times, and a second tenant whose rows
// must never count.

#include "../TestDatabase.h"

#include "quality/QualityQueries.h"

using namespace steward;
using namespace steward::quality;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2025, month, day), QTime(hour, minute), Qt::UTC);
}

// 1 March 00:00 to 11 March 00:00 (UTC): ten days.
const Period kPeriod{at(3, 1, 0), at(3, 11, 0)};

const QUuid kOtherTenant(u"7a0c1e55-3b7d-4f2a-8c9e-112233445566"_s);

struct Run
{
    Run(QString key_, QString tier_, QDateTime at_, QString status_ = u"completed"_s)
        : key(std::move(key_)), tier(std::move(tier_)), at(std::move(at_)), status(std::move(status_))
    {
    }

    QString key;
    QString tier;
    QDateTime at;
    QString status;
    std::optional<double> score;
    QString grade;
    qint64 durationMs = 0;
    std::optional<double> completeness;
    std::optional<double> uniqueness;
    std::optional<double> validity;
    QString domain; // details.domain
};

QVariant optional(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

class QualityQueriesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void periodCoversWholeDays();
    void tierTrendAveragesEachTiersInterval();
    void fieldTrendAveragesTheDay();
    void profiledFieldsAreTheFieldsWithRunsInThePeriod();
    void distributionCountsTheLatestGradePerDomain();
    void degradationsAreDropsOfTheLatestRunNewestFirst();
    void runsPerDayByStatus();
    void durationHistogramBuckets();
    void pendingByTierAndEntityType();
    void decisionsPerDayAndMedianTime();
    void anotherTenantSeesNothing();

private:
    void addField(const QUuid &tenant, const QString &key, const QString &tier, const QString &domain);
    void addRun(const QUuid &tenant, const Run &run);
    void addApproval(const QString &type, const QString &tier, const QString &status, const QDateTime &requested,
                     const QDateTime &decided = {});

    TestDatabase m_db;
};

void QualityQueriesTest::addField(const QUuid &tenant, const QString &key, const QString &tier, const QString &domain)
{
    STEWARD_VERIFY_OK(m_db.fixture().run(u"INSERT INTO mdm_global_metadata (id, tenant_id, canonical_key, domain, "
                                          u"tier, binding, created_at, updated_at) "
                                          u"VALUES (?, ?, ?, ?, ?, '{}', ?, ?)"_s,
                                          {uuidText(QUuid::createUuid()), uuidText(tenant), key,
                                           domain.isEmpty() ? QVariant() : QVariant(domain), tier,
                                           toIsoTimestamp(at(1, 1, 0)), toIsoTimestamp(at(1, 1, 0))}));
}

void QualityQueriesTest::addRun(const QUuid &tenant, const Run &run)
{
    const QString details = run.domain.isEmpty() ? u"{}"_s : u"{\"domain\":\"%1\"}"_s.arg(run.domain);
    STEWARD_VERIFY_OK(m_db.fixture().run(
        u"INSERT INTO mdm_profile (id, tenant_id, canonical_key, tier, trigger, status, completeness, uniqueness, "
        u"validity, quality_score, quality_grade, row_count, sampled_rows, duration_ms, details, created_at) "
        u"VALUES (?, ?, ?, ?, 'schedule', ?, ?, ?, ?, ?, ?, 100, 100, ?, ?, ?)"_s,
        {uuidText(QUuid::createUuid()), uuidText(tenant), run.key, run.tier, run.status, optional(run.completeness),
         optional(run.uniqueness), optional(run.validity), optional(run.score),
         run.grade.isEmpty() ? QVariant() : QVariant(run.grade), run.durationMs, details, toIsoTimestamp(run.at)}));
}

void QualityQueriesTest::addApproval(const QString &type, const QString &tier, const QString &status,
                                     const QDateTime &requested, const QDateTime &decided)
{
    // (The request document's column as each engine keeps it exactly.)
    STEWARD_VERIFY_OK(m_db.fixture().run(
        u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, "_s
            + m_db.fixture().dialect().exactJsonColumn(u"payload"_s)
            + u", status, requested_by, decided_by, requested_at, decided_at, required_role) "
        u"VALUES (?, ?, ?, 'some.key', ?, 'governed', '{}', ?, ?, ?, ?, ?, 'metadata_steward')"_s,
        {uuidText(QUuid::createUuid()), uuidText(TestDatabase::tenantId()), type, tier, status, Users::Owner,
         decided.isValid() ? QVariant(Users::Steward) : QVariant(), toIsoTimestamp(requested),
         decided.isValid() ? QVariant(toIsoTimestamp(decided)) : QVariant()}));
}

void QualityQueriesTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    const QUuid tenant = TestDatabase::tenantId();
    addField(tenant, u"f.a"_s, u"tier1"_s, u"Sales"_s);
    addField(tenant, u"f.b"_s, u"tier1"_s, u"Sales"_s);
    addField(tenant, u"f.c"_s, u"tier2"_s, u"Finance"_s);
    addField(tenant, u"f.d"_s, u"tier3"_s, QString()); // no domain
    addField(tenant, u"f.e"_s, u"tier2"_s, u"Finance"_s);
    // f.x is not in the catalog: its tier and domain come from its runs.

    const auto completed = [](const QString &key, const QString &tier, const QDateTime &when, double score,
                              const QString &grade, qint64 durationMs) {
        Run run(key, tier, when);
        run.score = score;
        run.grade = grade;
        run.durationMs = durationMs;
        return run;
    };
    addRun(tenant, completed(u"f.a"_s, u"tier1"_s, at(2, 20, 10), 95, u"A"_s, 40)); // before the period
    addRun(tenant, completed(u"f.a"_s, u"tier1"_s, at(3, 2, 10), 90, u"A"_s, 50));
    addRun(tenant, completed(u"f.a"_s, u"tier1"_s, at(3, 5, 10), 70, u"C"_s, 1500));
    Run b1 = completed(u"f.b"_s, u"tier1"_s, at(3, 2, 11), 80, u"B"_s, 200);
    b1.completeness = 90;
    b1.uniqueness = 50;
    b1.validity = 70;
    addRun(tenant, b1);
    Run b2 = completed(u"f.b"_s, u"tier1"_s, at(3, 2, 15), 84, u"B"_s, 700);
    b2.completeness = 100;
    b2.validity = 68; // uniqueness not measured
    addRun(tenant, b2);
    Run b3(u"f.b"_s, u"tier1"_s, at(3, 5, 9), u"failed"_s);
    b3.durationMs = 5;
    addRun(tenant, b3);
    addRun(tenant, completed(u"f.c"_s, u"tier2"_s, at(3, 1, 8), 60, u"D"_s, 3000));
    addRun(tenant, completed(u"f.c"_s, u"tier2"_s, at(3, 4, 8), 88, u"B"_s, 12000));
    addRun(tenant, completed(u"f.d"_s, u"tier3"_s, at(3, 3, 0), 50, u"F"_s, 70000));
    Run d2(u"f.d"_s, u"tier3"_s, at(3, 10, 23, 59), u"cancelled"_s);
    d2.durationMs = 10;
    addRun(tenant, d2);
    addRun(tenant, completed(u"f.e"_s, u"tier2"_s, at(3, 8, 12), 95, u"A"_s, 400));
    addRun(tenant, completed(u"f.e"_s, u"tier2"_s, at(3, 9, 12), 80, u"B"_s, 6000));
    Run x1 = completed(u"f.x"_s, u"tier4"_s, at(3, 6, 12), 77, u"C"_s, 100); // exactly 0.1 s
    x1.domain = u"Legacy"_s;
    addRun(tenant, x1);
    Run x2 = completed(u"f.x"_s, u"tier4"_s, at(3, 11, 0), 10, u"F"_s, 100); // at the period's end: outside
    x2.domain = u"Legacy"_s;
    addRun(tenant, x2);

    // Change requests: decided ones with known waits, pending ones by tier and type.
    addApproval(u"GLOBAL_METADATA"_s, u"tier1"_s, u"approved"_s, at(3, 1, 9), at(3, 1, 10));   // 1 h
    addApproval(u"GLOBAL_METADATA"_s, u"tier2"_s, u"rejected"_s, at(3, 1, 12), at(3, 2, 12));  // 24 h
    addApproval(u"KPI"_s, u"tier1"_s, u"approved"_s, at(3, 2, 0), at(3, 2, 6));                // 6 h
    addApproval(u"KPI"_s, u"tier2"_s, u"cancelled"_s, at(3, 2, 1), at(3, 2, 7));               // no decision
    addApproval(u"BUSINESS_RULE"_s, u"tier2"_s, u"rejected"_s, at(3, 5, 0), at(3, 5, 2));      // 2 h
    addApproval(u"GLOSSARY"_s, u"tier4"_s, u"approved"_s, at(2, 26, 0), at(2, 27, 0));         // before
    addApproval(u"GLOBAL_METADATA"_s, u"tier1"_s, u"pending"_s, at(3, 3, 0));
    addApproval(u"GLOBAL_METADATA"_s, u"tier1"_s, u"pending"_s, at(3, 4, 0));
    addApproval(u"KPI"_s, u"tier1"_s, u"pending"_s, at(3, 4, 0));
    addApproval(u"GLOSSARY"_s, u"tier3"_s, u"pending"_s, at(3, 4, 0));

    // Another tenant with runs that would change every answer above.
    STEWARD_VERIFY_OK(m_db.addTenant(kOtherTenant, u"Other"_s, {{u"olga.other"_s, {Role::MetadataSteward}}}));
    addField(kOtherTenant, u"f.a"_s, u"tier1"_s, u"Sales"_s);
    addRun(kOtherTenant, completed(u"f.a"_s, u"tier1"_s, at(3, 2, 9), 10, u"F"_s, 90000));
    addRun(kOtherTenant, completed(u"f.a"_s, u"tier1"_s, at(3, 6, 9), 5, u"F"_s, 90000));
}

void QualityQueriesTest::periodCoversWholeDays()
{
    const Period period = Period::lastDays(10, at(3, 10, 15));
    QCOMPARE(period.from, at(3, 1, 0));
    QCOMPARE(period.to, at(3, 11, 0));
    const QList<QDate> days = period.days();
    QCOMPARE(days.size(), 10);
    QCOMPARE(days.constFirst(), QDate(2025, 3, 1));
    QCOMPARE(days.constLast(), QDate(2025, 3, 10));
    QCOMPARE(Period::lastDays(1, at(3, 10, 0)).days(), QList<QDate>{QDate(2025, 3, 10)});
}

void QualityQueriesTest::tierTrendAveragesEachTiersInterval()
{
    auto trend = QualityQueries(m_db.database()).tierTrend(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(trend);
    QStringList actual;
    for (const TierDayScore &row : trend.value())
        actual.append(u"%1 %2 %3 %4"_s.arg(toString(row.tier), row.day.toString(u"MM-dd"_s),
                                          QString::number(row.averageScore, 'f', 2))
                          .arg(row.runs));
    // tier1, one day: 2 March (90 + 80 + 84) / 3; 5 March only f.a's 70 (f.b failed).
    // tier2, three days: f.c's 60 (1 March) covers 1-3 March, its 88 (4 March) 4-6
    // March; f.e's 95 (8 March), then (95 + 80) / 2 on 9 and 10 March.
    // tier3, seven days: f.d's 50 from 3 to 9 March (the cancelled run does not count).
    // tier4, thirty days: f.x's 77 from 6 March on (its run at 11 March is outside).
    const QStringList expected{
        u"tier1 03-02 84.67 3"_s, u"tier1 03-05 70.00 1"_s,
        u"tier2 03-01 60.00 1"_s, u"tier2 03-02 60.00 1"_s, u"tier2 03-03 60.00 1"_s, u"tier2 03-04 88.00 1"_s,
        u"tier2 03-05 88.00 1"_s, u"tier2 03-06 88.00 1"_s, u"tier2 03-08 95.00 1"_s, u"tier2 03-09 87.50 2"_s,
        u"tier2 03-10 87.50 2"_s,
        u"tier3 03-03 50.00 1"_s, u"tier3 03-04 50.00 1"_s, u"tier3 03-05 50.00 1"_s, u"tier3 03-06 50.00 1"_s,
        u"tier3 03-07 50.00 1"_s, u"tier3 03-08 50.00 1"_s, u"tier3 03-09 50.00 1"_s,
        u"tier4 03-06 77.00 1"_s, u"tier4 03-07 77.00 1"_s, u"tier4 03-08 77.00 1"_s, u"tier4 03-09 77.00 1"_s,
        u"tier4 03-10 77.00 1"_s,
    };
    QCOMPARE(actual, expected);
}

void QualityQueriesTest::fieldTrendAveragesTheDay()
{
    auto trend = QualityQueries(m_db.database()).fieldTrend(TestDatabase::tenantId(), u"f.b"_s, kPeriod);
    STEWARD_VERIFY_OK(trend);
    QCOMPARE(trend.value().size(), 1); // the failed run of 5 March has no figures
    const FieldDayMetrics &day = trend.value().constFirst();
    QCOMPARE(day.day, QDate(2025, 3, 2));
    QCOMPARE(day.runs, 2);
    QCOMPARE(*day.completeness, 95.0);
    QCOMPARE(*day.uniqueness, 50.0); // only one run measured it
    QCOMPARE(*day.validity, 69.0);
    QCOMPARE(*day.score, 82.0);

    auto unknown = QualityQueries(m_db.database()).fieldTrend(TestDatabase::tenantId(), u"no.such"_s, kPeriod);
    STEWARD_VERIFY_OK(unknown);
    QVERIFY(unknown.value().isEmpty());
}

void QualityQueriesTest::profiledFieldsAreTheFieldsWithRunsInThePeriod()
{
    auto fields = QualityQueries(m_db.database()).profiledFields(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(fields);
    QCOMPARE(fields.value(), (QStringList{u"f.a"_s, u"f.b"_s, u"f.c"_s, u"f.d"_s, u"f.e"_s, u"f.x"_s}));
    // Before the period only f.a ran.
    auto earlier = QualityQueries(m_db.database())
                       .profiledFields(TestDatabase::tenantId(), Period{at(2, 1, 0), at(3, 1, 0)});
    STEWARD_VERIFY_OK(earlier);
    QCOMPARE(earlier.value(), QStringList{u"f.a"_s});
}

void QualityQueriesTest::distributionCountsTheLatestGradePerDomain()
{
    auto distribution = QualityQueries(m_db.database()).gradeDistribution(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(distribution);
    QStringList actual;
    for (const DomainGrades &row : distribution.value()) {
        QStringList counts;
        for (int grade = 0; grade < kGradeCount; ++grade)
            counts.append(QString::number(row.fields[std::size_t(grade)]));
        actual.append(row.domain + u": "_s + counts.join(u' '));
    }
    // Latest scored runs: f.a 70 C, f.b 84 B (Sales); f.c 88 B, f.e 80 B (Finance);
    // f.d 50 F (no domain); f.x 77 C (Legacy, from its run). f.b's failed run is not a score.
    QCOMPARE(actual, (QStringList{u": 0 0 0 0 1"_s, u"Finance: 0 2 0 0 0"_s, u"Legacy: 0 0 1 0 0"_s,
                                  u"Sales: 0 1 1 0 0"_s}));
    QCOMPARE(distribution.value().constLast().total(), 2);
}

void QualityQueriesTest::degradationsAreDropsOfTheLatestRunNewestFirst()
{
    auto drops = QualityQueries(m_db.database()).recentDegradations(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(drops);
    QCOMPARE(drops.value().size(), 2);
    const Degradation &newest = drops.value().at(0);
    QCOMPARE(newest.canonicalKey, u"f.e"_s);
    QCOMPARE(newest.tier, std::optional<Tier>(Tier::Tier2));
    QCOMPARE(newest.domain, u"Finance"_s);
    QCOMPARE(newest.previousScore, 95.0);
    QCOMPARE(newest.score, 80.0);
    QCOMPARE(newest.drop(), 15.0);
    QCOMPARE(newest.at, at(3, 9, 12));
    QCOMPARE(newest.previousAt, at(3, 8, 12));
    const Degradation &older = drops.value().at(1);
    QCOMPARE(older.canonicalKey, u"f.a"_s); // 90 -> 70; f.b rose, f.c rose, f.d and f.x have no previous run
    QCOMPARE(older.tier, std::optional<Tier>(Tier::Tier1));
    QCOMPARE(older.domain, u"Sales"_s);
    QCOMPARE(older.drop(), 20.0);

    auto larger = QualityQueries(m_db.database()).recentDegradations(TestDatabase::tenantId(), kPeriod, 15.0);
    STEWARD_VERIFY_OK(larger);
    QCOMPARE(larger.value().size(), 1); // more than 15: f.a only
    QCOMPARE(larger.value().constFirst().canonicalKey, u"f.a"_s);
    auto limited = QualityQueries(m_db.database()).recentDegradations(TestDatabase::tenantId(), kPeriod, 10.0, 1);
    STEWARD_VERIFY_OK(limited);
    QCOMPARE(limited.value().size(), 1);
    QCOMPARE(limited.value().constFirst().canonicalKey, u"f.e"_s);
    // A period that ends before f.a's drop: its latest run there is the 90.
    auto before = QualityQueries(m_db.database())
                      .recentDegradations(TestDatabase::tenantId(), Period{at(3, 1, 0), at(3, 5, 0)});
    STEWARD_VERIFY_OK(before);
    QVERIFY(before.value().isEmpty());
}

void QualityQueriesTest::runsPerDayByStatus()
{
    auto runs = QualityQueries(m_db.database()).runsPerDay(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(runs);
    QStringList actual;
    for (const RunsDay &day : runs.value())
        actual.append(u"%1 %2/%3/%4"_s.arg(day.day.toString(u"MM-dd"_s)).arg(day.completed).arg(day.failed).arg(
            day.cancelled));
    QCOMPARE(actual, (QStringList{u"03-01 1/0/0"_s, u"03-02 3/0/0"_s, u"03-03 1/0/0"_s, u"03-04 1/0/0"_s,
                                  u"03-05 1/1/0"_s, u"03-06 1/0/0"_s, u"03-08 1/0/0"_s, u"03-09 1/0/0"_s,
                                  u"03-10 0/0/1"_s}));
}

void QualityQueriesTest::durationHistogramBuckets()
{
    auto histogram = QualityQueries(m_db.database()).durationHistogram(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(histogram);
    QCOMPARE(histogram.value().upperBoundsSeconds, (QList<double>{0.1, 0.5, 1, 2, 5, 10, 30, 60}));
    // Completed runs: 50 and 100 ms (0.1 s is in the first bucket), 200, 400 | 700 | 1500 |
    // 3000 | 6000 | 12000 | none up to 60 s | 70000.
    QCOMPARE(histogram.value().counts, (QList<int>{2, 2, 1, 1, 1, 1, 1, 0, 1}));
    QCOMPARE(histogram.value().runs(), 10);

    auto custom = QualityQueries(m_db.database()).durationHistogram(TestDatabase::tenantId(), kPeriod, {10, 1});
    STEWARD_VERIFY_OK(custom);
    QCOMPARE(custom.value().upperBoundsSeconds, (QList<double>{1, 10})); // sorted
    QCOMPARE(custom.value().counts, (QList<int>{5, 3, 2}));
}

void QualityQueriesTest::pendingByTierAndEntityType()
{
    auto pending = QualityQueries(m_db.database()).pendingByTier(TestDatabase::tenantId());
    STEWARD_VERIFY_OK(pending);
    QStringList actual;
    for (const PendingCount &row : pending.value())
        actual.append(u"%1 %2 %3"_s.arg(toString(row.tier), toString(row.entityType)).arg(row.count));
    QCOMPARE(actual, (QStringList{u"tier1 GLOBAL_METADATA 2"_s, u"tier1 KPI 1"_s, u"tier3 GLOSSARY 1"_s}));
}

void QualityQueriesTest::decisionsPerDayAndMedianTime()
{
    QualityQueries queries(m_db.database());
    auto days = queries.decisionsPerDay(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(days);
    QStringList actual;
    for (const DecisionDay &day : days.value())
        actual.append(u"%1 %2 %3/%4"_s.arg(day.day.toString(u"MM-dd"_s), toString(day.entityType))
                          .arg(day.approved)
                          .arg(day.rejected));
    // The withdrawal is no decision; the glossary approval was before the period.
    QCOMPARE(actual, (QStringList{u"03-01 GLOBAL_METADATA 1/0"_s, u"03-02 GLOBAL_METADATA 0/1"_s,
                                  u"03-02 KPI 1/0"_s, u"03-05 BUSINESS_RULE 0/1"_s}));

    // Waits of 1, 2, 6 and 24 hours: the mean of the middle two, 4 hours.
    auto median = queries.medianTimeToDecision(TestDatabase::tenantId(), kPeriod);
    STEWARD_VERIFY_OK(median);
    QCOMPARE(median.value().decisions, 4);
    QVERIFY(median.value().medianSeconds);
    QVERIFY(qAbs(*median.value().medianSeconds - 4 * 3600.0) < 0.01);
    // 1 to 3 March: 1, 6 and 24 hours, the middle one.
    auto odd = queries.medianTimeToDecision(TestDatabase::tenantId(), Period{at(3, 1, 0), at(3, 4, 0)});
    STEWARD_VERIFY_OK(odd);
    QCOMPARE(odd.value().decisions, 3);
    QVERIFY(qAbs(*odd.value().medianSeconds - 6 * 3600.0) < 0.01);
    auto none = queries.medianTimeToDecision(TestDatabase::tenantId(), Period{at(4, 1, 0), at(4, 2, 0)});
    STEWARD_VERIFY_OK(none);
    QCOMPARE(none.value().decisions, 0);
    QVERIFY(!none.value().medianSeconds);
}

void QualityQueriesTest::anotherTenantSeesNothing()
{
    // Read as a person of that tenant: the team database shows a connection only the
    // tenant it signed in to.
    STEWARD_VERIFY_OK(m_db.database().signIn(kOtherTenant, u"olga.other"_s));
    QualityQueries queries(m_db.database());
    auto trend = queries.tierTrend(kOtherTenant, kPeriod);
    STEWARD_VERIFY_OK(trend);
    QCOMPARE(trend.value().size(), 2); // tier1 on 2 and 6 March, its own runs only
    QCOMPARE(trend.value().constFirst().averageScore, 10.0);
    auto fields = queries.profiledFields(kOtherTenant, kPeriod);
    STEWARD_VERIFY_OK(fields);
    QCOMPARE(fields.value(), QStringList{u"f.a"_s});
    auto pending = queries.pendingByTier(kOtherTenant);
    STEWARD_VERIFY_OK(pending);
    QVERIFY(pending.value().isEmpty());
    auto drops = queries.recentDegradations(kOtherTenant, kPeriod);
    STEWARD_VERIFY_OK(drops);
    QCOMPARE(drops.value().size(), 0); // 10 -> 5 is a drop of 5
}

QTEST_GUILESS_MAIN(QualityQueriesTest)
#include "tst_qualityqueries.moc"
