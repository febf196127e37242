// SPEC sections 2 and 8 hold against a client that does not use the program at all: a
// plain QPSQL connection through a person's own steward_app login, sending the SQL a
// modified or hostile desktop could send. The database itself refuses writing decisions
// or entities directly, reading or writing another tenant's rows, deciding against the
// rules of section 2, and claiming another identity by setting the session variables.

#include "TeamTest.h"

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;
using namespace steward::testing::team;

namespace {

const QUuid kGlobex(u"7e3b1c44-2d9f-4a60-8b15-c6a0f9d2e7b3"_s);
const QString kGlobexSteward = u"olaf.steward"_s;
const QString kGlobexOwner = u"petra.owner"_s;
const QString kOutsider = u"outsider"_s; // a steward_app login that is no user of any tenant

// SQLSTATEs of the refusals (steward_decide documents its own).
const QString kForbidden = u"42501"_s;
const QString kAlreadyDecided = u"STW02"_s;
const QString kStale = u"STW03"_s;
const QString kInvalid = u"STW04"_s;
const QString kNotFound = u"STW05"_s;

} // namespace

// Fails the test function unless `outcome` is a refusal with SQLSTATE `expected`.
#define VERIFY_REFUSED(outcome, expected)                                                                              \
    do {                                                                                                               \
        const Outcome refusal = (outcome);                                                                             \
        QVERIFY2(!refusal.ok && refusal.state == (expected),                                                           \
                 qPrintable(u"expected SQLSTATE %1, got %2"_s.arg(expected, refusal.describe())));                     \
    } while (false)

#define VERIFY_DONE(outcome)                                                                                           \
    do {                                                                                                               \
        const Outcome done = (outcome);                                                                                \
        QVERIFY2(done.ok, qPrintable(done.describe()));                                                                \
    } while (false)

class TeamBypassTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void decisionsAndEntitiesCannotBeWrittenDirectly();
    void anotherTenantsRowsAreNeitherSeenNorWritten();
    void theDatabaseRechecksEveryRuleOfADecision();
    void aStaleVersionIsRefused();
    void settingTheSessionVariablesChangesNobodysIdentity();
    void eventsAndRequestsAreWrittenOnlyAsTheRulesAllow();

private:
    // A pending request of the fixture tenant by `requester` (through the service login).
    QUuid pending(const QString &key, Tier tier = Tier::Tier3, const QString &requester = Users::Owner);
    // A plain connection as `login`, signed in to the fixture tenant as themselves.
    std::unique_ptr<PlainConnection> signedIn(const QString &login, const QUuid &tenant = TestDatabase::tenantId());
    QString status(const QUuid &approvalId) const;
    QStringList eventTypes(const QUuid &approvalId) const;

    std::unique_ptr<TestDatabase> m_database;
    QUuid m_globexRequest;
    QUuid m_globexField;
    QUuid m_globexAlert;
};

void TeamBypassTest::initTestCase()
{
    m_database = std::make_unique<TestDatabase>();
    const QString missing = setUpTeamDatabase(*m_database);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    // A second tenant with requests, an entity, an alert; sam.steward is no user there.
    STEWARD_VERIFY_OK(m_database->addTenant(
        kGlobex, u"Globex"_s, {{kGlobexSteward, {Role::MetadataSteward}}, {kGlobexOwner, {Role::DataOwner}}}));
    ApprovalService &service = m_database->service();
    const auto created = service.submit(
        Actor{kGlobex, kGlobexOwner}, createRequest(EntityType::GlobalMetadata, u"globex.orders.margin"_s, Tier::Tier3,
                                                    fieldPayload(u"globex.orders.margin"_s, Tier::Tier3)));
    STEWARD_VERIFY_OK(created);
    const auto approved = service.approve(Actor{kGlobex, kGlobexSteward}, created.value().id);
    STEWARD_VERIFY_OK(approved);
    const auto field = EntityRepository(m_database->fixture())
                           .findByKey(kGlobex, EntityType::GlobalMetadata, u"globex.orders.margin"_s);
    STEWARD_VERIFY_OK(field);
    QVERIFY(field.value());
    m_globexField = field.value()->id;
    const auto request = service.submit(Actor{kGlobex, kGlobexOwner},
                                        createRequest(EntityType::Glossary, u"globex.term.margin"_s, Tier::Tier3,
                                                      glossaryPayload(u"globex.term.margin"_s)));
    STEWARD_VERIFY_OK(request);
    m_globexRequest = request.value().id;
    m_globexAlert = QUuid::createUuid();
    STEWARD_VERIFY_OK(m_database->fixture().run(
        u"INSERT INTO mdm_alert (id, tenant_id, rule, canonical_key, severity, state, value, fired_at) "
        u"VALUES (?, ?, 'quality_below', 'globex.orders.margin', 'warning', 'firing', 0.5, now())"_s,
        {uuidText(m_globexAlert), uuidText(kGlobex)}));
}

void TeamBypassTest::cleanupTestCase()
{
    m_database.reset();
}

QUuid TeamBypassTest::pending(const QString &key, Tier tier, const QString &requester)
{
    const auto submitted = m_database->service().submit(
        m_database->as(requester), createRequest(EntityType::Glossary, key, tier, glossaryPayload(key)));
    if (!submitted) {
        qWarning("could not submit %s: %s", qPrintable(key), qPrintable(submitted.error().text()));
        return {};
    }
    return submitted.value().id;
}

std::unique_ptr<PlainConnection> TeamBypassTest::signedIn(const QString &login, const QUuid &tenant)
{
    auto connection = std::make_unique<PlainConnection>(m_database->url(), login);
    if (!connection->isOpen()) {
        qWarning("%s cannot connect: %s", qPrintable(login), qPrintable(connection->openError()));
        return nullptr;
    }
    const Outcome signIn = connection->signIn(tenant, login);
    if (!signIn.ok) {
        qWarning("%s cannot sign in: %s", qPrintable(login), qPrintable(signIn.describe()));
        return nullptr;
    }
    return connection;
}

QString TeamBypassTest::status(const QUuid &approvalId) const
{
    return m_database->scalar(u"SELECT status FROM mdm_approval WHERE id = ?"_s, {uuidText(approvalId)}).toString();
}

QStringList TeamBypassTest::eventTypes(const QUuid &approvalId) const
{
    QStringList types;
    auto query = m_database->fixture().run(u"SELECT type FROM mdm_event WHERE correlation_id = ? ORDER BY seq"_s,
                                           {uuidText(approvalId)});
    while (query && query.value().next())
        types.append(query.value().value(0).toString());
    return types;
}

void TeamBypassTest::decisionsAndEntitiesCannotBeWrittenDirectly()
{
    const QUuid request = pending(u"bypass.term.direct"_s);
    QVERIFY(!request.isNull());
    const auto field = m_database->establish(EntityType::GlobalMetadata, u"bypass.orders.amount"_s, Tier::Tier3,
                                             fieldPayload(u"bypass.orders.amount"_s, Tier::Tier3));
    STEWARD_VERIFY_OK(field);
    const QStringList tables{u"mdm_approval"_s,      u"mdm_global_metadata"_s, u"mdm_kpi"_s,
                             u"mdm_business_rule"_s, u"mdm_glossary_term"_s,   u"mdm_event"_s,
                             u"mdm_user_role"_s};
    QHash<QString, QStringList> before;
    for (const QString &table : tables)
        before.insert(table, m_database->dump(table));

    auto sam = signedIn(Users::Steward);
    QVERIFY(sam);
    const QString tenant = uuidText(TestDatabase::tenantId());
    // The decision itself, written past steward_decide.
    VERIFY_REFUSED(sam->run(u"UPDATE mdm_approval SET status = 'approved', decided_by = ?, decided_at = now() "
                            u"WHERE id = ?"_s,
                            {Users::Steward, uuidText(request)}),
                   kForbidden);
    VERIFY_REFUSED(sam->run(u"UPDATE mdm_approval SET status = 'approved'"_s), kForbidden);
    VERIFY_REFUSED(sam->run(u"DELETE FROM mdm_approval WHERE id = ?"_s, {uuidText(request)}), kForbidden);
    // A request that arrives decided.
    VERIFY_REFUSED(sam->run(u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, "
                            u"payload_text, status, requested_by, decided_by, decided_at, required_role) VALUES "
                            u"(?, ?, 'GLOSSARY', 'bypass.term.decided', 'tier3', 'governed', ?, 'approved', ?, ?, "
                            u"now(), 'metadata_steward')"_s,
                            {uuidText(QUuid::createUuid()), tenant,
                             u"{\"canonicalKey\": \"bypass.term.decided\", \"term\": \"Decided\"}"_s, Users::Owner,
                             Users::Steward}),
                   kForbidden);
    // Entities, past any request.
    for (const QString &table :
         {u"mdm_global_metadata"_s, u"mdm_kpi"_s, u"mdm_business_rule"_s, u"mdm_glossary_term"_s}) {
        VERIFY_REFUSED(sam->run(u"UPDATE %1 SET version = version + 1"_s.arg(table)), kForbidden);
        VERIFY_REFUSED(sam->run(u"INSERT INTO %1 (id, tenant_id, canonical_key, version, created_at, updated_at) "
                                u"VALUES (?, ?, 'bypass.planted', 1, now(), now())"_s.arg(table),
                                {uuidText(QUuid::createUuid()), tenant}),
                       kForbidden);
        VERIFY_REFUSED(sam->run(u"DELETE FROM %1"_s.arg(table)), kForbidden);
    }
    // The audit trail and the roles.
    VERIFY_REFUSED(sam->run(u"UPDATE mdm_event SET actor_id = 'someone'"_s), kForbidden);
    VERIFY_REFUSED(sam->run(u"DELETE FROM mdm_event"_s), kForbidden);
    VERIFY_REFUSED(sam->run(u"TRUNCATE mdm_event"_s), kForbidden);
    // Nor may a person seal the chain again over a history they changed.
    VERIFY_REFUSED(sam->run(u"SELECT steward_reseal_events(?, 0)"_s, {tenant}), kForbidden);
    VERIFY_REFUSED(sam->run(u"UPDATE mdm_event SET hash = NULL"_s), kForbidden);
    VERIFY_REFUSED(sam->run(u"INSERT INTO mdm_user_role (tenant_id, user_id, role) VALUES (?, ?, 'kernel_architect')"_s,
                            {tenant, Users::Steward}),
                   kForbidden);
    // The functions steward_decide is made of, called one by one.
    VERIFY_REFUSED(sam->run(u"SELECT steward_entity_write('GLOBAL_METADATA', ?, ?, ?, '{\"label\": \"x\"}', now())"_s,
                            {tenant, uuidText(field.value().id), field.value().version}),
                   kForbidden);

    for (const QString &table : tables)
        QCOMPARE(m_database->dump(table), before.value(table));
    QCOMPARE(status(request), u"pending"_s);
}

void TeamBypassTest::anotherTenantsRowsAreNeitherSeenNorWritten()
{
    const QStringList tenantTables{u"mdm_approval"_s,       u"mdm_global_metadata"_s, u"mdm_kpi"_s,
                                   u"mdm_business_rule"_s,  u"mdm_glossary_term"_s,   u"mdm_profile"_s,
                                   u"mdm_event"_s,          u"mdm_data_source"_s,     u"mdm_alert"_s,
                                   u"mdm_tenant_setting"_s, u"mdm_user_role"_s};
    const QString globex = uuidText(kGlobex);
    // They are there, for the owner.
    for (const QString &table :
         {u"mdm_approval"_s, u"mdm_global_metadata"_s, u"mdm_event"_s, u"mdm_alert"_s, u"mdm_user_role"_s})
        QVERIFY2(m_database->scalar(u"SELECT COUNT(*) FROM %1 WHERE tenant_id = ?"_s.arg(table), {globex}).toInt() > 0,
                 qPrintable(table));

    auto sam = signedIn(Users::Steward);
    QVERIFY(sam);
    for (const QString &table : tenantTables) {
        const Outcome others = sam->run(u"SELECT COUNT(*) FROM %1 WHERE tenant_id <> ?"_s.arg(table),
                                        {uuidText(TestDatabase::tenantId())});
        QVERIFY2(others.ok, qPrintable(table + u": "_s + others.describe()));
        QVERIFY2(others.value().toInt() == 0,
                 qPrintable(u"%1: %2 rows of another tenant"_s.arg(table).arg(others.value().toInt())));
    }
    const Outcome tenants = sam->run(u"SELECT id FROM mdm_tenant"_s);
    QVERIFY2(tenants.ok, qPrintable(tenants.describe()));
    QCOMPARE(tenants.rows.size(), 1);
    QCOMPARE(QUuid::fromString(tenants.value().toString()), TestDatabase::tenantId());
    QCOMPARE(sam->run(u"SELECT id FROM mdm_approval WHERE id = ?"_s, {uuidText(m_globexRequest)}).rows.size(), 0);

    // Signing in there, or saying so by hand, takes being a user there.
    VERIFY_REFUSED(sam->signIn(kGlobex, Users::Steward), kForbidden);
    auto byHand = std::make_unique<PlainConnection>(m_database->url(), Users::Steward);
    QVERIFY(byHand->isOpen());
    VERIFY_DONE(byHand->run(u"SELECT set_config('steward.tenant_id', ?, false)"_s, {globex}));
    VERIFY_DONE(byHand->run(u"SET steward.user_id = 'olaf.steward'"_s));
    for (const QString &table : tenantTables)
        QCOMPARE(byHand->run(u"SELECT COUNT(*) FROM %1"_s.arg(table)).value().toInt(), 0);
    VERIFY_REFUSED(
        byHand->run(u"SELECT * FROM steward_decide(?, 'approved', NULL, NULL)"_s, {uuidText(m_globexRequest)}),
        kForbidden);

    // Writing there: a request, an event, an alert's state, a decision.
    VERIFY_REFUSED(
        sam->run(u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, "
                 u"payload_text, requested_by, required_role) VALUES "
                 u"(?, ?, 'GLOSSARY', 'globex.term.planted', 'tier3', 'governed', ?, ?, 'metadata_steward')"_s,
                 {uuidText(QUuid::createUuid()), globex,
                  u"{\"canonicalKey\": \"globex.term.planted\", \"term\": \"Planted\"}"_s, Users::Steward}),
        kForbidden);
    VERIFY_REFUSED(sam->run(u"INSERT INTO mdm_event (id, tenant_id, type, occurred_at, actor_id, correlation_id, "
                            u"payload) VALUES (?, ?, 'approval.requested', now(), ?, ?, '{}')"_s,
                            {uuidText(QUuid::createUuid()), globex, Users::Steward, uuidText(m_globexRequest)}),
                   kForbidden);
    const Outcome settled = sam->run(u"UPDATE mdm_alert SET state = 'resolved', resolved_at = now() WHERE id = ?"_s,
                                     {uuidText(m_globexAlert)});
    QVERIFY2(!settled.ok || settled.rowsAffected == 0, qPrintable(settled.describe()));
    QCOMPARE(m_database->scalar(u"SELECT state FROM mdm_alert WHERE id = ?"_s, {uuidText(m_globexAlert)}).toString(),
             u"firing"_s);
    VERIFY_REFUSED(sam->run(u"SELECT * FROM steward_decide(?, 'approved', NULL, NULL)"_s, {uuidText(m_globexRequest)}),
                   kNotFound);
    QCOMPARE(status(m_globexRequest), u"pending"_s);
    QCOMPARE(eventTypes(m_globexRequest), QStringList{u"approval.requested"_s});

    // A login that is no user of any tenant sees nothing and decides nothing.
    auto outsider = std::make_unique<PlainConnection>(m_database->url(), kOutsider);
    QVERIFY2(outsider->isOpen(), qPrintable(outsider->openError()));
    VERIFY_REFUSED(outsider->signIn(TestDatabase::tenantId(), kOutsider), kForbidden);
    for (const QString &table : tenantTables + QStringList{u"mdm_tenant"_s})
        QCOMPARE(outsider->run(u"SELECT COUNT(*) FROM %1"_s.arg(table)).value().toInt(), 0);
    VERIFY_REFUSED(
        outsider->run(u"SELECT * FROM steward_decide(?, 'approved', NULL, NULL)"_s, {uuidText(m_globexRequest)}),
        kForbidden);

    // An entity's state by its id, through the function granted for it.
    const Outcome state = sam->run(u"SELECT steward_entity_state('GLOBAL_METADATA', ?)"_s, {uuidText(m_globexField)});
    QVERIFY2(!state.ok || state.value().isNull(),
             qPrintable(u"another tenant's entity read: "_s + state.value().toString()));
}

void TeamBypassTest::theDatabaseRechecksEveryRuleOfADecision()
{
    const QUuid bySam = pending(u"bypass.term.by_sam"_s, Tier::Tier3, Users::Steward);
    const QUuid byOwner = pending(u"bypass.term.by_owner"_s);
    const QUuid kernel = pending(u"bypass.term.kernel"_s, Tier::Tier1);
    const QUuid decided = pending(u"bypass.term.decided_once"_s);
    for (const QUuid &id : {bySam, byOwner, kernel, decided})
        QVERIFY(!id.isNull());
    auto sam = signedIn(Users::Steward);
    auto otto = signedIn(Users::Owner);
    auto vera = signedIn(Users::Viewer);
    auto sue = signedIn(Users::OtherSteward);
    QVERIFY(sam && otto && vera && sue);
    const QString decide = u"SELECT decided_by FROM steward_decide(?, ?, ?, NULL)"_s;

    // Rule 2, four-eyes: never one's own request.
    const Outcome ownRequest = sam->run(decide, {uuidText(bySam), u"approved"_s, QVariant()});
    VERIFY_REFUSED(ownRequest, kForbidden);
    QVERIFY2(ownRequest.message.contains(u"four-eyes"_s), qPrintable(ownRequest.message));
    VERIFY_REFUSED(sam->run(decide, {uuidText(bySam), u"rejected"_s, u"Mine"_s}), kForbidden);
    // Rule 1, the required role; rule 3, the kernel lane.
    VERIFY_REFUSED(otto->run(decide, {uuidText(byOwner), u"approved"_s, QVariant()}), kForbidden);
    VERIFY_REFUSED(vera->run(decide, {uuidText(byOwner), u"approved"_s, QVariant()}), kForbidden);
    VERIFY_REFUSED(sam->run(decide, {uuidText(kernel), u"approved"_s, QVariant()}), kForbidden);
    // Rule 4, a rejection's reason; rule 5, only the requester cancels.
    VERIFY_REFUSED(sam->run(decide, {uuidText(byOwner), u"rejected"_s, u"   "_s}), kInvalid);
    VERIFY_REFUSED(sam->run(decide, {uuidText(byOwner), u"cancelled"_s, QVariant()}), kForbidden);
    VERIFY_REFUSED(sam->run(decide, {uuidText(byOwner), u"approve"_s, QVariant()}), kInvalid);
    VERIFY_REFUSED(sam->run(decide, {uuidText(QUuid::createUuid()), u"approved"_s, QVariant()}), kNotFound);
    for (const QUuid &id : {bySam, byOwner, kernel}) {
        QCOMPARE(status(id), u"pending"_s);
        QCOMPARE(eventTypes(id), QStringList{u"approval.requested"_s});
    }

    // A decided request never changes again; the second decider learns who and when.
    const Outcome first = sue->run(decide, {uuidText(decided), u"approved"_s, QVariant()});
    VERIFY_DONE(first);
    QCOMPARE(first.value().toString(), Users::OtherSteward);
    const QString decidedAt =
        m_database
            ->scalar(u"SELECT to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') "
                     u"FROM mdm_approval WHERE id = ?"_s,
                     {uuidText(decided)})
            .toString();
    for (const QString &decision : {u"approved"_s, u"rejected"_s}) {
        const Outcome again = sam->run(decide, {uuidText(decided), decision, u"Too late"_s});
        VERIFY_REFUSED(again, kAlreadyDecided);
        QCOMPARE(again.message, u"already approved by %1 at %2"_s.arg(Users::OtherSteward, decidedAt));
    }
    VERIFY_REFUSED(otto->run(decide, {uuidText(decided), u"cancelled"_s, QVariant()}), kAlreadyDecided);
    QCOMPARE(eventTypes(decided),
             (QStringList{u"approval.requested"_s, u"glossary.term.updated"_s, u"approval.approved"_s}));
}

void TeamBypassTest::aStaleVersionIsRefused()
{
    const auto field = m_database->establish(EntityType::GlobalMetadata, u"bypass.orders.net"_s, Tier::Tier3,
                                             fieldPayload(u"bypass.orders.net"_s, Tier::Tier3));
    STEWARD_VERIFY_OK(field);
    const qint64 version = field.value().version;
    QJsonObject revised = fieldPayload(u"bypass.orders.net"_s, Tier::Tier3);
    revised.insert(u"label"_s, u"Net order amount"_s);
    const auto update = m_database->service().submit(
        m_database->as(Users::Owner), updateRequest(EntityType::GlobalMetadata, field.value(), Tier::Tier3, revised));
    STEWARD_VERIFY_OK(update);
    revised.insert(u"label"_s, u"Net amount of the order"_s);
    const auto competing = m_database->service().submit(
        m_database->as(Users::Owner), updateRequest(EntityType::GlobalMetadata, field.value(), Tier::Tier3, revised));
    STEWARD_VERIFY_OK(competing);
    const QUuid create = pending(u"bypass.term.created_later"_s);
    QVERIFY(!create.isNull());

    auto sam = signedIn(Users::Steward);
    QVERIFY(sam);
    const QString decide = u"SELECT decided_by FROM steward_decide(?, 'approved', NULL, ?)"_s;
    const QString entityVersion = u"SELECT version FROM mdm_global_metadata WHERE id = ?"_s;
    // The decider reviewed another version than the live one.
    VERIFY_REFUSED(sam->run(decide, {uuidText(update.value().id), version - 1}), kStale);
    VERIFY_REFUSED(sam->run(decide, {uuidText(update.value().id), version + 1}), kStale);
    // A create has no version yet to have reviewed.
    VERIFY_REFUSED(sam->run(decide, {uuidText(create), 1}), kStale);
    VERIFY_REFUSED(sam->run(decide, {uuidText(create), 0}), kStale);
    QCOMPARE(m_database->scalar(entityVersion, {uuidText(field.value().id)}).toLongLong(), version);
    QCOMPARE(status(update.value().id), u"pending"_s);
    QCOMPARE(status(create), u"pending"_s);
    QCOMPARE(eventTypes(create), QStringList{u"approval.requested"_s});

    // The version reviewed is the live one: approved. The competing request was made on
    // the version before, so it is stale now, whatever version its decider names.
    VERIFY_DONE(sam->run(decide, {uuidText(update.value().id), version}));
    QCOMPARE(m_database->scalar(entityVersion, {uuidText(field.value().id)}).toLongLong(), version + 1);
    VERIFY_REFUSED(sam->run(decide, {uuidText(competing.value().id), QVariant()}), kStale);
    const Outcome stale = sam->run(decide, {uuidText(competing.value().id), version + 1});
    VERIFY_REFUSED(stale, kStale);
    QVERIFY2(stale.message.contains(u"changed since the request was made"_s), qPrintable(stale.message));
    QCOMPARE(status(competing.value().id), u"pending"_s);
    QCOMPARE(m_database->scalar(entityVersion, {uuidText(field.value().id)}).toLongLong(), version + 1);
    QCOMPARE(m_database->scalar(u"SELECT label FROM mdm_global_metadata WHERE id = ?"_s, {uuidText(field.value().id)})
                 .toString(),
             u"Net order amount"_s);
}

void TeamBypassTest::settingTheSessionVariablesChangesNobodysIdentity()
{
    const QUuid bySam = pending(u"bypass.term.sams_own"_s, Tier::Tier3, Users::Steward);
    const QUuid byOwner = pending(u"bypass.term.for_sam"_s);
    const QUuid kernel = pending(u"bypass.term.kernel_only"_s, Tier::Tier1);
    for (const QUuid &id : {bySam, byOwner, kernel})
        QVERIFY(!id.isNull());
    auto sam = signedIn(Users::Steward);
    QVERIFY(sam);
    // A person signs in only as their own login.
    VERIFY_REFUSED(sam->signIn(TestDatabase::tenantId(), Users::OtherSteward), kForbidden);
    VERIFY_REFUSED(sam->signIn(TestDatabase::tenantId(), Users::Architect), kForbidden);

    // Claiming to be sue, then ana (a kernel_architect), by hand.
    VERIFY_DONE(sam->run(u"SET steward.user_id = 'sue.steward'"_s));
    QCOMPARE(sam->run(u"SELECT steward_user()"_s).value().toString(), Users::Steward);
    VERIFY_DONE(sam->run(u"SELECT set_config('steward.user_id', ?, false)"_s, {Users::Architect}));
    QCOMPARE(sam->run(u"SELECT current_setting('steward.user_id')"_s).value().toString(), Users::Architect);
    QCOMPARE(sam->run(u"SELECT steward_user()"_s).value().toString(), Users::Steward);
    QCOMPARE(sam->run(u"SELECT steward_has_role('kernel_architect')"_s).value().toBool(), false);
    // Nor does another role of the server, or its session user, come by asking.
    VERIFY_REFUSED(sam->run(u"SET ROLE steward_service"_s), kForbidden);
    VERIFY_REFUSED(sam->run(u"SET ROLE \"sue.steward\""_s), kForbidden);
    VERIFY_REFUSED(sam->run(u"SET SESSION AUTHORIZATION \"sue.steward\""_s), kForbidden);

    const QString decide = u"SELECT decided_by FROM steward_decide(?, 'approved', NULL, NULL)"_s;
    // Still sam: his own request stays four-eyes, the kernel lane stays closed...
    VERIFY_REFUSED(sam->run(decide, {uuidText(bySam)}), kForbidden);
    VERIFY_REFUSED(sam->run(decide, {uuidText(kernel)}), kForbidden);
    // ...and what he decides is recorded as his.
    const Outcome decided = sam->run(decide, {uuidText(byOwner)});
    VERIFY_DONE(decided);
    QCOMPARE(decided.value().toString(), Users::Steward);
    QCOMPARE(m_database->scalar(u"SELECT decided_by FROM mdm_approval WHERE id = ?"_s, {uuidText(byOwner)}).toString(),
             Users::Steward);
    QCOMPARE(m_database
                 ->scalar(u"SELECT COUNT(*) FROM mdm_event WHERE correlation_id = ? AND type <> 'approval.requested' "
                          u"AND actor_id IS DISTINCT FROM ?"_s,
                          {uuidText(byOwner), Users::Steward})
                 .toInt(),
             0);
    QCOMPARE(status(bySam), u"pending"_s);
    QCOMPARE(status(kernel), u"pending"_s);

    // Without steward_login at all, the variables alone make him nobody else either.
    auto unsigned_ = std::make_unique<PlainConnection>(m_database->url(), Users::Steward);
    QVERIFY(unsigned_->isOpen());
    VERIFY_DONE(unsigned_->run(u"SELECT set_config('steward.tenant_id', ?, false), "
                               u"set_config('steward.user_id', ?, false)"_s,
                               {uuidText(TestDatabase::tenantId()), Users::ArchitectSteward}));
    QCOMPARE(unsigned_->run(u"SELECT steward_user()"_s).value().toString(), Users::Steward);
    VERIFY_REFUSED(unsigned_->run(decide, {uuidText(kernel)}), kForbidden);
    QCOMPARE(status(kernel), u"pending"_s);
}

void TeamBypassTest::eventsAndRequestsAreWrittenOnlyAsTheRulesAllow()
{
    const QUuid byOwner = pending(u"bypass.term.audited"_s);
    QVERIFY(!byOwner.isNull());
    const qsizetype eventsBefore = m_database->rowCount(u"mdm_event"_s);
    auto vera = signedIn(Users::Viewer);
    auto sam = signedIn(Users::Steward);
    QVERIFY(vera && sam);
    const QString tenant = uuidText(TestDatabase::tenantId());
    const QString insertEvent = u"INSERT INTO mdm_event (id, tenant_id, type, occurred_at, actor_id, actor_role, "
                                u"correlation_id, payload) VALUES (?, ?, ?, now(), ?, ?, ?, '{}')"_s;
    auto event = [&](const QString &type, const QString &actor, const QString &role) {
        return QVariantList{uuidText(QUuid::createUuid()), tenant, type, actor, role, uuidText(byOwner)};
    };

    // Decision events come only from steward_decide, whoever writes them.
    for (const QString &type :
         {u"approval.approved"_s, u"approval.rejected"_s, u"metadata.changed"_s, u"glossary.term.updated"_s}) {
        VERIFY_REFUSED(vera->run(insertEvent, event(type, Users::Viewer, u"viewer"_s)), kForbidden);
        VERIFY_REFUSED(sam->run(insertEvent, event(type, Users::Steward, u"metadata_steward"_s)), kForbidden);
    }
    // No one writes an event in another person's name.
    VERIFY_REFUSED(sam->run(insertEvent, event(u"approval.requested"_s, Users::OtherSteward, u"metadata_steward"_s)),
                   kForbidden);
    // A viewer submits nothing: neither a request nor its event.
    VERIFY_REFUSED(
        vera->run(u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, "
                  u"payload_text, requested_by, required_role) VALUES "
                  u"(?, ?, 'GLOSSARY', 'bypass.term.by_viewer', 'tier3', 'governed', ?, ?, "
                  u"'metadata_steward')"_s,
                  {uuidText(QUuid::createUuid()), tenant,
                   u"{\"canonicalKey\": \"bypass.term.by_viewer\", \"term\": \"Viewer's\"}"_s, Users::Viewer}),
        kForbidden);
    VERIFY_REFUSED(vera->run(u"INSERT INTO mdm_tenant_setting (tenant_id, name, value, updated_by, updated_at) "
                             u"VALUES (?, 'quality.threshold', '0', ?, now())"_s,
                             {tenant, Users::Viewer}),
                   kForbidden);
    QCOMPARE(m_database->rowCount(u"mdm_event"_s), eventsBefore);

    // The event of a request only by the one who made it, while it is pending.
    VERIFY_REFUSED(vera->run(insertEvent, event(u"approval.requested"_s, Users::Viewer, u"viewer"_s)), kForbidden);
    VERIFY_REFUSED(sam->run(insertEvent, event(u"approval.requested"_s, Users::Steward, u"metadata_steward"_s)),
                   kForbidden);
    QCOMPARE(m_database->rowCount(u"mdm_event"_s), eventsBefore);
}

QTEST_GUILESS_MAIN(TeamBypassTest)
#include "tst_teambypass.moc"
