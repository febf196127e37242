// SPEC section 8: on the team database the rules of section 2 hold even for a client that
// skips the program's own checks and calls steward_decide_with_events (or steward_decide)
// itself, through a person's own login. Each refusal leaves the request, the entity and
// the audit trail as they were; an accepted decision returns the stored row and exactly
// the events stored with it. Runs only against the team database (tst_decisionguard_postgresql).

#include "TestDatabase.h"
#include "store/EventRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

const QUuid kOtherTenant(u"7e3b1c44-2d9f-4a60-8b15-c6a0f9d2e7b3"_s);

} // namespace

class DecisionGuardTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void decidesAndReturnsWhatItStored();
    void steward_decideReturnsTheStoredRow();
    void deciderNeedsTheRequiredRole();
    void fourEyes();
    void rejectionNeedsAReason();
    void onlyTheRequesterCancels();
    void decidedOnceOnly();
    void staleEntityRefused();
    void expectedVersionOnACreateRefused();
    void anotherTenantsRequestIsNotFound();
    void unsignedSessionDecidesNothing();
    void entityStateOnlyOfTheSessionsTenant();

private:
    // A connection through `login`'s own database login, signed in to the fixture tenant
    // unless `signIn` is false.
    std::unique_ptr<Database> personal(const QString &login, bool signIn = true);
    // The decision as a client could send it, bypassing ApprovalService.
    static Result<QSqlQuery> decide(Database &database, const QUuid &id, const QString &decision,
                                    const QVariant &reason = {}, const QVariant &expectedVersion = {});
    Result<Approval> submitUpdate(const QString &requester, Tier tier = Tier::Tier3);
    // Everything a refused decision must leave alone.
    QStringList snapshot() const;
    void expectRefused(const Result<QSqlQuery> &attempt, ErrorCode code, const QString &fragment,
                       const QStringList &before);

    std::unique_ptr<TestDatabase> m_db;
    EntitySnapshot m_field;
};

void DecisionGuardTest::init()
{
    if (!postgresUnderTest())
        QFAIL("tst_decisionguard checks the team database's guard: run it as tst_decisionguard_postgresql "
              "through ctest, which starts PostgreSQL (apt-get install postgresql libqt6sql6-psql)");
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
    const auto field = m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier3,
                                       fieldPayload(u"orders.amount"_s, Tier::Tier3));
    STEWARD_VERIFY_OK(field);
    m_field = field.value();
}

void DecisionGuardTest::cleanup()
{
    m_db.reset();
}

std::unique_ptr<Database> DecisionGuardTest::personal(const QString &login, bool signIn)
{
    DatabaseUrl url = m_db->url();
    url.user = login;
    auto opened = Database::open(url);
    if (!opened)
        qFatal("cannot connect as %s: %s", qPrintable(login), qPrintable(opened.error().text()));
    if (signIn) {
        if (auto failed = opened.value()->signIn(m_db->tenantId(), login))
            qFatal("%s cannot sign in: %s", qPrintable(login), qPrintable(failed->text()));
    }
    return std::move(opened.value());
}

Result<QSqlQuery> DecisionGuardTest::decide(Database &database, const QUuid &id, const QString &decision,
                                            const QVariant &reason, const QVariant &expectedVersion)
{
    return database.run(u"SELECT (d.decided).status, (d.decided).decided_by, (d.decided).decision_reason, d.events "
                        u"FROM steward_decide_with_events(?, ?, ?, ?::bigint) d"_s,
                        {uuidText(id), decision, reason, expectedVersion});
}

Result<Approval> DecisionGuardTest::submitUpdate(const QString &requester, Tier tier)
{
    return m_db->service().submit(m_db->as(requester),
                                  updateRequest(EntityType::GlobalMetadata, m_field, tier,
                                                {{u"label"_s, u"Order gross amount"_s}}));
}

QStringList DecisionGuardTest::snapshot() const
{
    return m_db->dump(u"mdm_approval"_s) + m_db->dump(u"mdm_global_metadata"_s) + m_db->dump(u"mdm_event"_s);
}

void DecisionGuardTest::expectRefused(const Result<QSqlQuery> &attempt, ErrorCode code, const QString &fragment,
                                      const QStringList &before)
{
    QVERIFY2(!attempt, "the database accepted a decision it must refuse");
    QCOMPARE(attempt.error().code, code);
    QVERIFY2(attempt.error().message.contains(fragment), qPrintable(attempt.error().message));
    QCOMPARE(snapshot(), before);
}

void DecisionGuardTest::decidesAndReturnsWhatItStored()
{
    const auto submitted = submitUpdate(Users::Owner);
    STEWARD_VERIFY_OK(submitted);
    auto sam = personal(Users::Steward);
    auto decided = decide(*sam, submitted.value().id, u"approved"_s, u"  looks right "_s);
    STEWARD_VERIFY_OK(decided);
    QSqlQuery &row = decided.value();
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), u"approved"_s);
    QCOMPARE(row.value(1).toString(), Users::Steward);
    QCOMPARE(row.value(2).toString(), u"looks right"_s);
    const QJsonArray returned = QJsonDocument::fromJson(row.value(3).toString().toUtf8()).array();

    const auto stored = EventRepository(m_db->fixture()).forCorrelation(m_db->tenantId(), submitted.value().id);
    STEWARD_VERIFY_OK(stored);
    QList<Event> decisionEvents;
    for (const Event &event : stored.value()) {
        if (event.type != u"approval.requested"_s)
            decisionEvents.append(event);
    }
    QCOMPARE(returned.size(), decisionEvents.size());
    QCOMPARE(returned.size(), 3);
    for (qsizetype i = 0; i < returned.size(); ++i) {
        const auto event = Event::fromJson(returned.at(i).toObject());
        QVERIFY(event);
        const Event &expected = decisionEvents.at(i);
        QCOMPARE(event->id, expected.id);
        QCOMPARE(event->seq, expected.seq);
        QCOMPARE(event->type, expected.type);
        QCOMPARE(event->version, expected.version);
        QCOMPARE(event->tenantId, expected.tenantId);
        QCOMPARE(toIsoTimestamp(event->occurredAt), toIsoTimestamp(expected.occurredAt));
        QCOMPARE(event->actorId, expected.actorId);
        QCOMPARE(event->actorRole, expected.actorRole);
        QCOMPARE(event->correlationId, expected.correlationId);
        QCOMPARE(event->payload, expected.payload);
    }
    QCOMPARE(m_db->entity(EntityType::GlobalMetadata, u"orders.amount"_s).value().version, 2);
}

void DecisionGuardTest::steward_decideReturnsTheStoredRow()
{
    const auto submitted = submitUpdate(Users::Owner);
    STEWARD_VERIFY_OK(submitted);
    auto sam = personal(Users::Steward);
    auto decided = sam->run(u"SELECT id, status, decided_by, decided_at FROM steward_decide(?, 'rejected', 'no', NULL)"_s,
                            {uuidText(submitted.value().id)});
    STEWARD_VERIFY_OK(decided);
    QVERIFY(decided.value().next());
    QCOMPARE(decided.value().value(0).toString(), uuidText(submitted.value().id));
    QCOMPARE(decided.value().value(1).toString(), u"rejected"_s);
    QCOMPARE(decided.value().value(2).toString(), Users::Steward);
    const Approval stored = m_db->approval(submitted.value().id).value();
    QCOMPARE(toIsoTimestamp(decided.value().value(3).toDateTime()), toIsoTimestamp(stored.decidedAt));
}

void DecisionGuardTest::deciderNeedsTheRequiredRole()
{
    const auto submitted = submitUpdate(Users::Architect); // governed: needs metadata_steward
    STEWARD_VERIFY_OK(submitted);
    const QStringList before = snapshot();
    for (const QString &login : {Users::Owner, Users::Viewer, Users::Architect}) {
        auto person = personal(login);
        expectRefused(decide(*person, submitted.value().id, u"approved"_s), ErrorCode::Forbidden,
                      u"needs the role metadata_steward, which %1 does not hold"_s.arg(login), before);
        if (QTest::currentTestFailed())
            return;
    }
    const auto kernel = submitUpdate(Users::Owner, Tier::Tier1); // kernel lane: kernel_architect
    STEWARD_VERIFY_OK(kernel);
    const QStringList beforeKernel = snapshot();
    auto sam = personal(Users::Steward);
    expectRefused(decide(*sam, kernel.value().id, u"approved"_s), ErrorCode::Forbidden,
                  u"needs the role kernel_architect"_s, beforeKernel);
}

void DecisionGuardTest::fourEyes()
{
    // ben holds the role the request needs, and requested it himself.
    const auto submitted = submitUpdate(Users::ArchitectSteward);
    STEWARD_VERIFY_OK(submitted);
    const QStringList before = snapshot();
    auto ben = personal(Users::ArchitectSteward);
    expectRefused(decide(*ben, submitted.value().id, u"approved"_s), ErrorCode::Forbidden, u"four-eyes"_s, before);
    if (QTest::currentTestFailed())
        return;
    expectRefused(decide(*ben, submitted.value().id, u"rejected"_s, u"mine"_s), ErrorCode::Forbidden,
                  u"four-eyes"_s, before);
}

void DecisionGuardTest::rejectionNeedsAReason()
{
    const auto submitted = submitUpdate(Users::Owner);
    STEWARD_VERIFY_OK(submitted);
    const QStringList before = snapshot();
    auto sam = personal(Users::Steward);
    for (const QVariant &reason : {QVariant(), QVariant(u"   "_s)}) {
        expectRefused(decide(*sam, submitted.value().id, u"rejected"_s, reason), ErrorCode::Invalid, u"reason"_s,
                      before);
        if (QTest::currentTestFailed())
            return;
    }
}

void DecisionGuardTest::onlyTheRequesterCancels()
{
    const auto submitted = submitUpdate(Users::Owner);
    STEWARD_VERIFY_OK(submitted);
    const QStringList before = snapshot();
    auto sam = personal(Users::Steward);
    expectRefused(decide(*sam, submitted.value().id, u"cancelled"_s), ErrorCode::Forbidden,
                  u"only the requester (otto.owner)"_s, before);
    if (QTest::currentTestFailed())
        return;
    auto otto = personal(Users::Owner);
    auto cancelled = decide(*otto, submitted.value().id, u"cancelled"_s);
    STEWARD_VERIFY_OK(cancelled);
    // The requester acts in the highest role they hold.
    const auto trail = EventRepository(m_db->fixture()).forCorrelation(m_db->tenantId(), submitted.value().id);
    STEWARD_VERIFY_OK(trail);
    QCOMPARE(trail.value().constLast().type, u"approval.cancelled"_s);
    QCOMPARE(trail.value().constLast().actorRole, u"data_owner"_s);
}

void DecisionGuardTest::decidedOnceOnly()
{
    const auto submitted = submitUpdate(Users::Owner);
    STEWARD_VERIFY_OK(submitted);
    auto sam = personal(Users::Steward);
    STEWARD_VERIFY_OK(decide(*sam, submitted.value().id, u"approved"_s));
    const Approval decided = m_db->approval(submitted.value().id).value();
    const QString expected =
        u"already approved by %1 at %2"_s.arg(Users::Steward, toIsoTimestamp(decided.decidedAt));
    const QStringList before = snapshot();
    auto sue = personal(Users::OtherSteward);
    expectRefused(decide(*sue, submitted.value().id, u"approved"_s), ErrorCode::Conflict, expected, before);
    if (QTest::currentTestFailed())
        return;
    expectRefused(decide(*sue, submitted.value().id, u"rejected"_s, u"late"_s), ErrorCode::Conflict, expected, before);
}

void DecisionGuardTest::staleEntityRefused()
{
    const auto first = submitUpdate(Users::Owner);
    const auto second = submitUpdate(Users::Owner);
    STEWARD_VERIFY_OK(first);
    STEWARD_VERIFY_OK(second);
    auto sam = personal(Users::Steward);
    // The version the decider reviewed is no longer the entity's.
    const QStringList before = snapshot();
    expectRefused(decide(*sam, first.value().id, u"approved"_s, {}, qint64(7)), ErrorCode::Stale,
                  u"changed since the request was made"_s, before);
    if (QTest::currentTestFailed())
        return;
    STEWARD_VERIFY_OK(decide(*sam, first.value().id, u"approved"_s, {}, qint64(1)));
    // The entity moved on since the second request was made.
    const QStringList afterFirst = snapshot();
    expectRefused(decide(*sam, second.value().id, u"approved"_s), ErrorCode::Stale,
                  u"changed since the request was made (version 1, now 2)"_s, afterFirst);
}

void DecisionGuardTest::expectedVersionOnACreateRefused()
{
    const auto submitted = m_db->service().submit(
        m_db->as(Users::Owner),
        createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3, glossaryPayload(u"term.order"_s)));
    STEWARD_VERIFY_OK(submitted);
    const QStringList before = snapshot();
    auto sam = personal(Users::Steward);
    expectRefused(decide(*sam, submitted.value().id, u"approved"_s, {}, qint64(1)), ErrorCode::Stale,
                  u"does not exist yet"_s, before);
    if (QTest::currentTestFailed())
        return;
    STEWARD_VERIFY_OK(decide(*sam, submitted.value().id, u"approved"_s));
    QCOMPARE(m_db->rowCount(u"mdm_glossary_term"_s), 1);
}

void DecisionGuardTest::anotherTenantsRequestIsNotFound()
{
    // sam steward is a steward in both tenants; the request is the other tenant's.
    STEWARD_VERIFY_OK(m_db->addTenant(kOtherTenant, u"Globex"_s,
                                      {{Users::Steward, {Role::MetadataSteward}}, {Users::Owner, {Role::DataOwner}}}));
    const auto theirs = m_db->service().submit(
        Actor{kOtherTenant, Users::Owner},
        createRequest(EntityType::Glossary, u"term.globex"_s, Tier::Tier3, glossaryPayload(u"term.globex"_s)));
    STEWARD_VERIFY_OK(theirs);
    const QStringList before = snapshot();
    auto sam = personal(Users::Steward); // signed in to the fixture tenant
    expectRefused(decide(*sam, theirs.value().id, u"approved"_s), ErrorCode::NotFound, u"no change request"_s,
                  before);
}

void DecisionGuardTest::unsignedSessionDecidesNothing()
{
    const auto submitted = submitUpdate(Users::Owner);
    STEWARD_VERIFY_OK(submitted);
    const QStringList before = snapshot();
    // Not signed in at all; then naming the tenant by hand, as someone who holds no role there.
    auto sam = personal(Users::Steward, false);
    expectRefused(decide(*sam, submitted.value().id, u"approved"_s), ErrorCode::Forbidden, u"not signed in"_s, before);
    if (QTest::currentTestFailed())
        return;
    auto outsider = personal(u"outsider"_s, false);
    STEWARD_VERIFY_OK(outsider->run(u"SELECT set_config('steward.tenant_id', ?, false)"_s,
                                    {uuidText(m_db->tenantId())}));
    STEWARD_VERIFY_OK(outsider->run(u"SELECT set_config('steward.user_id', 'sam.steward', false)"_s));
    expectRefused(decide(*outsider, submitted.value().id, u"approved"_s), ErrorCode::Forbidden, u"not signed in"_s,
                  before);
}

void DecisionGuardTest::entityStateOnlyOfTheSessionsTenant()
{
    auto sam = personal(Users::Steward);
    const QString sql = u"SELECT steward_entity_state('GLOBAL_METADATA', ?)"_s;
    auto own = sam->run(sql, {uuidText(m_field.id)});
    STEWARD_VERIFY_OK(own);
    QVERIFY(own.value().next());
    const QJsonObject state = QJsonDocument::fromJson(own.value().value(0).toString().toUtf8()).object();
    QCOMPARE(state.value(u"canonicalKey"_s).toString(), u"orders.amount"_s);
    QCOMPARE(state.value(u"binding"_s).toObject().value(u"column"_s).toString(), u"amount"_s);
    QVERIFY(!state.contains(u"standardPackId"_s)); // NULL columns are left out

    // The same id asked from a session of another tenant tells nothing.
    STEWARD_VERIFY_OK(m_db->addTenant(kOtherTenant, u"Globex"_s, {{u"sue.steward"_s, {Role::MetadataSteward}}}));
    auto sue = personal(Users::OtherSteward, false);
    STEWARD_VERIFY_OK(sue->signIn(kOtherTenant, Users::OtherSteward));
    auto other = sue->run(sql, {uuidText(m_field.id)});
    STEWARD_VERIFY_OK(other);
    QVERIFY(other.value().next());
    QVERIFY(other.value().value(0).isNull());
}

QTEST_GUILESS_MAIN(DecisionGuardTest)
#include "tst_decisionguard.moc"
