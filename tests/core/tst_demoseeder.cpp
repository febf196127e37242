// The demo organisation: a queue worth reviewing, a history worth auditing, and a
// refresh that replaces the demo and leaves everyone else's rows alone. On a team database
// (tst_demoseeder_postgresql) the schema's owner seeds, as init-demo does there, and the
// checks read every tenant's rows as the owner.

#include "TestDatabase.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoSeeder.h"
#include "store/ApprovalRepository.h"
#include "store/AuditTrail.h"

#include <QSet>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

const QStringList kTenantTables{u"mdm_approval"_s,      u"mdm_global_metadata"_s, u"mdm_kpi"_s,
                                u"mdm_business_rule"_s, u"mdm_glossary_term"_s,   u"mdm_event"_s,
                                u"mdm_user_role"_s};

} // namespace

class DemoSeederTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pendingQueueCoversEveryKind();
    void usersCoverEveryRole();
    void historyHasEveryOutcome();
    void updatesCarryCurrentState();
    void summaryMatchesDatabase();
    void everyTenantsAuditTrailVerifies();
    void seedingAgainRefreshesOnlyTheDemo();

private:
    QStringList distinct(const QString &column, const QString &where = u"status = 'pending'"_s) const
    {
        QStringList values;
        auto query =
            m_db->fixture().run(u"SELECT DISTINCT "_s + column + u" FROM mdm_approval WHERE tenant_id = ? AND "_s +
                                    where + u" ORDER BY 1"_s,
                                {uuidText(demo::northwindTenantId())});
        while (query && query.value().next())
            values.append(query.value().value(0).toString());
        return values;
    }

    int countWhere(const QString &table, const QUuid &tenant, const QString &where = u"1 = 1"_s) const
    {
        return m_db
            ->scalar(u"SELECT COUNT(*) FROM "_s + table + u" WHERE tenant_id = ? AND "_s + where, {uuidText(tenant)})
            .toInt();
    }

    // Row counts per table and per approval status, for one tenant.
    QStringList census(const QUuid &tenant) const
    {
        QStringList lines;
        for (const QString &table : kTenantTables)
            lines.append(u"%1=%2"_s.arg(table).arg(countWhere(table, tenant)));
        for (const QString &status : {u"pending"_s, u"approved"_s, u"rejected"_s, u"cancelled"_s})
            lines.append(
                u"%1=%2"_s.arg(status).arg(countWhere(u"mdm_approval"_s, tenant, u"status = '"_s + status + u'\'')));
        return lines;
    }

    // A non-demo tenant with a little history of its own.
    static QUuid bystander() { return TestDatabase::tenantId(); }

    std::unique_ptr<TestDatabase> m_db;
    DemoSeeder::Summary m_summary;
    QStringList m_bystanderRows;
};

void DemoSeederTest::initTestCase()
{
    // Seeding is the expensive part; the read-only checks share one seeded database.
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
    STEWARD_VERIFY_OK(m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier2,
                                      fieldPayload(u"orders.amount"_s, Tier::Tier2)));
    STEWARD_VERIFY_OK(
        m_db->service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                                     glossaryPayload(u"term.order"_s))));
    for (const QString &table : kTenantTables) {
        auto rows = m_db->fixture().run(u"SELECT * FROM "_s + table + u" WHERE tenant_id = ? ORDER BY 1"_s,
                                        {uuidText(bystander())});
        STEWARD_VERIFY_OK(rows);
        while (rows.value().next()) {
            QStringList cells;
            for (int i = 0; i < rows.value().record().count(); ++i)
                cells.append(rows.value().value(i).toString());
            m_bystanderRows.append(table + u": "_s + cells.join(u'|'));
        }
    }
    QVERIFY(m_bystanderRows.size() > 8);

    // The demo's directory and history are the schema owner's to write.
    const auto seeded = DemoSeeder(m_db->fixture()).seed();
    STEWARD_VERIFY_OK(seeded);
    m_summary = seeded.value();
    // The repositories under test read as a Northwind person.
    STEWARD_VERIFY_OK(m_db->database().signIn(demo::northwindTenantId(), u"mei.chen"_s));
}

void DemoSeederTest::cleanupTestCase()
{
    m_db.reset();
}

void DemoSeederTest::pendingQueueCoversEveryKind()
{
    QVERIFY2(countWhere(u"mdm_approval"_s, demo::northwindTenantId(), u"status = 'pending'"_s) >= 200,
             qPrintable(census(demo::northwindTenantId()).join(u", "_s)));
    QCOMPARE(distinct(u"entity_type"_s),
             (QStringList{u"BUSINESS_RULE"_s, u"GLOBAL_METADATA"_s, u"GLOSSARY"_s, u"KPI"_s}));
    QCOMPARE(distinct(u"tier"_s), (QStringList{u"tier1"_s, u"tier2"_s, u"tier3"_s, u"tier4"_s, u"tier5"_s}));
    QCOMPARE(distinct(u"lane"_s), (QStringList{u"draft"_s, u"governed"_s, u"kernel"_s}));
    // Both creates and updates wait for review.
    QVERIFY(countWhere(u"mdm_approval"_s, demo::northwindTenantId(), u"status = 'pending' AND entity_id IS NULL"_s) >
            0);
    QVERIFY(countWhere(u"mdm_approval"_s, demo::northwindTenantId(),
                       u"status = 'pending' AND entity_id IS NOT NULL"_s) > 0);
    // Every seeded request obeys the rules a real one must: kernel lane needs an architect,
    // and nobody approved or rejected their own.
    QCOMPARE(countWhere(u"mdm_approval"_s, demo::northwindTenantId(),
                        u"lane = 'kernel' AND required_role <> 'kernel_architect'"_s),
             0);
    QCOMPARE(countWhere(u"mdm_approval"_s, demo::northwindTenantId(),
                        u"status IN ('approved', 'rejected') AND decided_by = requested_by"_s),
             0);
    // The second demo tenant has a small queue of its own.
    QVERIFY(countWhere(u"mdm_approval"_s, demo::contosoTenantId(), u"status = 'pending'"_s) > 0);
}

void DemoSeederTest::usersCoverEveryRole()
{
    const auto users = DirectoryRepository(m_db->database()).users(demo::northwindTenantId());
    STEWARD_VERIFY_OK(users);
    QSet<QString> roles;
    for (const User &user : users.value()) {
        for (const Role role : user.roles)
            roles.insert(toString(role));
    }
    QCOMPARE(roles, (QSet<QString>{u"kernel_architect"_s, u"metadata_steward"_s, u"data_owner"_s, u"viewer"_s}));
    QVERIFY(users.value().size() >= 4);
}

void DemoSeederTest::historyHasEveryOutcome()
{
    for (const QString &status : {u"approved"_s, u"rejected"_s, u"cancelled"_s})
        QVERIFY2(countWhere(u"mdm_approval"_s, demo::northwindTenantId(), u"status = '"_s + status + u'\'') > 0,
                 qPrintable(status));
    // Decisions carry who and when; rejections carry why.
    QCOMPARE(countWhere(u"mdm_approval"_s, demo::northwindTenantId(),
                        u"status <> 'pending' AND (decided_by IS NULL OR decided_at IS NULL)"_s),
             0);
    QCOMPARE(countWhere(u"mdm_approval"_s, demo::northwindTenantId(),
                        u"status = 'rejected' AND TRIM(COALESCE(decision_reason, '')) = ''"_s),
             0);
    // Approved history created every entity of the catalog, with its audit trail.
    QCOMPARE(countWhere(u"mdm_global_metadata"_s, demo::northwindTenantId()), int(demo::fields().size()));
    QCOMPARE(countWhere(u"mdm_kpi"_s, demo::northwindTenantId()), int(demo::kpis().size()));
    QCOMPARE(countWhere(u"mdm_business_rule"_s, demo::northwindTenantId()), int(demo::rules().size()));
    QCOMPARE(countWhere(u"mdm_glossary_term"_s, demo::northwindTenantId()), int(demo::glossary().size()));
    QCOMPARE(countWhere(u"mdm_event"_s, demo::northwindTenantId(), u"type = 'approval.approved'"_s),
             countWhere(u"mdm_approval"_s, demo::northwindTenantId(), u"status = 'approved'"_s));
    QCOMPARE(countWhere(u"mdm_event"_s, demo::northwindTenantId(), u"type = 'approval.requested'"_s),
             countWhere(u"mdm_approval"_s, demo::northwindTenantId()));
}

void DemoSeederTest::updatesCarryCurrentState()
{
    const QUuid tenant = demo::northwindTenantId();
    QVERIFY(countWhere(u"mdm_approval"_s, tenant, u"entity_id IS NOT NULL"_s) > 0);
    QCOMPARE(countWhere(u"mdm_approval"_s, tenant,
                        u"entity_id IS NOT NULL AND (current_state IS NULL OR base_version IS NULL)"_s),
             0);
    QCOMPARE(countWhere(u"mdm_approval"_s, tenant, u"entity_id IS NULL AND current_state IS NOT NULL"_s), 0);
    // The state is the entity's own, so the reviewer's diff is against something real.
    QCOMPARE(countWhere(u"mdm_approval"_s, tenant,
                        u"entity_id IS NOT NULL AND "_s +
                            m_db->fixture().dialect().jsonMemberText(u"current_state"_s, u"canonicalKey"_s) +
                            u" <> entity_key"_s),
             0);
    // And every pending update changes something: an empty diff is nothing to review.
    ApprovalFilter pending;
    pending.status = ApprovalStatus::Pending;
    const auto queue = ApprovalRepository(m_db->database()).list(tenant, pending, {}, 0, 10000, true);
    STEWARD_VERIFY_OK(queue);
    QStringList emptyDiffs;
    for (const Approval &approval : queue.value()) {
        if (approval.isCreate())
            continue;
        const json::Node live = approval.currentState.value_or(json::Node::object());
        bool changes = false;
        for (const auto &[key, value] : approval.payload.members())
            changes = changes || !live.member(key) || !live.member(key)->identical(value);
        if (!changes)
            emptyDiffs.append(approval.entityKey);
    }
    QVERIFY2(emptyDiffs.isEmpty(), qPrintable(u"updates that change nothing: "_s + emptyDiffs.join(u", "_s)));
}

void DemoSeederTest::summaryMatchesDatabase()
{
    QCOMPARE(m_summary.tenants, 2);
    QCOMPARE(m_summary.users, int(demo::northwindUsers().size() + demo::contosoUsers().size()));
    QCOMPARE(m_summary.pending, countWhere(u"mdm_approval"_s, demo::northwindTenantId(), u"status = 'pending'"_s));
    QCOMPARE(m_summary.decided, countWhere(u"mdm_approval"_s, demo::northwindTenantId(), u"status <> 'pending'"_s));
}

// The demo's history (dated back by the schema's owner on a team database) and the
// tenant beside it each form an unbroken audit chain over all of their events.
void DemoSeederTest::everyTenantsAuditTrailVerifies()
{
    for (const QUuid &tenant : {demo::northwindTenantId(), demo::contosoTenantId(), bystander()}) {
        auto chain = AuditTrail(m_db->fixture()).verify(tenant);
        STEWARD_VERIFY_OK(chain);
        QVERIFY2(chain.value().verified(), qPrintable(chain.value().statement()));
        const qint64 events =
            m_db->scalar(u"SELECT COUNT(*) FROM mdm_event WHERE tenant_id = ?"_s, {uuidText(tenant)}).toLongLong();
        QVERIFY(events > 0);
        QCOMPARE(chain.value().checked, events);
    }
}

void DemoSeederTest::seedingAgainRefreshesOnlyTheDemo()
{
    const QStringList northwind = census(demo::northwindTenantId());
    const QStringList contoso = census(demo::contosoTenantId());
    const QStringList others = census(bystander());

    const auto again = DemoSeeder(m_db->fixture()).seed();
    STEWARD_VERIFY_OK(again);
    QCOMPARE(census(demo::northwindTenantId()), northwind);
    QCOMPARE(census(demo::contosoTenantId()), contoso);
    QCOMPARE(census(bystander()), others);
    QCOMPARE(again.value().pending, m_summary.pending);
    QCOMPARE(m_db->rowCount(u"mdm_tenant"_s), 3);

    QStringList rows;
    for (const QString &table : kTenantTables) {
        auto query = m_db->fixture().run(u"SELECT * FROM "_s + table + u" WHERE tenant_id = ? ORDER BY 1"_s,
                                         {uuidText(bystander())});
        STEWARD_VERIFY_OK(query);
        while (query.value().next()) {
            QStringList cells;
            for (int i = 0; i < query.value().record().count(); ++i)
                cells.append(query.value().value(i).toString());
            rows.append(table + u": "_s + cells.join(u'|'));
        }
    }
    QCOMPARE(rows, m_bystanderRows);
}

QTEST_GUILESS_MAIN(DemoSeederTest)
#include "tst_demoseeder.moc"
