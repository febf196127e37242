// Schema upgrades: the SPEC section 3 names exist exactly, old databases keep their rows,
// upgrades are idempotent, and a database from a newer program is refused clearly.

#include "TestDatabase.h"
#include "store/ApprovalRepository.h"
#include "store/AuditTrail.h"
#include "store/EventRepository.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

QStringList columnsOf(const Database &database, const QString &table)
{
    QStringList columns;
    // PRAGMA arguments cannot be bound; `table` is one of the constants below.
    auto query = database.run(u"PRAGMA table_info("_s + table + u')');
    if (!query)
        return {u"error: "_s + query.error().text()};
    while (query.value().next())
        columns.append(query.value().value(1).toString());
    return columns;
}

QStringList tablesOf(const Database &database)
{
    QStringList tables;
    auto query = database.run(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    if (query) {
        while (query.value().next())
            tables.append(query.value().value(0).toString());
    }
    return tables;
}

// The column lists of every index on `table`, e.g. "tenant_id,status".
QStringList indexesOf(const Database &database, const QString &table)
{
    QStringList indexes;
    auto list = database.run(u"PRAGMA index_list("_s + table + u')');
    if (!list)
        return {};
    QStringList names;
    while (list.value().next())
        names.append(list.value().value(1).toString());
    for (const QString &name : std::as_const(names)) {
        auto info = database.run(u"PRAGMA index_info("_s + name + u')');
        QStringList columns;
        while (info && info.value().next())
            columns.append(info.value().value(2).toString());
        indexes.append(columns.join(u','));
    }
    return indexes;
}

QString schemaText(const Database &database)
{
    QStringList lines;
    auto query = database.run(u"SELECT type, name, sql FROM sqlite_master ORDER BY type, name"_s);
    while (query && query.value().next())
        lines.append(query.value().value(0).toString() + u' ' + query.value().value(1).toString() + u' ' +
                     query.value().value(2).toString());
    return lines.join(u'\n');
}

} // namespace

class MigrationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyFileReachesLatest();
    void specColumnsExist_data();
    void specColumnsExist();
    void approvalColumnsExactlyAsSpecified();
    void specIndexesExist();
    void upgradeFromVersionOneKeepsRows();
    void upgradeTwiceIsNoOp();
    void eventsBelongToATenantFromVersionFive();
    void storedEventsAreSealedByVersionEight();
    void downgradeIsRefused();
    void newerDatabaseRefused();
    void invalidJsonRejected();

private:
    Database &database() { return m_db->database(); }

    std::unique_ptr<TestDatabase> m_db;
};

void MigrationsTest::init()
{
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp(false));
}

void MigrationsTest::cleanup()
{
    m_db.reset();
}

void MigrationsTest::emptyFileReachesLatest()
{
    Migrator migrator(database());
    QVERIFY(migrator.latestVersion() >= 2);
    const auto fresh = migrator.currentVersion();
    STEWARD_VERIFY_OK(fresh);
    QCOMPARE(fresh.value(), 0);

    STEWARD_VERIFY_OK(migrator.upgrade());
    const auto upgraded = migrator.currentVersion();
    STEWARD_VERIFY_OK(upgraded);
    QCOMPARE(upgraded.value(), migrator.latestVersion());

    const QStringList tables = tablesOf(database());
    for (const QString &table : {u"mdm_approval"_s, u"mdm_global_metadata"_s, u"mdm_kpi"_s, u"mdm_business_rule"_s,
                                 u"mdm_glossary_term"_s, u"mdm_profile"_s, u"mdm_event"_s, u"mdm_data_source"_s,
                                 u"mdm_alert"_s, u"mdm_user_role"_s, u"mdm_tenant"_s, u"mdm_schema_version"_s})
        QVERIFY2(tables.contains(table), qPrintable(table + u" missing from "_s + tables.join(u", "_s)));
}

void MigrationsTest::specColumnsExist_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("columns");
    QTest::newRow("mdm_user_role") << u"mdm_user_role"_s
                                   << QStringList{u"tenant_id"_s, u"user_id"_s, u"role"_s, u"display_name"_s};
    QTest::newRow("mdm_global_metadata")
        << u"mdm_global_metadata"_s
        << QStringList{u"id"_s,        u"tenant_id"_s, u"canonical_key"_s, u"label"_s,      u"description"_s,
                       u"domain"_s,    u"module"_s,    u"entity_urn"_s,    u"tier"_s,       u"standard_pack_id"_s,
                       u"data_type"_s, u"format"_s,    u"owner_id"_s,      u"steward_id"_s, u"status"_s,
                       u"binding"_s,   u"version"_s,   u"created_at"_s,    u"updated_at"_s};
    QTest::newRow("mdm_kpi") << u"mdm_kpi"_s
                             << QStringList{u"id"_s,          u"tenant_id"_s, u"canonical_key"_s, u"label"_s,
                                            u"description"_s, u"formula"_s,   u"depends_on"_s,    u"tier"_s,
                                            u"owner_id"_s,    u"status"_s,    u"version"_s,       u"created_at"_s,
                                            u"updated_at"_s};
    QTest::newRow("mdm_business_rule") << u"mdm_business_rule"_s
                                       << QStringList{u"id"_s,         u"tenant_id"_s,  u"canonical_key"_s,
                                                      u"label"_s,      u"applies_to"_s, u"rule_type"_s,
                                                      u"definition"_s, u"severity"_s,   u"status"_s,
                                                      u"version"_s,    u"created_at"_s, u"updated_at"_s};
    QTest::newRow("mdm_glossary_term") << u"mdm_glossary_term"_s
                                       << QStringList{u"id"_s,         u"tenant_id"_s,  u"canonical_key"_s, u"term"_s,
                                                      u"definition"_s, u"synonyms"_s,   u"related_keys"_s,  u"status"_s,
                                                      u"version"_s,    u"created_at"_s, u"updated_at"_s};
    QTest::newRow("mdm_profile") << u"mdm_profile"_s
                                 << QStringList{
                                        u"id"_s,         u"tenant_id"_s,    u"entity_urn"_s,    u"canonical_key"_s,
                                        u"tier"_s,       u"trigger"_s,      u"status"_s,        u"completeness"_s,
                                        u"uniqueness"_s, u"validity"_s,     u"quality_score"_s, u"quality_grade"_s,
                                        u"row_count"_s,  u"sampled_rows"_s, u"duration_ms"_s,   u"error"_s,
                                        u"details"_s,    u"created_at"_s};
    QTest::newRow("mdm_event") << u"mdm_event"_s
                               << QStringList{u"id"_s,          u"seq"_s,      u"tenant_id"_s,  u"type"_s,
                                              u"occurred_at"_s, u"actor_id"_s, u"actor_role"_s, u"correlation_id"_s,
                                              u"payload"_s};
    QTest::newRow("mdm_data_source") << u"mdm_data_source"_s
                                     << QStringList{u"id"_s, u"tenant_id"_s, u"name"_s, u"driver"_s};
    QTest::newRow("mdm_alert") << u"mdm_alert"_s
                               << QStringList{u"id"_s,          u"tenant_id"_s,      u"rule"_s,  u"canonical_key"_s,
                                              u"severity"_s,    u"state"_s,          u"value"_s, u"fired_at"_s,
                                              u"resolved_at"_s, u"acknowledged_by"_s};
}

void MigrationsTest::specColumnsExist()
{
    QFETCH(QString, table);
    QFETCH(QStringList, columns);
    STEWARD_VERIFY_OK(Migrator(database()).upgrade());
    const QStringList actual = columnsOf(database(), table);
    for (const QString &column : std::as_const(columns))
        QVERIFY2(actual.contains(column),
                 qPrintable(u"%1.%2 missing; has %3"_s.arg(table, column, actual.join(u", "_s))));
    // Every row carries its tenant; and no table keeps a password.
    QVERIFY(actual.contains(u"tenant_id"_s));
    for (const QString &column : actual)
        QVERIFY2(!column.contains(u"password"_s), qPrintable(table + u'.' + column));
}

void MigrationsTest::approvalColumnsExactlyAsSpecified()
{
    STEWARD_VERIFY_OK(Migrator(database()).upgrade());
    const QStringList specified{u"id"_s,           u"tenant_id"_s,       u"entity_type"_s,
                                u"entity_id"_s,    u"entity_key"_s,      u"tier"_s,
                                u"lane"_s,         u"payload"_s,         u"current_state"_s,
                                u"status"_s,       u"decision_reason"_s, u"requested_by"_s,
                                u"decided_by"_s,   u"requested_at"_s,    u"decided_at"_s,
                                u"required_role"_s};
    const QStringList actual = columnsOf(database(), u"mdm_approval"_s);
    // In the specified order; later releases only add columns after them.
    QCOMPARE(actual.mid(0, specified.size()), specified);
    QVERIFY(actual.mid(specified.size()).contains(u"base_version"_s));
}

void MigrationsTest::specIndexesExist()
{
    STEWARD_VERIFY_OK(Migrator(database()).upgrade());
    const QStringList indexes = indexesOf(database(), u"mdm_approval"_s);
    QVERIFY2(indexes.contains(u"tenant_id,status"_s), qPrintable(indexes.join(u"; "_s)));
    QVERIFY2(indexes.contains(u"tenant_id,entity_type,entity_key"_s), qPrintable(indexes.join(u"; "_s)));
    for (const QString &table :
         {u"mdm_global_metadata"_s, u"mdm_kpi"_s, u"mdm_business_rule"_s, u"mdm_glossary_term"_s}) {
        // canonical_key is unique per tenant.
        QVERIFY2(indexesOf(database(), table).contains(u"tenant_id,canonical_key"_s), qPrintable(table));
    }
}

void MigrationsTest::upgradeFromVersionOneKeepsRows()
{
    Migrator migrator(database());
    STEWARD_VERIFY_OK(migrator.upgrade(1));
    QCOMPARE(migrator.currentVersion().value(), 1);
    QVERIFY(!columnsOf(database(), u"mdm_approval"_s).contains(u"base_version"_s));

    const QString tenant = uuidText(TestDatabase::tenantId());
    const QString id = u"2b6f0f6e-0c1d-4d2e-9a8b-3f4e5d6c7b8a"_s;
    const QString payload = uR"({"canonicalKey":"term.order","term":"Order","definition":"A request to buy."})"_s;
    STEWARD_VERIFY_OK(database().run(u"INSERT INTO mdm_tenant (id, name, created_at) VALUES (?, 'Acme', "
                                     u"'2024-01-01T00:00:00.000Z')"_s,
                                     {tenant}));
    STEWARD_VERIFY_OK(database().run(
        u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, payload, requested_by, "
        u"requested_at, required_role) VALUES (?, ?, 'GLOSSARY', 'term.order', 'tier3', 'governed', ?, "
        u"'otto.owner', '2024-01-02T10:00:00.000Z', 'metadata_steward')"_s,
        {id, tenant, payload}));

    STEWARD_VERIFY_OK(migrator.upgrade());
    QCOMPARE(migrator.currentVersion().value(), migrator.latestVersion());
    QVERIFY(columnsOf(database(), u"mdm_approval"_s).contains(u"base_version"_s));
    QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 1);
    QCOMPARE(m_db->scalar(u"SELECT payload FROM mdm_approval WHERE id = ?"_s, {id}).toString(), payload);
    QVERIFY(m_db->scalar(u"SELECT base_version FROM mdm_approval WHERE id = ?"_s, {id}).isNull());

    // The old row reads back as a pending request the program can work with.
    const auto found = ApprovalRepository(database()).find(TestDatabase::tenantId(), QUuid(id));
    STEWARD_VERIFY_OK(found);
    QVERIFY(found.value().has_value());
    const Approval approval = *found.value();
    QCOMPARE(toString(approval.status), u"pending"_s);
    QCOMPARE(approval.entityKey, u"term.order"_s);
    QCOMPARE(approval.requestedBy, u"otto.owner"_s);
    QCOMPARE(approval.payload.stringMember(u"term"_s), u"Order"_s);
    QVERIFY(!approval.baseVersion.has_value());
    QCOMPARE(toIsoTimestamp(approval.requestedAt), u"2024-01-02T10:00:00.000Z"_s);
}

// Version 5 adds mdm_event's foreign key to mdm_tenant by rebuilding the table: every
// event survives with its seq, an event naming a tenant nobody registered keeps it as a
// tenant, seqs are never handed out twice, and afterwards an unknown tenant is refused.
void MigrationsTest::eventsBelongToATenantFromVersionFive()
{
    Migrator migrator(database());
    STEWARD_VERIFY_OK(migrator.upgrade(4));
    const QString tenant = uuidText(TestDatabase::tenantId());
    const QString stray = u"5f1e2d3c-4b5a-4968-8776-655443322110"_s;
    STEWARD_VERIFY_OK(database().run(u"INSERT INTO mdm_tenant (id, name, created_at) VALUES (?, 'Acme', "
                                     u"'2024-01-01T00:00:00.000Z')"_s,
                                     {tenant}));
    for (int i = 0; i < 3; ++i) {
        STEWARD_VERIFY_OK(database().run(
            u"INSERT INTO mdm_event (id, tenant_id, type, occurred_at, payload) VALUES (?, ?, 'approval.requested', "
            u"?, '{}')"_s,
            {uuidText(QUuid::createUuid()), i == 1 ? stray : tenant, u"2024-01-0%1T10:00:00.000Z"_s.arg(i + 2)}));
    }
    // The newest event was deleted by hand: its seq (4) must not come back.
    STEWARD_VERIFY_OK(database().run(
        u"INSERT INTO mdm_event (id, tenant_id, type, occurred_at, payload) VALUES (?, ?, 'x', '2024-01-09T00:00:00.000Z', '{}')"_s,
        {uuidText(QUuid::createUuid()), tenant}));
    STEWARD_VERIFY_OK(database().run(u"DELETE FROM mdm_event WHERE seq = 4"_s));
    const QStringList before = m_db->dump(u"mdm_event"_s);

    STEWARD_VERIFY_OK(migrator.upgrade(5));
    QCOMPARE(m_db->dump(u"mdm_event"_s), before);
    STEWARD_VERIFY_OK(migrator.upgrade());
    QCOMPARE(m_db->scalar(u"SELECT name FROM mdm_tenant WHERE id = ?"_s, {stray}).toString(), stray);
    QVERIFY(m_db->scalar(u"SELECT COUNT(*) FROM pragma_foreign_key_list('mdm_event') WHERE \"table\" = 'mdm_tenant'"_s)
                .toInt()
            == 1);
    QVERIFY(indexesOf(database(), u"mdm_event"_s).contains(u"tenant_id,seq"_s));

    Event event = Event::make(u"approval.requested"_s, TestDatabase::tenantId(), u"otto.owner"_s, u"data_owner"_s,
                              QUuid(), {}, QDateTime::currentDateTimeUtc());
    STEWARD_VERIFY_OK(EventRepository(database()).insert(event));
    QCOMPARE(event.seq, 5);
    Event orphan = Event::make(u"approval.requested"_s, QUuid::createUuid(), u"otto.owner"_s, u"data_owner"_s,
                               QUuid(), {}, QDateTime::currentDateTimeUtc());
    QVERIFY(EventRepository(database()).insert(orphan).has_value());
}

// Version 8 adds the audit chain: the events already stored are sealed in seq order, one
// chain per tenant, and events written afterwards continue it.
void MigrationsTest::storedEventsAreSealedByVersionEight()
{
    Migrator migrator(database());
    STEWARD_VERIFY_OK(migrator.upgrade(7));
    const QString tenant = uuidText(TestDatabase::tenantId());
    const QString other = u"5f1e2d3c-4b5a-4968-8776-655443322110"_s;
    for (const QString &id : {tenant, other})
        STEWARD_VERIFY_OK(database().run(u"INSERT INTO mdm_tenant (id, name, created_at) VALUES (?, ?, "
                                         u"'2024-01-01T00:00:00.000Z')"_s,
                                         {id, id.left(8)}));
    const QString firstId = u"0b8e2f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"_s;
    const QString payload = uR"({"approvalId":"x","note":"Grüße"})"_s;
    STEWARD_VERIFY_OK(database().run(
        u"INSERT INTO mdm_event (id, tenant_id, type, version, occurred_at, actor_id, actor_role, payload) "
        u"VALUES (?, ?, 'approval.requested', 1, '2024-01-02T10:00:00.000Z', 'otto.owner', NULL, ?)"_s,
        {firstId, tenant, payload}));
    for (int i = 0; i < 4; ++i) {
        STEWARD_VERIFY_OK(database().run(
            u"INSERT INTO mdm_event (id, tenant_id, type, occurred_at, payload) VALUES (?, ?, 'x', ?, '{}')"_s,
            {uuidText(QUuid::createUuid()), i % 2 ? other : tenant, u"2024-01-0%1T10:00:00.000Z"_s.arg(i + 3)}));
    }

    STEWARD_VERIFY_OK(migrator.upgrade());
    QCOMPARE(m_db->scalar(u"SELECT COUNT(*) FROM mdm_event WHERE hash IS NULL OR prev_hash IS NULL"_s).toInt(), 0);

    // The first event's seal, computed here from its stored columns as SPEC section 9 and
    // AuditSeal define it: SHA-256 over 64 zeros and the length-prefixed column texts.
    QByteArray text = "mdm_event/1\n";
    for (const QString &column : {u"1"_s, firstId, tenant, u"approval.requested"_s, u"1"_s,
                                  u"2024-01-02T10:00:00.000Z"_s, u"otto.owner"_s, QString(), QString(), payload}) {
        text += column.isNull() ? QByteArray("~\n")
                                : QByteArray::number(column.toUtf8().size()) + ':' + column.toUtf8() + '\n';
    }
    const QByteArray expected =
        QCryptographicHash::hash(QByteArray(64, '0') + text, QCryptographicHash::Sha256).toHex();
    QCOMPARE(m_db->scalar(u"SELECT hash FROM mdm_event WHERE seq = 1"_s).toString(), QString::fromLatin1(expected));
    QCOMPARE(m_db->scalar(u"SELECT prev_hash FROM mdm_event WHERE seq = 1"_s).toString(), QString(64, u'0'));

    // One chain per tenant: 3 events here, 2 in the other.
    auto chain = AuditTrail(database()).verify(TestDatabase::tenantId());
    STEWARD_VERIFY_OK(chain);
    QVERIFY2(chain.value().verified(), qPrintable(chain.value().statement()));
    QCOMPARE(chain.value().checked, 3);
    QCOMPARE(chain.value().headSeq, 4);
    QCOMPARE(m_db->scalar(u"SELECT prev_hash FROM mdm_event WHERE seq = 3"_s).toString(), QString(64, u'0'));
    auto otherChain = AuditTrail(database()).verify(QUuid(other));
    STEWARD_VERIFY_OK(otherChain);
    QCOMPARE(otherChain.value().checked, 2);

    // A new event continues its tenant's chain.
    Event event = Event::make(u"approval.requested"_s, TestDatabase::tenantId(), u"otto.owner"_s, u"data_owner"_s,
                              QUuid(), {}, QDateTime::currentDateTimeUtc());
    STEWARD_VERIFY_OK(EventRepository(database()).insert(event));
    QCOMPARE(m_db->scalar(u"SELECT prev_hash FROM mdm_event WHERE seq = ?"_s, {event.seq}).toString(),
             chain.value().headHash);
    auto longer = AuditTrail(database()).verify(TestDatabase::tenantId());
    STEWARD_VERIFY_OK(longer);
    QVERIFY2(longer.value().verified(), qPrintable(longer.value().statement()));
    QCOMPARE(longer.value().checked, 4);
    QCOMPARE(longer.value().headSeq, event.seq);

    // An edit behind the program's back is named.
    STEWARD_VERIFY_OK(database().run(u"UPDATE mdm_event SET type = 'approval.approved' WHERE seq = 2"_s));
    auto edited = AuditTrail(database()).verify(TestDatabase::tenantId());
    STEWARD_VERIFY_OK(edited);
    QVERIFY(edited.value().broken.has_value());
    QCOMPARE(edited.value().broken->seq, 2);
    QCOMPARE(edited.value().broken->reason, AuditBreak::Reason::Altered);
    QCOMPARE(edited.value().checked, 1);
}

void MigrationsTest::downgradeIsRefused()
{
    Migrator migrator(database());
    STEWARD_VERIFY_OK(migrator.upgrade());
    const Status refused = migrator.upgrade(1);
    QVERIFY(refused.has_value());
    QVERIFY2(refused->message.contains(u"downgrading"_s), qPrintable(refused->message));
    QCOMPARE(migrator.currentVersion().value(), migrator.latestVersion());
    QVERIFY(columnsOf(database(), u"mdm_approval"_s).contains(u"base_version"_s));
}

void MigrationsTest::upgradeTwiceIsNoOp()
{
    Migrator migrator(database());
    STEWARD_VERIFY_OK(migrator.upgrade());
    const QString schema = schemaText(database());
    const QStringList versions = m_db->dump(u"mdm_schema_version"_s);
    QCOMPARE(versions.size(), migrator.latestVersion());

    STEWARD_VERIFY_OK(migrator.upgrade());
    STEWARD_VERIFY_OK(Migrator(database()).upgrade());
    QCOMPARE(schemaText(database()), schema);
    QCOMPARE(m_db->dump(u"mdm_schema_version"_s), versions);
    QCOMPARE(migrator.currentVersion().value(), migrator.latestVersion());
}

void MigrationsTest::newerDatabaseRefused()
{
    Migrator migrator(database());
    STEWARD_VERIFY_OK(migrator.upgrade());
    const int future = migrator.latestVersion() + 7;
    STEWARD_VERIFY_OK(database().run(u"INSERT INTO mdm_schema_version (version, description, applied_at) "
                                     u"VALUES (?, 'from a newer release', '2030-01-01T00:00:00.000Z')"_s,
                                     {future}));
    const QString schema = schemaText(database());

    const Status refused = migrator.upgrade();
    QVERIFY(refused.has_value());
    QVERIFY2(refused->message.contains(QString::number(future)), qPrintable(refused->message));
    QVERIFY2(refused->message.contains(u"newer"_s), qPrintable(refused->message));
    QCOMPARE(schemaText(database()), schema);
}

void MigrationsTest::invalidJsonRejected()
{
    STEWARD_VERIFY_OK(Migrator(database()).upgrade());
    const QString tenant = uuidText(TestDatabase::tenantId());
    STEWARD_VERIFY_OK(database().run(u"INSERT INTO mdm_tenant (id, name, created_at) VALUES (?, 'Acme', "
                                     u"'2024-01-01T00:00:00.000Z')"_s,
                                     {tenant}));
    const QString insert =
        u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, payload, current_state, "
        u"requested_by, required_role) VALUES (?, ?, 'GLOSSARY', 'term.order', 'tier3', 'governed', ?, ?, "
        u"'otto.owner', 'metadata_steward')"_s;

    const auto badPayload = database().run(
        insert, {QUuid::createUuid().toString(QUuid::WithoutBraces), tenant, u"{\"term\": \"Order\""_s, QVariant()});
    QVERIFY(!badPayload);
    QVERIFY2(badPayload.error().message.contains(u"CHECK"_s), qPrintable(badPayload.error().message));
    const auto badState =
        database().run(insert, {QUuid::createUuid().toString(QUuid::WithoutBraces), tenant, u"{}"_s, u"not json"_s});
    QVERIFY(!badState);
    QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 0);

    const auto good = database().run(
        insert, {QUuid::createUuid().toString(QUuid::WithoutBraces), tenant, u"{\"term\": \"Order\"}"_s, QVariant()});
    STEWARD_VERIFY_OK(good);
    QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 1);
    // The default status is pending.
    QCOMPARE(m_db->scalar(u"SELECT status FROM mdm_approval"_s).toString(), u"pending"_s);
}

QTEST_GUILESS_MAIN(MigrationsTest)
#include "tst_migrations.moc"
