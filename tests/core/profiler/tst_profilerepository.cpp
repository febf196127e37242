// mdm_profile: a run saved and read back whole, the latest and last completed run of a
// field, recent runs, and which fields are due by their tier's interval.

#include "../TestDatabase.h"

#include "profiler/ProfileRepository.h"

using namespace steward;
using namespace steward::profiler;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kStart(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC);

ProfileRun completedRun(const QString &key, Tier tier, const QDateTime &at)
{
    ProfileRun run;
    run.id = QUuid::createUuid();
    run.tenantId = TestDatabase::tenantId();
    run.canonicalKey = key;
    run.entityUrn = u"urn:test:"_s + key;
    run.tier = tier;
    run.domain = u"Sales"_s;
    run.trigger = Trigger::Schedule;
    run.status = RunStatus::Completed;
    run.metrics.rows = 1000;
    run.metrics.nonNull = 900;
    run.metrics.distinct = 450;
    run.metrics.distinctExact = false;
    run.metrics.valid = 810;
    run.metrics.rules = {RuleOutcome{u"rule.x"_s, u"regex"_s, 900, 90}};
    run.metrics.completeness = 90.0;
    run.metrics.uniqueness = 50.0;
    run.metrics.validity = 90.0;
    run.metrics.qualityScore = 90.0;
    run.metrics.qualityGrade = u"A"_s;
    run.rowCount = 1000;
    run.sampledRows = 1000;
    run.durationMs = 42;
    run.details = countsToDetails(run.metrics);
    run.createdAt = at;
    return run;
}

} // namespace

class ProfileRepositoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void savedRunReadsBackWhole();
    void latestAndLastCompleted();
    void recentIsNewestFirstAndScopedToTheTenant();
    void dueKeysFollowTierIntervals();

private:
    TestDatabase m_db;
};

void ProfileRepositoryTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    for (int tier = 1; tier <= 5; ++tier) {
        const QString key = u"sales.order.tier%1"_s.arg(tier);
        STEWARD_VERIFY_OK(m_db.establish(EntityType::GlobalMetadata, key, static_cast<Tier>(tier),
                                         fieldPayload(key, static_cast<Tier>(tier))));
    }
}

void ProfileRepositoryTest::savedRunReadsBackWhole()
{
    ProfileRepository repository(m_db.database());
    const ProfileRun run = completedRun(u"sales.order.tier1"_s, Tier::Tier1, kStart);
    STEWARD_VERIFY_OK(repository.insert(run));
    auto latest = repository.latest(TestDatabase::tenantId(), u"sales.order.tier1"_s);
    QVERIFY(latest.ok() && latest.value());
    const ProfileRun &read = *latest.value();
    QCOMPARE(read.id, run.id);
    QCOMPARE(read.entityUrn, run.entityUrn);
    QCOMPARE(toString(read.tier), u"tier1"_s);
    QCOMPARE(toString(read.trigger), u"schedule"_s);
    QCOMPARE(toString(read.status), u"completed"_s);
    QCOMPARE(read.metrics.rows, 1000);
    QCOMPARE(read.metrics.nonNull, 900);
    QCOMPARE(read.metrics.distinct, 450);
    QVERIFY(!read.metrics.distinctExact);
    QCOMPARE(read.metrics.valid, 810);
    QCOMPARE(read.metrics.rules.size(), 1);
    QCOMPARE(read.metrics.rules.constFirst().violations, 90);
    QCOMPARE(*read.metrics.qualityScore, 90.0);
    QCOMPARE(read.metrics.qualityGrade, u"A"_s);
    QCOMPARE(read.domain, u"Sales"_s);
    QCOMPARE(read.durationMs, 42);
    QCOMPARE(read.createdAt, kStart);
}

void ProfileRepositoryTest::latestAndLastCompleted()
{
    ProfileRepository repository(m_db.database());
    ProfileRun failed = completedRun(u"sales.order.tier1"_s, Tier::Tier1, kStart.addSecs(3600));
    failed.status = RunStatus::Failed;
    failed.error = u"column amount not found in orders"_s;
    failed.metrics = ColumnMetrics();
    STEWARD_VERIFY_OK(repository.insert(failed));

    auto latest = repository.latest(TestDatabase::tenantId(), u"sales.order.tier1"_s);
    QVERIFY(latest.ok() && latest.value());
    QCOMPARE(toString(latest.value()->status), u"failed"_s);
    QCOMPARE(latest.value()->error, failed.error);
    QVERIFY(!latest.value()->metrics.qualityScore);
    auto completed = repository.lastCompletedAt(TestDatabase::tenantId(), u"sales.order.tier1"_s);
    QVERIFY(completed.ok() && completed.value());
    QCOMPARE(*completed.value(), kStart); // the failed run does not count
    auto never = repository.lastCompletedAt(TestDatabase::tenantId(), u"sales.order.tier2"_s);
    QVERIFY(never.ok() && !never.value());
}

void ProfileRepositoryTest::recentIsNewestFirstAndScopedToTheTenant()
{
    ProfileRepository repository(m_db.database());
    ProfileRun other = completedRun(u"sales.order.tier1"_s, Tier::Tier1, kStart.addDays(1));
    other.tenantId = QUuid::createUuid();
    STEWARD_VERIFY_OK(m_db.addTenant(other.tenantId, u"Other"_s, {}));
    STEWARD_VERIFY_OK(ProfileRepository(m_db.fixture()).insert(other)); // another tenant's row
    auto recent = repository.recent(TestDatabase::tenantId(), 10);
    QVERIFY(recent.ok());
    QCOMPARE(recent.value().size(), 2);
    QCOMPARE(toString(recent.value().at(0).status), u"failed"_s);
    QCOMPARE(toString(recent.value().at(1).status), u"completed"_s);
    QCOMPARE(repository.recent(TestDatabase::tenantId(), 1).value().size(), 1);
}

void ProfileRepositoryTest::dueKeysFollowTierIntervals()
{
    ProfileRepository repository(m_db.database());
    // tier1 last completed at kStart; give tier2, tier3 and tier4 a completed run too.
    STEWARD_VERIFY_OK(repository.insert(completedRun(u"sales.order.tier2"_s, Tier::Tier2, kStart)));
    STEWARD_VERIFY_OK(repository.insert(completedRun(u"sales.order.tier3"_s, Tier::Tier3, kStart)));
    STEWARD_VERIFY_OK(repository.insert(completedRun(u"sales.order.tier4"_s, Tier::Tier4, kStart)));
    const QUuid tenant = TestDatabase::tenantId();
    auto due = [&](const QDateTime &now) { return repository.dueKeys(tenant, now).value(); };

    // tier5 is never scheduled; nothing else is due right after its run.
    QCOMPARE(due(kStart.addSecs(60)), QStringList());
    // Interval passed: tier1 after 1 day, tier2 after 3, tier3 after 7, tier4 after 30.
    QCOMPARE(due(kStart.addDays(1)), QStringList{u"sales.order.tier1"_s});
    QCOMPARE(due(kStart.addDays(3)), (QStringList{u"sales.order.tier1"_s, u"sales.order.tier2"_s}));
    QCOMPARE(due(kStart.addDays(7)),
             (QStringList{u"sales.order.tier1"_s, u"sales.order.tier2"_s, u"sales.order.tier3"_s}));
    QCOMPARE(due(kStart.addDays(29)).size(), 3);
    QCOMPARE(due(kStart.addDays(30)).size(), 4);
    QVERIFY(!due(kStart.addYears(5)).contains(u"sales.order.tier5"_s));

    // A field never profiled is due at once (if its tier is scheduled at all).
    const QString fresh = u"sales.order.fresh"_s;
    STEWARD_VERIFY_OK(m_db.establish(EntityType::GlobalMetadata, fresh, Tier::Tier2, fieldPayload(fresh, Tier::Tier2)));
    QCOMPARE(due(kStart.addSecs(60)), QStringList{fresh});
}

QTEST_GUILESS_MAIN(ProfileRepositoryTest)
#include "tst_profilerepository.moc"
