// The decision rules of SPEC section 2, each with a case it allows and a case it refuses.

#include "TestDatabase.h"
#include "approval/ApprovalService.h"
#include "store/ApprovalRepository.h"
#include "store/EventRepository.h"
#include "json/JsonParser.h"

#include <QMutex>
#include <QSignalSpy>
#include <QThread>
#include <QWaitCondition>
#include <array>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

// Releases all parties at once, round after round, so two deciders really collide.
class Barrier
{
public:
    explicit Barrier(int parties) : m_parties(parties) {}

    void arriveAndWait()
    {
        QMutexLocker lock(&m_mutex);
        const int generation = m_generation;
        if (++m_arrived == m_parties) {
            m_arrived = 0;
            ++m_generation;
            m_released.wakeAll();
            return;
        }
        while (generation == m_generation)
            m_released.wait(&m_mutex);
    }

private:
    QMutex m_mutex;
    QWaitCondition m_released;
    const int m_parties;
    int m_arrived = 0;
    int m_generation = 0;
};

struct Attempt
{
    bool approved = false;
    ErrorCode code = ErrorCode::Invalid;
    QString message;
};

} // namespace

class ApprovalRulesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void submitterMustBeCaller();
    void viewerCannotSubmit();
    void deciderNeedsRequiredRole();
    void fourEyesEvenWithTheRole();
    void kernelSubmissionMustNameKernelArchitect();
    void kernelLaneDecidedOnlyByKernelArchitect();
    void kernelLaneRowNamingAnotherRoleStillNeedsKernelArchitect();
    void legacyKernelOnlyLaneStoredAsKernel();
    void rejectWithoutReasonRefused_data();
    void rejectWithoutReasonRefused();
    void rejectWithReason();
    void approveWithAndWithoutReason();
    void cancelOnlyByRequester();
    void cancelOnlyWhilePending();
    void decidedRequestNeverChanges();
    void decisionReturnsTheStoredRequest();
    void staleUpdateRefused();
    void staleCreateRefused();
    void racingDecidersExactlyOneWins();

private:
    ApprovalService &service() { return m_db->service(); }
    int eventCount() const { return m_db->rowCount(u"mdm_event"_s); }

    std::unique_ptr<TestDatabase> m_db;
};

void ApprovalRulesTest::init()
{
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
}

void ApprovalRulesTest::cleanup()
{
    m_db.reset();
}

void ApprovalRulesTest::submitterMustBeCaller()
{
    ChangeRequest request =
        createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3, glossaryPayload(u"term.order"_s));
    request.requestedBy = Users::Owner;
    const auto refused = service().submit(m_db->as(Users::Steward), request);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QCOMPARE(refused.error().field, u"requestedBy"_s);
    QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 0);
    QCOMPARE(eventCount(), 0);

    request.requestedBy = Users::Steward;
    const auto accepted = service().submit(m_db->as(Users::Steward), request);
    STEWARD_VERIFY_OK(accepted);
    QCOMPARE(accepted.value().requestedBy, Users::Steward);
    QCOMPARE(toString(accepted.value().status), u"pending"_s);
}

void ApprovalRulesTest::viewerCannotSubmit()
{
    const ChangeRequest request =
        createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3, glossaryPayload(u"term.order"_s));
    const auto refused = service().submit(m_db->as(Users::Viewer), request);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 0);

    const auto stranger = service().submit(m_db->as(u"nobody"_s), request);
    QVERIFY(!stranger);
    QCOMPARE(stranger.error().code, ErrorCode::Forbidden);

    STEWARD_VERIFY_OK(service().submit(m_db->as(Users::Owner), request));
}

void ApprovalRulesTest::deciderNeedsRequiredRole()
{
    ChangeRequest request = createRequest(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier3,
                                          fieldPayload(u"orders.amount"_s, Tier::Tier3));
    request.requiredRole = Role::DataOwner;
    const auto submitted = service().submit(m_db->as(Users::Steward), request);
    STEWARD_VERIFY_OK(submitted);
    const int eventsBefore = eventCount();

    for (const QString &user : {Users::OtherSteward, Users::Architect, Users::Viewer}) {
        const auto refused = service().approve(m_db->as(user), submitted.value().id);
        QVERIFY2(!refused, qPrintable(user));
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        QVERIFY2(refused.error().message.contains(u"data_owner"_s), qPrintable(refused.error().message));
    }
    const auto notRejected = service().reject(m_db->as(Users::OtherSteward), submitted.value().id, u"no"_s);
    QVERIFY(!notRejected);
    QCOMPARE(notRejected.error().code, ErrorCode::Forbidden);
    QCOMPARE(toString(m_db->approval(submitted.value().id).value().status), u"pending"_s);
    QCOMPARE(eventCount(), eventsBefore);
    QCOMPARE(m_db->rowCount(u"mdm_global_metadata"_s), 0);

    const auto approved = service().approve(m_db->as(Users::Owner), submitted.value().id);
    STEWARD_VERIFY_OK(approved);
    QCOMPARE(toString(approved.value().status), u"approved"_s);
    QCOMPARE(approved.value().decidedBy, Users::Owner);
    QCOMPARE(m_db->rowCount(u"mdm_global_metadata"_s), 1);
}

void ApprovalRulesTest::fourEyesEvenWithTheRole()
{
    // ben holds both roles a governed tier3 request could need, and still may not decide his own.
    const auto submitted = service().submit(m_db->as(Users::ArchitectSteward),
                                            createRequest(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier3,
                                                          fieldPayload(u"orders.amount"_s, Tier::Tier3)));
    STEWARD_VERIFY_OK(submitted);
    QCOMPARE(toString(submitted.value().requiredRole), u"metadata_steward"_s);

    const auto ownApproval = service().approve(m_db->as(Users::ArchitectSteward), submitted.value().id);
    QVERIFY(!ownApproval);
    QCOMPARE(ownApproval.error().code, ErrorCode::Forbidden);
    QVERIFY2(ownApproval.error().message.contains(u"four-eyes"_s), qPrintable(ownApproval.error().message));
    const auto ownRejection = service().reject(m_db->as(Users::ArchitectSteward), submitted.value().id, u"oops"_s);
    QVERIFY(!ownRejection);
    QCOMPARE(ownRejection.error().code, ErrorCode::Forbidden);
    QCOMPARE(toString(m_db->approval(submitted.value().id).value().status), u"pending"_s);
    QCOMPARE(m_db->rowCount(u"mdm_global_metadata"_s), 0);

    const auto approved = service().approve(m_db->as(Users::Steward), submitted.value().id);
    STEWARD_VERIFY_OK(approved);
    QCOMPARE(approved.value().decidedBy, Users::Steward);
}

void ApprovalRulesTest::kernelSubmissionMustNameKernelArchitect()
{
    ChangeRequest request = createRequest(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier1,
                                          fieldPayload(u"orders.amount"_s, Tier::Tier1));
    QCOMPARE(toString(request.lane), u"kernel"_s);
    for (const Role other : {Role::MetadataSteward, Role::DataOwner, Role::Viewer}) {
        request.requiredRole = other;
        const auto refused = service().submit(m_db->as(Users::Owner), request);
        QVERIFY2(!refused, qPrintable(toString(other)));
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QCOMPARE(refused.error().field, u"requiredRole"_s);
    }
    QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 0);
    QCOMPARE(eventCount(), 0);

    request.requiredRole = Role::KernelArchitect;
    STEWARD_VERIFY_OK(service().submit(m_db->as(Users::Owner), request));
    QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 1);
}

void ApprovalRulesTest::kernelLaneDecidedOnlyByKernelArchitect()
{
    const auto submitted = service().submit(m_db->as(Users::Owner),
                                            createRequest(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier1,
                                                          fieldPayload(u"orders.amount"_s, Tier::Tier1)));
    STEWARD_VERIFY_OK(submitted);
    QCOMPARE(toString(submitted.value().requiredRole), u"kernel_architect"_s);

    const auto byStewardApprove = service().approve(m_db->as(Users::Steward), submitted.value().id);
    QVERIFY(!byStewardApprove);
    QCOMPARE(byStewardApprove.error().code, ErrorCode::Forbidden);
    const auto byStewardReject = service().reject(m_db->as(Users::Steward), submitted.value().id, u"no"_s);
    QVERIFY(!byStewardReject);
    QCOMPARE(byStewardReject.error().code, ErrorCode::Forbidden);
    QCOMPARE(toString(m_db->approval(submitted.value().id).value().status), u"pending"_s);

    const auto approved = service().approve(m_db->as(Users::Architect), submitted.value().id);
    STEWARD_VERIFY_OK(approved);
    QCOMPARE(toString(approved.value().status), u"approved"_s);
    QCOMPARE(approved.value().decidedBy, Users::Architect);
}

void ApprovalRulesTest::kernelLaneRowNamingAnotherRoleStillNeedsKernelArchitect()
{
    // A row written by an older client or by hand, bypassing submit's check.
    Approval approval;
    approval.id = QUuid::createUuid();
    approval.tenantId = m_db->tenantId();
    approval.entityType = EntityType::Glossary;
    approval.entityKey = u"term.order"_s;
    approval.tier = Tier::Tier1;
    approval.lane = Lane::Kernel;
    approval.payload = json::fromQJsonValue(glossaryPayload(u"term.order"_s));
    approval.requestedBy = Users::Owner;
    approval.requestedAt = QDateTime::currentDateTimeUtc();
    approval.requiredRole = Role::MetadataSteward;
    const auto inserted = ApprovalRepository(m_db->database()).insert(approval);
    if (m_db->isTeamDatabase()) {
        // The team database's guard refuses such a row before anyone can decide it.
        QVERIFY(inserted.has_value());
        QCOMPARE(inserted->code, ErrorCode::Invalid);
        QVERIFY2(inserted->message.contains(u"kernel_architect"_s), qPrintable(inserted->message));
        QCOMPARE(m_db->rowCount(u"mdm_approval"_s), 0);
        return;
    }
    STEWARD_VERIFY_OK(inserted);

    const auto refused = service().approve(m_db->as(Users::Steward), approval.id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    QCOMPARE(toString(m_db->approval(approval.id).value().status), u"pending"_s);

    STEWARD_VERIFY_OK(service().approve(m_db->as(Users::ArchitectSteward), approval.id));
}

void ApprovalRulesTest::legacyKernelOnlyLaneStoredAsKernel()
{
    const QByteArray json = R"({"entityType": "GLOSSARY", "entityId": null, "entityKey": "term.order",
        "tier": "tier1", "lane": "kernel_only",
        "payload": {"canonicalKey": "term.order", "term": "Order", "definition": "A binding request to buy."}})";
    const auto parsed = ChangeRequest::fromJsonText(json);
    STEWARD_VERIFY_OK(parsed);
    QCOMPARE(toString(parsed.value().lane), u"kernel"_s);
    QCOMPARE(toString(parsed.value().requiredRole), u"kernel_architect"_s);

    const auto submitted = service().submit(m_db->as(Users::Owner), parsed.value());
    STEWARD_VERIFY_OK(submitted);
    const QString id = uuidText(submitted.value().id);
    QCOMPARE(m_db->scalar(u"SELECT lane FROM mdm_approval WHERE id = ?"_s, {id}).toString(), u"kernel"_s);
    QCOMPARE(m_db->scalar(u"SELECT required_role FROM mdm_approval WHERE id = ?"_s, {id}).toString(),
             u"kernel_architect"_s);
    const auto requested = EventRepository(m_db->database()).forCorrelation(m_db->tenantId(), submitted.value().id);
    STEWARD_VERIFY_OK(requested);
    QCOMPARE(requested.value().size(), 1);
    QCOMPARE(requested.value().constFirst().payload.value(u"lane"_s).toString(), u"kernel"_s);

    // The legacy spelling does not smuggle another deciding role into the kernel lane.
    QByteArray withSteward = json;
    withSteward.replace(R"("lane": "kernel_only",)", R"("lane": "kernel_only", "requiredRole": "metadata_steward",)");
    const auto parsedWithSteward = ChangeRequest::fromJsonText(withSteward);
    STEWARD_VERIFY_OK(parsedWithSteward);
    const auto refused = service().submit(m_db->as(Users::Owner), parsedWithSteward.value());
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, u"requiredRole"_s);
}

void ApprovalRulesTest::rejectWithoutReasonRefused_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("whitespace") << u" \t\n "_s;
}

void ApprovalRulesTest::rejectWithoutReasonRefused()
{
    QFETCH(QString, reason);
    const auto submitted =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.order"_s)));
    STEWARD_VERIFY_OK(submitted);
    const int eventsBefore = eventCount();

    const auto refused = service().reject(m_db->as(Users::Steward), submitted.value().id, reason);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QCOMPARE(refused.error().field, u"reason"_s);
    QCOMPARE(toString(m_db->approval(submitted.value().id).value().status), u"pending"_s);
    QCOMPARE(eventCount(), eventsBefore);
}

void ApprovalRulesTest::rejectWithReason()
{
    const auto submitted =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.order"_s)));
    STEWARD_VERIFY_OK(submitted);

    const auto rejected =
        service().reject(m_db->as(Users::Steward), submitted.value().id, u"  Duplicates term.sales_order.  "_s);
    STEWARD_VERIFY_OK(rejected);
    QCOMPARE(toString(rejected.value().status), u"rejected"_s);
    QCOMPARE(rejected.value().decidedBy, Users::Steward);
    QCOMPARE(rejected.value().decisionReason, u"Duplicates term.sales_order."_s);
    QVERIFY(rejected.value().decidedAt.isValid());
    QCOMPARE(m_db->rowCount(u"mdm_glossary_term"_s), 0);

    const auto events = EventRepository(m_db->database()).forCorrelation(m_db->tenantId(), submitted.value().id);
    STEWARD_VERIFY_OK(events);
    QCOMPARE(events.value().size(), 2);
    QCOMPARE(events.value().at(1).type, u"approval.rejected"_s);
    QCOMPARE(events.value().at(1).payload.value(u"reason"_s).toString(), u"Duplicates term.sales_order."_s);
}

void ApprovalRulesTest::approveWithAndWithoutReason()
{
    const auto withReason =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.order"_s)));
    const auto withoutReason =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.invoice"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.invoice"_s)));
    STEWARD_VERIFY_OK(withReason);
    STEWARD_VERIFY_OK(withoutReason);

    const auto approvedWithReason =
        service().approve(m_db->as(Users::Steward), withReason.value().id, u"Matches the sales handbook."_s);
    STEWARD_VERIFY_OK(approvedWithReason);
    QCOMPARE(toString(approvedWithReason.value().status), u"approved"_s);
    QCOMPARE(approvedWithReason.value().decisionReason, u"Matches the sales handbook."_s);

    const auto approvedWithoutReason = service().approve(m_db->as(Users::Steward), withoutReason.value().id);
    STEWARD_VERIFY_OK(approvedWithoutReason);
    QCOMPARE(toString(approvedWithoutReason.value().status), u"approved"_s);
    QVERIFY(approvedWithoutReason.value().decisionReason.isEmpty());
    QVERIFY(
        m_db->scalar(u"SELECT decision_reason FROM mdm_approval WHERE id = ?"_s, {uuidText(withoutReason.value().id)})
            .isNull());
    QCOMPARE(m_db->rowCount(u"mdm_glossary_term"_s), 2);
}

void ApprovalRulesTest::cancelOnlyByRequester()
{
    const auto submitted =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.order"_s)));
    STEWARD_VERIFY_OK(submitted);

    // Not even someone entitled to decide the request may withdraw it.
    for (const QString &user : {Users::Steward, Users::ArchitectSteward, Users::Viewer}) {
        const auto refused = service().cancel(m_db->as(user), submitted.value().id);
        QVERIFY2(!refused, qPrintable(user));
        QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    }
    QCOMPARE(toString(m_db->approval(submitted.value().id).value().status), u"pending"_s);

    const auto cancelled = service().cancel(m_db->as(Users::Owner), submitted.value().id);
    STEWARD_VERIFY_OK(cancelled);
    QCOMPARE(toString(cancelled.value().status), u"cancelled"_s);
    QCOMPARE(cancelled.value().decidedBy, Users::Owner);
    const auto events = EventRepository(m_db->database()).forCorrelation(m_db->tenantId(), submitted.value().id);
    STEWARD_VERIFY_OK(events);
    QCOMPARE(events.value().constLast().type, u"approval.cancelled"_s);
}

void ApprovalRulesTest::cancelOnlyWhilePending()
{
    const auto approved =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.order"_s)));
    STEWARD_VERIFY_OK(approved);
    STEWARD_VERIFY_OK(service().approve(m_db->as(Users::Steward), approved.value().id));
    const auto late = service().cancel(m_db->as(Users::Owner), approved.value().id);
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::Conflict);
    QCOMPARE(toString(m_db->approval(approved.value().id).value().status), u"approved"_s);

    const auto cancelled =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.invoice"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.invoice"_s)));
    STEWARD_VERIFY_OK(cancelled);
    STEWARD_VERIFY_OK(service().cancel(m_db->as(Users::Owner), cancelled.value().id));
    const auto twice = service().cancel(m_db->as(Users::Owner), cancelled.value().id);
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
}

void ApprovalRulesTest::decidedRequestNeverChanges()
{
    const auto approved =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.order"_s)));
    const auto rejected =
        service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.invoice"_s, Tier::Tier3,
                                                               glossaryPayload(u"term.invoice"_s)));
    STEWARD_VERIFY_OK(approved);
    STEWARD_VERIFY_OK(rejected);
    STEWARD_VERIFY_OK(service().approve(m_db->as(Users::Steward), approved.value().id, u"fine"_s));
    STEWARD_VERIFY_OK(service().reject(m_db->as(Users::Steward), rejected.value().id, u"not needed"_s));

    const QStringList approvals = m_db->dump(u"mdm_approval"_s);
    const QStringList terms = m_db->dump(u"mdm_glossary_term"_s);
    const int events = eventCount();

    for (const QUuid &id : {approved.value().id, rejected.value().id}) {
        const Approval decided = m_db->approval(id).value();
        const QString expected = u"already %1 by %2 at %3"_s.arg(toString(decided.status), decided.decidedBy,
                                                                 toIsoTimestamp(decided.decidedAt));
        const QList<Result<Approval>> attempts{
            service().approve(m_db->as(Users::OtherSteward), id),
            service().approve(m_db->as(Users::OtherSteward), id, u"again"_s),
            service().reject(m_db->as(Users::OtherSteward), id, u"changed my mind"_s),
            service().cancel(m_db->as(Users::Owner), id),
        };
        for (const auto &attempt : attempts) {
            QVERIFY(!attempt);
            QCOMPARE(attempt.error().code, ErrorCode::Conflict);
            QCOMPARE(attempt.error().message, expected);
        }
    }
    QCOMPARE(m_db->dump(u"mdm_approval"_s), approvals);
    QCOMPARE(m_db->dump(u"mdm_glossary_term"_s), terms);
    QCOMPARE(eventCount(), events);
}

void ApprovalRulesTest::decisionReturnsTheStoredRequest()
{
    // What approve, reject and cancel return is the request as stored, documents included.
    const auto field = m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier3,
                                       fieldPayload(u"orders.amount"_s, Tier::Tier3));
    STEWARD_VERIFY_OK(field);
    QList<Approval> requests;
    for (int i = 0; i < 3; ++i) {
        const auto submitted = service().submit(
            m_db->as(Users::Owner),
            updateRequest(EntityType::GlobalMetadata, field.value(), Tier::Tier3,
                          {{u"label"_s, u"Order amount %1"_s.arg(i)}, {u"format"_s, u"19,4"_s}}));
        STEWARD_VERIFY_OK(submitted);
        requests.append(submitted.value());
    }
    const QList<Result<Approval>> decided{
        service().reject(m_db->as(Users::Steward), requests.at(0).id, u"  Not this one.  "_s),
        service().cancel(m_db->as(Users::Owner), requests.at(1).id),
        service().approve(m_db->as(Users::OtherSteward), requests.at(2).id, u"Fine."_s),
    };
    for (qsizetype i = 0; i < decided.size(); ++i) {
        STEWARD_VERIFY_OK(decided.at(i));
        const Approval &returned = decided.at(i).value();
        const Approval stored = m_db->approval(requests.at(i).id).value();
        QCOMPARE(toString(returned.status), toString(stored.status));
        QCOMPARE(returned.decidedBy, stored.decidedBy);
        QCOMPARE(returned.decisionReason, stored.decisionReason);
        QCOMPARE(toIsoTimestamp(returned.decidedAt), toIsoTimestamp(stored.decidedAt));
        QCOMPARE(toIsoTimestamp(returned.requestedAt), toIsoTimestamp(stored.requestedAt));
        QCOMPARE(returned.requestedBy, stored.requestedBy);
        QCOMPARE(returned.entityId, stored.entityId);
        QCOMPARE(returned.entityKey, stored.entityKey);
        QCOMPARE(returned.baseVersion, stored.baseVersion);
        QCOMPARE(json::serialize(returned.payload), json::serialize(stored.payload));
        QVERIFY(returned.currentState && stored.currentState);
        QCOMPARE(json::serialize(*returned.currentState), json::serialize(*stored.currentState));
    }
    QCOMPARE(decided.at(0).value().decisionReason, u"Not this one."_s);
    QVERIFY(decided.at(1).value().decisionReason.isEmpty());
}

void ApprovalRulesTest::staleUpdateRefused()
{
    const auto field = m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier3,
                                       fieldPayload(u"orders.amount"_s, Tier::Tier3));
    STEWARD_VERIFY_OK(field);
    QCOMPARE(field.value().version, 1);

    const auto first =
        service().submit(m_db->as(Users::Owner), updateRequest(EntityType::GlobalMetadata, field.value(), Tier::Tier3,
                                                               {{u"label"_s, u"Order gross amount"_s}}));
    const auto second =
        service().submit(m_db->as(Users::Owner), updateRequest(EntityType::GlobalMetadata, field.value(), Tier::Tier3,
                                                               {{u"description"_s, u"Including tax."_s}}));
    STEWARD_VERIFY_OK(first);
    STEWARD_VERIFY_OK(second);
    STEWARD_VERIFY_OK(service().approve(m_db->as(Users::Steward), second.value().id));
    QCOMPARE(m_db->entity(EntityType::GlobalMetadata, u"orders.amount"_s).value().version, 2);

    const QStringList entities = m_db->dump(u"mdm_global_metadata"_s);
    const int events = eventCount();
    QSignalSpy published(&m_db->bus(), &EventBus::eventPublished);

    const auto stale = service().approve(m_db->as(Users::OtherSteward), first.value().id);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::Stale);
    QVERIFY2(stale.error().message.contains(u"changed since the request was made"_s),
             qPrintable(stale.error().message));

    const Approval still = m_db->approval(first.value().id).value();
    QCOMPARE(toString(still.status), u"pending"_s);
    QVERIFY(still.decidedBy.isEmpty());
    // The reviewer still has the request-time state for the three-way view.
    QCOMPARE(still.baseVersion, std::optional<qint64>(1));
    QCOMPARE(still.currentState.value().stringMember(u"description"_s), u"Gross amount of an order."_s);
    QCOMPARE(m_db->dump(u"mdm_global_metadata"_s), entities);
    QCOMPARE(m_db->entity(EntityType::GlobalMetadata, u"orders.amount"_s).value().document.stringMember(u"label"_s),
             u"Order amount"_s);
    QCOMPARE(eventCount(), events);
    QCOMPARE(published.count(), 0);

    // A stale request can still be turned down.
    STEWARD_VERIFY_OK(service().reject(m_db->as(Users::OtherSteward), first.value().id, u"superseded"_s));
}

void ApprovalRulesTest::staleCreateRefused()
{
    const ChangeRequest request =
        createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3, glossaryPayload(u"term.order"_s));
    const auto first = service().submit(m_db->as(Users::Owner), request);
    const auto second = service().submit(m_db->as(Users::Steward), request);
    STEWARD_VERIFY_OK(first);
    STEWARD_VERIFY_OK(second);
    STEWARD_VERIFY_OK(service().approve(m_db->as(Users::Steward), first.value().id));

    const QStringList terms = m_db->dump(u"mdm_glossary_term"_s);
    const auto stale = service().approve(m_db->as(Users::OtherSteward), second.value().id);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, ErrorCode::Stale);
    QVERIFY2(stale.error().message.contains(u"since the request was made"_s), qPrintable(stale.error().message));
    QCOMPARE(toString(m_db->approval(second.value().id).value().status), u"pending"_s);
    QCOMPARE(m_db->dump(u"mdm_glossary_term"_s), terms);
}

void ApprovalRulesTest::racingDecidersExactlyOneWins()
{
    constexpr int rounds = 20;
    QList<Approval> requests;
    for (int i = 0; i < rounds; ++i) {
        const QString key = u"orders.amount_%1"_s.arg(i);
        const auto field = m_db->establish(EntityType::GlobalMetadata, key, Tier::Tier3,
                                           fieldPayload(key, Tier::Tier3, u"orders"_s, u"amount_%1"_s.arg(i)));
        STEWARD_VERIFY_OK(field);
        const auto submitted =
            service().submit(m_db->as(Users::Owner), updateRequest(EntityType::GlobalMetadata, field.value(),
                                                                   Tier::Tier3, {{u"label"_s, u"Amount %1"_s.arg(i)}}));
        STEWARD_VERIFY_OK(submitted);
        requests.append(submitted.value());
    }

    const DatabaseUrl url = m_db->url();
    Barrier barrier(2);
    const QStringList deciders{Users::Steward, Users::OtherSteward};
    // One slot per thread, never resized while they run.
    std::array<QList<Attempt>, 2> attempts;
    std::array<int, 2> approvedEventsSeen{0, 0};
    std::array<QString, 2> setupErrors;

    auto decide = [&](int who) {
        // Each decider has its own connection, opened and closed in its own thread.
        auto opened = Database::open(url);
        if (!opened)
            setupErrors[who] = opened.error().text();
        std::unique_ptr<Database> database = opened ? std::move(opened.value()) : nullptr;
        EventBus bus;
        QObject::connect(&bus, &EventBus::eventPublished, &bus, [&](const Event &event) {
            if (event.type == u"approval.approved"_s)
                ++approvedEventsSeen[who];
        });
        std::unique_ptr<ApprovalService> decider =
            database ? std::make_unique<ApprovalService>(*database, bus) : nullptr;
        for (const Approval &request : std::as_const(requests)) {
            barrier.arriveAndWait();
            if (!decider)
                continue;
            const auto result = decider->approve(Actor{TestDatabase::tenantId(), deciders.at(who)}, request.id);
            attempts[who].append(result ? Attempt{true, {}, {}}
                                        : Attempt{false, result.error().code, result.error().message});
        }
    };
    std::unique_ptr<QThread> first(QThread::create(decide, 0));
    std::unique_ptr<QThread> second(QThread::create(decide, 1));
    first->start();
    second->start();
    QVERIFY(first->wait(QDeadlineTimer(60000)));
    QVERIFY(second->wait(QDeadlineTimer(60000)));
    QVERIFY2(setupErrors[0].isEmpty() && setupErrors[1].isEmpty(), qPrintable(setupErrors[0] + setupErrors[1]));
    QCOMPARE(attempts.at(0).size(), rounds);
    QCOMPARE(attempts.at(1).size(), rounds);

    EventRepository events(m_db->database());
    for (int i = 0; i < rounds; ++i) {
        const Attempt &a = attempts.at(0).at(i);
        const Attempt &b = attempts.at(1).at(i);
        QVERIFY2(a.approved != b.approved, qPrintable(u"round %1: %2 / %3"_s.arg(i).arg(a.message, b.message)));
        const QString winner = deciders.at(a.approved ? 0 : 1);
        const Attempt &loser = a.approved ? b : a;

        const Approval decided = m_db->approval(requests.at(i).id).value();
        QCOMPARE(toString(decided.status), u"approved"_s);
        QCOMPARE(decided.decidedBy, winner);
        QCOMPARE(loser.code, ErrorCode::Conflict);
        QCOMPARE(loser.message, u"already approved by %1 at %2"_s.arg(winner, toIsoTimestamp(decided.decidedAt)));

        const auto entity = m_db->entity(EntityType::GlobalMetadata, requests.at(i).entityKey);
        STEWARD_VERIFY_OK(entity);
        QCOMPARE(entity.value().version, 2);
        QCOMPARE(entity.value().document.stringMember(u"label"_s), u"Amount %1"_s.arg(i));

        const auto trail = events.forCorrelation(m_db->tenantId(), requests.at(i).id);
        STEWARD_VERIFY_OK(trail);
        QStringList types;
        for (const Event &event : trail.value())
            types.append(event.type);
        QCOMPARE(types, (QStringList{u"approval.requested"_s, u"metadata.approved"_s, u"metadata.changed"_s,
                                     u"approval.approved"_s}));
    }
    QCOMPARE(approvedEventsSeen.at(0) + approvedEventsSeen.at(1), rounds);
}

QTEST_GUILESS_MAIN(ApprovalRulesTest)
#include "tst_approvalrules.moc"
