// mdm_alert on a real, migrated SQLite file: a fired alert stored and read back, open
// alerts per field and per tenant, resolve, acknowledge, and the previous completed score.

#include "../TestDatabase.h"

#include "alerts/AlertRepository.h"
#include "profiler/ProfileRepository.h"

using namespace steward;
using namespace steward::alerts;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kStart(QDate(2025, 6, 1), QTime(8, 0), Qt::UTC);

Alert firing(const QString &rule, const QString &key, double value, const QDateTime &at)
{
    return Alert{QUuid::createUuid(), TestDatabase::tenantId(), rule, key, u"critical"_s, true, value, at, {}, {}};
}

} // namespace

class AlertRepositoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { STEWARD_VERIFY_OK(m_db.setUp()); }

    void storesResolvesAndLists()
    {
        AlertRepository repository(m_db.database());
        const QString tier1 = QString::fromUtf16(AlertRule::Tier1QualityDegraded);
        const Alert amount = firing(tier1, u"sales.order.amount"_s, 75.5, kStart);
        const Alert customer = firing(QString::fromUtf16(AlertRule::QualityDrop), u"sales.order.customer"_s, 60.0,
                                      kStart.addSecs(60));
        STEWARD_VERIFY_OK(repository.insertFired(amount));
        STEWARD_VERIFY_OK(repository.insertFired(customer));

        auto open = repository.openForField(TestDatabase::tenantId(), u"sales.order.amount"_s);
        STEWARD_VERIFY_OK(open);
        QCOMPARE(open.value().size(), 1);
        const Alert &read = open.value().constFirst();
        QCOMPARE(read.id, amount.id);
        QCOMPARE(read.rule, tier1);
        QCOMPARE(read.severity, u"critical"_s);
        QVERIFY(read.firing);
        QCOMPARE(*read.value, 75.5);
        QCOMPARE(read.firedAt, kStart);
        QVERIFY(!read.resolvedAt.isValid());

        auto tenant = repository.openForTenant(TestDatabase::tenantId());
        STEWARD_VERIFY_OK(tenant);
        QCOMPARE(tenant.value().size(), 2);
        QCOMPARE(tenant.value().constFirst().id, customer.id); // newest first
        auto otherTenant = repository.openForTenant(QUuid::createUuid());
        STEWARD_VERIFY_OK(otherTenant);
        QVERIFY(otherTenant.value().isEmpty());

        STEWARD_VERIFY_OK(repository.markResolved(TestDatabase::tenantId(), amount.id, kStart.addSecs(3600)));
        auto again = repository.markResolved(TestDatabase::tenantId(), amount.id, kStart.addSecs(7200));
        QVERIFY(again);
        QCOMPARE(again->code, ErrorCode::NotFound);
        auto resolved = repository.find(TestDatabase::tenantId(), amount.id);
        STEWARD_VERIFY_OK(resolved);
        QVERIFY(resolved.value());
        QVERIFY(!resolved.value()->firing);
        QCOMPARE(resolved.value()->resolvedAt, kStart.addSecs(3600));

        open = repository.openForField(TestDatabase::tenantId(), u"sales.order.amount"_s);
        STEWARD_VERIFY_OK(open);
        QVERIFY(open.value().isEmpty());
        tenant = repository.openForTenant(TestDatabase::tenantId());
        STEWARD_VERIFY_OK(tenant);
        QCOMPARE(tenant.value().size(), 1);

        STEWARD_VERIFY_OK(repository.acknowledge(TestDatabase::tenantId(), customer.id, Users::Steward));
        auto acknowledged = repository.find(TestDatabase::tenantId(), customer.id);
        STEWARD_VERIFY_OK(acknowledged);
        QCOMPARE(acknowledged.value()->acknowledgedBy, Users::Steward);
        QVERIFY(acknowledged.value()->firing); // acknowledging does not resolve
        auto foreign = repository.acknowledge(QUuid::createUuid(), customer.id, Users::Steward);
        QVERIFY(foreign);
        QCOMPARE(foreign->code, ErrorCode::NotFound);
    }

    void lastCompletedScoreSkipsFailedAndUnscoredRuns()
    {
        AlertRepository alerts(m_db.database());
        profiler::ProfileRepository profiles(m_db.database());
        const QString key = u"sales.order.amount"_s;
        auto none = alerts.lastCompletedScore(TestDatabase::tenantId(), key);
        STEWARD_VERIFY_OK(none);
        QVERIFY(!none.value());

        profiler::ProfileRun run;
        run.tenantId = TestDatabase::tenantId();
        run.canonicalKey = key;
        run.tier = Tier::Tier1;
        run.status = profiler::RunStatus::Completed;
        run.metrics.qualityScore = 91.0;
        run.createdAt = kStart;
        STEWARD_VERIFY_OK(profiles.insert(run));
        run.id = QUuid::createUuid();
        run.status = profiler::RunStatus::Failed;
        run.metrics.qualityScore.reset();
        run.error = u"boom"_s;
        run.createdAt = kStart.addSecs(60);
        STEWARD_VERIFY_OK(profiles.insert(run));

        auto last = alerts.lastCompletedScore(TestDatabase::tenantId(), key);
        STEWARD_VERIFY_OK(last);
        QVERIFY(last.value());
        QCOMPARE(*last.value(), 91.0);
    }

private:
    TestDatabase m_db;
};

QTEST_GUILESS_MAIN(AlertRepositoryTest)
#include "tst_alertrepository.moc"
