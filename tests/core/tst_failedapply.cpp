// An approval that fails half way leaves nothing behind: the request stays pending, no
// entity changes, no event is stored or delivered.

#include "TestDatabase.h"
#include "store/ApprovalRepository.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

class FailedApplyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void failingEventWriteRollsBack_data();
    void failingEventWriteRollsBack();
    void invalidStoredPayloadRefused_data();
    void invalidStoredPayloadRefused();

private:
    // Everything an approval may touch, to compare before and after.
    QStringList snapshot() const
    {
        QStringList tables;
        for (const QString &table : {u"mdm_approval"_s, u"mdm_global_metadata"_s, u"mdm_kpi"_s, u"mdm_business_rule"_s,
                                     u"mdm_glossary_term"_s, u"mdm_event"_s})
            tables << table << m_db->dump(table);
        return tables;
    }

    std::unique_ptr<TestDatabase> m_db;
};

void FailedApplyTest::init()
{
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
}

void FailedApplyTest::cleanup()
{
    m_db.reset();
}

void FailedApplyTest::failingEventWriteRollsBack_data()
{
    QTest::addColumn<bool>("update");
    QTest::newRow("create") << false;
    QTest::newRow("update") << true;
}

void FailedApplyTest::failingEventWriteRollsBack()
{
    QFETCH(bool, update);
    ChangeRequest request = createRequest(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier2,
                                          fieldPayload(u"orders.amount"_s, Tier::Tier2));
    if (update) {
        const auto field = m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier2,
                                           fieldPayload(u"orders.amount"_s, Tier::Tier2));
        STEWARD_VERIFY_OK(field);
        request = updateRequest(EntityType::GlobalMetadata, field.value(), Tier::Tier2,
                                {{u"label"_s, u"Order gross amount"_s}, {u"format"_s, u"19,4"_s}});
    }
    const auto submitted = m_db->service().submit(m_db->as(Users::Owner), request);
    STEWARD_VERIFY_OK(submitted);

    // The disk fills up between the entity write and the audit trail.
    STEWARD_VERIFY_OK(m_db->database().run(uR"(CREATE TRIGGER disk_full BEFORE INSERT ON mdm_event
                                                BEGIN SELECT RAISE(ABORT, 'disk full simulation'); END)"_s));
    const QStringList before = snapshot();
    QSignalSpy published(&m_db->bus(), &EventBus::eventPublished);

    const auto failed = m_db->service().approve(m_db->as(Users::Steward), submitted.value().id);
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains(u"disk full simulation"_s), qPrintable(failed.error().message));
    QCOMPARE(failed.error().code, ErrorCode::Unavailable);

    QCOMPARE(snapshot(), before);
    QCOMPARE(published.count(), 0);
    const Approval pending = m_db->approval(submitted.value().id).value();
    QCOMPARE(toString(pending.status), u"pending"_s);
    QVERIFY(pending.decidedBy.isEmpty());
    QVERIFY(!pending.decidedAt.isValid());
    if (update)
        QCOMPARE(m_db->entity(EntityType::GlobalMetadata, u"orders.amount"_s).value().version, 1);
    else
        QCOMPARE(m_db->rowCount(u"mdm_global_metadata"_s), 0);

    // Once the disk has room again, the same request goes through: nothing was left half done.
    STEWARD_VERIFY_OK(m_db->database().run(u"DROP TRIGGER disk_full"_s));
    const auto approved = m_db->service().approve(m_db->as(Users::Steward), submitted.value().id);
    STEWARD_VERIFY_OK(approved);
    QCOMPARE(toString(approved.value().status), u"approved"_s);
    const auto entity = m_db->entity(EntityType::GlobalMetadata, u"orders.amount"_s);
    STEWARD_VERIFY_OK(entity);
    QCOMPARE(entity.value().version, update ? 2 : 1);
    QCOMPARE(published.count(), 4);
}

void FailedApplyTest::invalidStoredPayloadRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("data type") << u"dataType"_s << u"MONEY"_s << u"dataType"_s;
    QTest::newRow("decimal format") << u"format"_s << u"40,2"_s << u"format"_s;
    QTest::newRow("unknown field") << u"colour"_s << u"red"_s << u"colour"_s;
}

void FailedApplyTest::invalidStoredPayloadRefused()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, field);

    // A row written past submit (by an older client, or by hand): approval checks again.
    Approval approval;
    approval.id = QUuid::createUuid();
    approval.tenantId = m_db->tenantId();
    approval.entityType = EntityType::GlobalMetadata;
    approval.entityKey = u"orders.amount"_s;
    approval.tier = Tier::Tier3;
    approval.lane = Lane::Governed;
    QJsonObject payload = fieldPayload(u"orders.amount"_s, Tier::Tier3);
    payload.insert(key, value);
    approval.payload = json::fromQJsonValue(payload);
    approval.requestedBy = Users::Owner;
    approval.requestedAt = QDateTime::currentDateTimeUtc();
    approval.requiredRole = Role::MetadataSteward;
    STEWARD_VERIFY_OK(ApprovalRepository(m_db->database()).insert(approval));

    const QStringList before = snapshot();
    QSignalSpy published(&m_db->bus(), &EventBus::eventPublished);
    const auto refused = m_db->service().approve(m_db->as(Users::Steward), approval.id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QCOMPARE(refused.error().field, field);
    QVERIFY(!refused.error().message.isEmpty());
    QCOMPARE(snapshot(), before);
    QCOMPARE(published.count(), 0);
    QCOMPARE(toString(m_db->approval(approval.id).value().status), u"pending"_s);
}

QTEST_GUILESS_MAIN(FailedApplyTest)
#include "tst_failedapply.moc"
