// SPEC section 2: a user never sees, counts, or changes another tenant's rows, and holds
// in each tenant only the roles granted there.

#include "TestDatabase.h"
#include "store/ApprovalRepository.h"
#include "store/EventRepository.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

const QUuid kOtherTenant(u"7e3b1c44-2d9f-4a60-8b15-c6a0f9d2e7b3"_s);
const QString kOtherSteward = u"olaf.steward"_s;
const QString kOtherRequester = u"petra.owner"_s;

} // namespace

class TenantIsolationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void otherTenantsRequestsAreInvisible();
    void otherTenantsRequestsAreUndecidable();
    void rolesAreHeldPerTenant();
    void sameKeyMayExistInEachTenant();
    void userOfAnotherTenantOnlyIsNobodyHere();

private:
    Actor other(const QString &userId) const { return Actor{kOtherTenant, userId}; }
    ApprovalService &service() { return m_db->service(); }
    // The connection acts for one person of one tenant at a time (on the team database
    // row-level security follows it); reading the other tenant's rows takes signing in there.
    Status signInAs(const Actor &actor) { return m_db->database().signIn(actor.tenantId, actor.userId); }

    std::unique_ptr<TestDatabase> m_db;
    QList<Approval> m_otherRequests;
};

void TenantIsolationTest::init()
{
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
    // The same people and ids in a second tenant, with different roles for sam.
    STEWARD_VERIFY_OK(m_db->addTenant(kOtherTenant, u"Globex"_s,
                                      {{kOtherSteward, {Role::MetadataSteward}},
                                       {kOtherRequester, {Role::DataOwner}},
                                       {Users::Steward, {Role::KernelArchitect}},
                                       {Users::Owner, {Role::Viewer}}}));

    m_otherRequests.clear();
    for (const QString &key : {u"term.globex_order"_s, u"term.globex_invoice"_s}) {
        const auto submitted = service().submit(
            other(kOtherRequester), createRequest(EntityType::Glossary, key, Tier::Tier3, glossaryPayload(key)));
        STEWARD_VERIFY_OK(submitted);
        m_otherRequests.append(submitted.value());
    }
    // Submitted there by a user id that also exists here, so "only the requester may
    // cancel" cannot be satisfied across tenants by the id alone.
    const auto bySam =
        service().submit(other(Users::Steward), createRequest(EntityType::Glossary, u"term.globex_payment"_s,
                                                              Tier::Tier3, glossaryPayload(u"term.globex_payment"_s)));
    STEWARD_VERIFY_OK(bySam);
    m_otherRequests.append(bySam.value());

    const auto ours =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.order"_s)));
    STEWARD_VERIFY_OK(ours);
}

void TenantIsolationTest::cleanup()
{
    m_db.reset();
}

void TenantIsolationTest::otherTenantsRequestsAreInvisible()
{
    ApprovalRepository approvals(m_db->database());
    const auto listed = approvals.list(m_db->tenantId(), {}, {}, 0, 100, true);
    STEWARD_VERIFY_OK(listed);
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().constFirst().entityKey, u"term.order"_s);

    const auto counted = approvals.count(m_db->tenantId(), {});
    STEWARD_VERIFY_OK(counted);
    QCOMPARE(counted.value(), 1);

    // Searching by the other tenant's key or requester finds nothing either.
    for (const QString &text : {u"globex"_s, kOtherRequester}) {
        ApprovalFilter filter;
        filter.text = text;
        const auto searched = approvals.count(m_db->tenantId(), filter);
        STEWARD_VERIFY_OK(searched);
        QCOMPARE(searched.value(), 0);
    }

    for (const Approval &theirs : std::as_const(m_otherRequests)) {
        const auto found = approvals.find(m_db->tenantId(), theirs.id);
        STEWARD_VERIFY_OK(found);
        QVERIFY(!found.value().has_value());
        const auto viaService = service().find(m_db->tenantId(), theirs.id);
        STEWARD_VERIFY_OK(viaService);
        QVERIFY(!viaService.value().has_value());
        if (m_db->isTeamDatabase()) {
            // The team database hides them even from a query naming their tenant.
            const auto named = approvals.find(kOtherTenant, theirs.id);
            STEWARD_VERIFY_OK(named);
            QVERIFY(!named.value().has_value());
        }
        // ...while its own tenant sees it.
        STEWARD_VERIFY_OK(signInAs(other(kOtherSteward)));
        const auto foundThere = approvals.find(kOtherTenant, theirs.id);
        STEWARD_VERIFY_OK(foundThere);
        QVERIFY(foundThere.value().has_value());
        STEWARD_VERIFY_OK(signInAs(m_db->as(Users::Steward)));
    }

    const auto events = EventRepository(m_db->database()).list(m_db->tenantId(), EventQuery{});
    STEWARD_VERIFY_OK(events);
    QCOMPARE(events.value().size(), 1);
    for (const Approval &theirs : std::as_const(m_otherRequests)) {
        const auto trail = EventRepository(m_db->database()).forCorrelation(m_db->tenantId(), theirs.id);
        STEWARD_VERIFY_OK(trail);
        QVERIFY(trail.value().isEmpty());
    }
    STEWARD_VERIFY_OK(signInAs(other(kOtherSteward)));
    const auto theirEvents = EventRepository(m_db->database()).list(kOtherTenant, EventQuery{});
    STEWARD_VERIFY_OK(theirEvents);
    QCOMPARE(theirEvents.value().size(), m_otherRequests.size());
}

void TenantIsolationTest::otherTenantsRequestsAreUndecidable()
{
    const QStringList before = m_db->dump(u"mdm_approval"_s);
    const int events = m_db->rowCount(u"mdm_event"_s);
    QSignalSpy published(&m_db->bus(), &EventBus::eventPublished);

    for (const Approval &theirs : std::as_const(m_otherRequests)) {
        // sam holds metadata_steward here, the role their request needs.
        const QList<Result<Approval>> attempts{
            service().approve(m_db->as(Users::Steward), theirs.id),
            service().reject(m_db->as(Users::Steward), theirs.id, u"not ours"_s),
            service().cancel(m_db->as(Users::Steward), theirs.id),
            service().cancel(m_db->as(Users::Owner), theirs.id),
        };
        for (const auto &attempt : attempts) {
            QVERIFY(!attempt);
            QCOMPARE(attempt.error().code, ErrorCode::NotFound);
        }
    }
    QCOMPARE(m_db->dump(u"mdm_approval"_s), before);
    QCOMPARE(m_db->rowCount(u"mdm_event"_s), events);
    QCOMPARE(m_db->rowCount(u"mdm_glossary_term"_s), 0);
    QCOMPARE(published.count(), 0);

    // In its own tenant the request is decided as usual.
    STEWARD_VERIFY_OK(service().approve(other(kOtherSteward), m_otherRequests.at(0).id));
    QCOMPARE(m_db->rowCount(u"mdm_glossary_term"_s), 1);
}

void TenantIsolationTest::rolesAreHeldPerTenant()
{
    // sam is a kernel_architect in the other tenant, only a metadata_steward here.
    const auto kernelHere =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.ledger"_s, Tier::Tier1,
                                                               glossaryPayload(u"term.ledger"_s)));
    STEWARD_VERIFY_OK(kernelHere);
    const auto refused = service().approve(m_db->as(Users::Steward), kernelHere.value().id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    QCOMPARE(toString(m_db->approval(kernelHere.value().id).value().status), u"pending"_s);

    const auto kernelThere =
        service().submit(other(kOtherRequester), createRequest(EntityType::Glossary, u"term.ledger"_s, Tier::Tier1,
                                                               glossaryPayload(u"term.ledger"_s)));
    STEWARD_VERIFY_OK(kernelThere);
    STEWARD_VERIFY_OK(service().approve(other(Users::Steward), kernelThere.value().id));

    // ...and a metadata_steward here is nothing of the kind there.
    const auto governedThere = m_otherRequests.at(1);
    const auto notSteward = service().approve(other(Users::Steward), governedThere.id);
    QVERIFY(!notSteward);
    QCOMPARE(notSteward.error().code, ErrorCode::Forbidden);

    // otto is a data owner here and may submit; there he is a viewer and may not.
    const auto viewerThere =
        service().submit(other(Users::Owner), createRequest(EntityType::Glossary, u"term.other"_s, Tier::Tier3,
                                                            glossaryPayload(u"term.other"_s)));
    QVERIFY(!viewerThere);
    QCOMPARE(viewerThere.error().code, ErrorCode::Forbidden);

    DirectoryRepository directory(m_db->database());
    STEWARD_VERIFY_OK(signInAs(m_db->as(Users::Steward)));
    const auto here = directory.user(m_db->tenantId(), Users::Steward);
    STEWARD_VERIFY_OK(signInAs(other(Users::Steward)));
    const auto there = directory.user(kOtherTenant, Users::Steward);
    STEWARD_VERIFY_OK(here);
    STEWARD_VERIFY_OK(there);
    QCOMPARE(here.value()->roles.size(), 1);
    QVERIFY(here.value()->holds(Role::MetadataSteward));
    QCOMPARE(there.value()->roles.size(), 1);
    QVERIFY(there.value()->holds(Role::KernelArchitect));
}

void TenantIsolationTest::sameKeyMayExistInEachTenant()
{
    STEWARD_VERIFY_OK(service().approve(other(kOtherSteward), m_otherRequests.at(0).id));
    // The key is taken over there, not here: a create here is no conflict.
    const auto submitted =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.globex_order"_s,
                                                               Tier::Tier3, glossaryPayload(u"term.globex_order"_s)));
    STEWARD_VERIFY_OK(submitted);
    STEWARD_VERIFY_OK(service().approve(m_db->as(Users::Steward), submitted.value().id));

    EntityRepository entities(m_db->database());
    const auto mine = entities.findByKey(m_db->tenantId(), EntityType::Glossary, u"term.globex_order"_s);
    STEWARD_VERIFY_OK(signInAs(other(kOtherSteward)));
    const auto theirs = entities.findByKey(kOtherTenant, EntityType::Glossary, u"term.globex_order"_s);
    STEWARD_VERIFY_OK(mine);
    STEWARD_VERIFY_OK(theirs);
    QVERIFY(mine.value().has_value() && theirs.value().has_value());
    QVERIFY(mine.value()->id != theirs.value()->id);

    // An update naming the other tenant's entity id finds no such entity here.
    const auto crossUpdate =
        service().submit(m_db->as(Users::Owner), updateRequest(EntityType::Glossary, *theirs.value(), Tier::Tier3,
                                                               {{u"definition"_s, u"Hijacked."_s}}));
    QVERIFY(!crossUpdate);
    QCOMPARE(crossUpdate.error().field, u"entityId"_s);
    STEWARD_VERIFY_OK(signInAs(other(kOtherSteward)));
    const auto unchanged = entities.findById(kOtherTenant, EntityType::Glossary, theirs.value()->id);
    STEWARD_VERIFY_OK(unchanged);
    QCOMPARE(unchanged.value()->version, 1);
}

void TenantIsolationTest::userOfAnotherTenantOnlyIsNobodyHere()
{
    const auto ours = ApprovalRepository(m_db->database()).list(m_db->tenantId(), {}, {}, 0, 10);
    STEWARD_VERIFY_OK(ours);
    const auto refused = service().approve(m_db->as(kOtherSteward), ours.value().constFirst().id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    const auto submitted =
        service().submit(m_db->as(kOtherRequester),
                         createRequest(EntityType::Glossary, u"term.x"_s, Tier::Tier3, glossaryPayload(u"term.x"_s)));
    QVERIFY(!submitted);
    QCOMPARE(submitted.error().code, ErrorCode::Forbidden);
    QCOMPARE(toString(m_db->approval(ours.value().constFirst().id).value().status), u"pending"_s);
}

QTEST_GUILESS_MAIN(TenantIsolationTest)
#include "tst_tenantisolation.moc"
