#include "approval/ApprovalService.h"

#include "Tr.h"
#include "approval/ApprovalEvents.h"
#include "approval/ApprovalPolicy.h"
#include "approval/PayloadValidator.h"
#include "events/EventBus.h"
#include "store/Database.h"
#include "store/WriteTransaction.h"

using namespace Qt::StringLiterals;

namespace steward {

ApprovalService::ApprovalService(Database &database, EventBus &bus, Clock clock)
    : m_database(database),
      m_bus(bus),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); })),
      m_approvals(database),
      m_entities(database),
      m_events(database),
      m_directory(database)
{
}

namespace {

Error notAUser(const Actor &actor)
{
    return Error::make(ErrorCode::Forbidden,
                       CoreTr::tr("%1 is not a user of tenant %2").arg(actor.userId, uuidText(actor.tenantId)));
}

// Another tenant's request is reported exactly like a missing one.
Error noSuchRequest(const QUuid &approvalId)
{
    return Error::make(ErrorCode::NotFound, CoreTr::tr("no change request %1 in this tenant").arg(uuidText(approvalId)));
}

} // namespace

Result<User> ApprovalService::member(const Actor &actor) const
{
    auto user = m_directory.user(actor.tenantId, actor.userId);
    if (!user)
        return user.error();
    if (!user.value())
        return notAUser(actor);
    return *user.value();
}

Result<std::optional<Approval>> ApprovalService::find(const QUuid &tenantId, const QUuid &approvalId) const
{
    return m_approvals.find(tenantId, approvalId);
}

Result<Approval> ApprovalService::submit(const Actor &actor, const ChangeRequest &request)
{
    if (auto failed = m_database.signIn(actor.tenantId, actor.userId))
        return *failed;
    auto requester = member(actor);
    if (!requester)
        return requester.error();
    if (auto refused = ApprovalPolicy::checkSubmission(request, requester.value()))
        return *refused;

    Approval approval;
    approval.id = QUuid::createUuid();
    approval.tenantId = actor.tenantId;
    approval.entityType = request.entityType;
    approval.entityId = request.entityId;
    approval.entityKey = request.entityKey;
    approval.tier = request.tier;
    approval.lane = request.lane;
    approval.payload = request.payload;
    approval.requestedBy = actor.userId;
    approval.requiredRole = request.requiredRole;
    approval.requestedAt = m_clock();

    WriteTransaction transaction(m_database);
    if (auto failed = transaction.begin())
        return *failed;

    // current_state comes from the live entity, never from the caller.
    if (!request.entityId.isNull()) {
        auto live = m_entities.findById(actor.tenantId, request.entityType, request.entityId);
        if (!live)
            return live.error();
        if (!live.value())
            return Error::invalid(u"entityId"_s, CoreTr::tr("no %1 with id %2 in this tenant")
                                                     .arg(toString(request.entityType), uuidText(request.entityId)));
        if (live.value()->canonicalKey != request.entityKey)
            return Error::invalid(u"entityKey"_s, CoreTr::tr("entity %1 has the key \"%2\", not \"%3\"")
                                                      .arg(uuidText(request.entityId), live.value()->canonicalKey,
                                                           request.entityKey));
        approval.currentState = live.value()->document;
        approval.baseVersion = live.value()->version;
    } else {
        auto existing = m_entities.findByKey(actor.tenantId, request.entityType, request.entityKey);
        if (!existing)
            return existing.error();
        if (existing.value())
            return Error::make(ErrorCode::Conflict,
                               CoreTr::tr("%1 \"%2\" already exists (id %3); submit an update with its entityId")
                                   .arg(toString(request.entityType), request.entityKey,
                                        uuidText(existing.value()->id)));
    }

    const PayloadValidator::Context context{request.entityType, actor.tenantId, request.entityKey, request.tier,
                                            approval.currentState};
    if (auto invalid = PayloadValidator::validate(context, request.payload))
        return *invalid;

    if (request.entityType == EntityType::BusinessRule) {
        const QString appliesTo = approval.requestedState().stringMember(u"appliesTo"_s);
        auto field = m_entities.findByKey(actor.tenantId, EntityType::GlobalMetadata, appliesTo);
        if (!field)
            return field.error();
        if (!field.value())
            return Error::invalid(u"appliesTo"_s, CoreTr::tr("no field \"%1\" in this tenant").arg(appliesTo));
    }

    if (auto failed = m_approvals.insert(approval))
        return *failed;
    QList<Event> events =
        ApprovalEvents(approval, actor.userId, toString(ApprovalPolicy::actingRole(requester.value())), m_clock())
            .requested();
    for (Event &event : events) {
        if (auto failed = m_events.insert(event))
            return *failed;
    }
    if (auto failed = transaction.commit())
        return *failed;
    m_bus.publish(events);
    return approval;
}

Result<Approval> ApprovalService::decide(const Actor &actor, const QUuid &approvalId, const Check &check,
                                         const Work &work, ApprovalStatus outcome, const QString &reason)
{
    if (auto failed = m_database.signIn(actor.tenantId, actor.userId))
        return *failed;
    // The actor and the request as the database has them now, and whether they pass.
    auto judge = [&]() -> Result<std::pair<User, Approval>> {
        auto read = m_approvals.findForDecision(actor.tenantId, approvalId, actor.userId);
        if (!read)
            return read.error();
        if (!read.value().decider)
            return notAUser(actor);
        if (!read.value().request)
            return noSuchRequest(approvalId);
        const User &user = *read.value().decider;
        const Approval &approval = *read.value().request;
        if (auto refused = check(approval, user))
            return *refused;
        return std::pair(user, approval);
    };
    // Refuses early without taking the write lock; the judgement that counts comes
    // under it, where the request may have been decided, and the actor's roles
    // changed, since.
    auto early = judge();
    if (!early)
        return early.error();

    if (!m_database.dialect().decisionFunction().isEmpty()) {
        // The database judges again under its own lock and applies the decision; what it
        // refuses comes back with the same kind of error as a refusal here. An approval's
        // payload is checked here first too, for the message that names the field; whether
        // it is still pending and not stale only the database can say in one breath.
        if (outcome == ApprovalStatus::Approved) {
            if (auto invalid = validateStored(early.value().second))
                return *invalid;
        }
        auto decided = m_approvals.decideInDatabase(approvalId, outcome, reason);
        if (!decided)
            return decided.error();
        m_bus.publish(decided.value().events);
        // A request's documents never change once submitted: those read above are the stored ones.
        Approval approval = std::move(decided.value().approval);
        approval.payload = early.value().second.payload;
        approval.currentState = early.value().second.currentState;
        return approval;
    }

    Decision decision;
    {
        WriteTransaction transaction(m_database);
        if (auto failed = transaction.begin())
            return *failed;
        auto locked = judge();
        if (!locked)
            return locked.error();
        auto result = work(locked.value().second, locked.value().first);
        if (!result)
            return result.error(); // rolls back
        if (auto failed = transaction.commit())
            return *failed;
        decision = std::move(result.value());
    }
    // Committed: from here on the decision stands. The request is returned as stored
    // rather than read again, so a failing read cannot report it as failed.
    m_bus.publish(decision.events);
    return decision.approval;
}

Result<ApprovalService::Decision> ApprovalService::recordDecision(const Approval &approval, ApprovalStatus status,
                                                                  const QString &decidedBy, const QString &reason,
                                                                  const QList<Event> &events)
{
    const QDateTime decidedAt = m_clock();
    auto won = m_approvals.decide(approval.tenantId, approval.id, status, decidedBy, reason, decidedAt);
    if (!won)
        return won.error();
    if (!won.value()) {
        // Someone decided between our read and our write: report who and when.
        auto current = m_approvals.find(approval.tenantId, approval.id);
        if (!current)
            return current.error();
        return ApprovalPolicy::alreadyDecided(current.value().value_or(approval));
    }
    Decision decision{approval, events};
    for (Event &event : decision.events) {
        if (auto failed = m_events.insert(event))
            return *failed;
    }
    // What the row now holds (ApprovalRepository::decide stores an empty reason as NULL).
    decision.approval.status = status;
    decision.approval.decidedBy = decidedBy;
    decision.approval.decisionReason = reason.isEmpty() ? QString() : reason;
    decision.approval.decidedAt = fromIsoTimestamp(toIsoTimestamp(decidedAt));
    return decision;
}

Status ApprovalService::checkNotStale(const Approval &approval, const std::optional<EntitySnapshot> &live) const
{
    if (approval.isCreate()) {
        if (live)
            return Error::make(ErrorCode::Stale,
                               CoreTr::tr("%1 was created by another change since the request was made")
                                   .arg(approval.entityKey));
        return std::nullopt;
    }
    if (!live)
        return Error::make(ErrorCode::Stale,
                           CoreTr::tr("%1 no longer exists; it changed since the request was made").arg(approval.entityKey));
    if (!ApprovalPolicy::changedSinceRequest(approval, live->version, live->document))
        return std::nullopt;
    if (!approval.baseVersion)
        return Error::make(ErrorCode::Stale, CoreTr::tr("%1 changed since the request was made (its state differs from "
                                                        "the one recorded with the request); compare the request-time, "
                                                        "live and requested states")
                                                 .arg(approval.entityKey));
    return Error::make(ErrorCode::Stale, CoreTr::tr("%1 changed since the request was made (version %2, now %3); "
                                                    "compare the request-time, live and requested states")
                                             .arg(approval.entityKey)
                                             .arg(*approval.baseVersion)
                                             .arg(live->version));
}

Result<std::optional<EntitySnapshot>> ApprovalService::applicableLive(const Approval &approval) const
{
    auto live = approval.isCreate() ? m_entities.findByKey(approval.tenantId, approval.entityType, approval.entityKey)
                                    : m_entities.findById(approval.tenantId, approval.entityType, approval.entityId);
    if (!live)
        return live.error();
    if (auto stale = checkNotStale(approval, live.value()))
        return *stale;
    if (auto invalid = validateStored(approval))
        return *invalid;
    return live.value();
}

Status ApprovalService::validateStored(const Approval &approval)
{
    const PayloadValidator::Context context{approval.entityType, approval.tenantId, approval.entityKey, approval.tier,
                                            approval.currentState};
    return PayloadValidator::validate(context, approval.payload);
}

Result<ApprovalService::Decision> ApprovalService::applyApproval(const Approval &approval, const User &decider,
                                                                 const QString &reason)
{
    auto live = applicableLive(approval);
    if (!live)
        return live.error();

    const QDateTime now = m_clock();
    // The payload exactly as submitted, so decimals in JSON fields stay exact.
    auto after = m_entities.apply(approval.tenantId, approval.entityType, live.value(), approval.payload, now);
    if (!after)
        return after.error();

    std::optional<EntitySnapshot> field;
    if (approval.entityType == EntityType::BusinessRule) {
        auto found = m_entities.findByKey(approval.tenantId, EntityType::GlobalMetadata,
                                          after.value().document.stringMember(u"appliesTo"_s));
        if (!found)
            return found.error();
        field = found.value();
    }
    const QList<Event> events = ApprovalEvents(approval, decider.id, toString(approval.requiredRole), now)
                                    .approved(live.value(), after.value(), field);
    return recordDecision(approval, ApprovalStatus::Approved, decider.id, reason, events);
}

Result<Approval> ApprovalService::approve(const Actor &actor, const QUuid &approvalId, const QString &reason)
{
    const QString trimmed = reason.trimmed();
    return decide(
        actor, approvalId, &ApprovalPolicy::checkDecider,
        [&](const Approval &locked, const User &decider) { return applyApproval(locked, decider, trimmed); },
        ApprovalStatus::Approved, trimmed);
}

Result<Approval> ApprovalService::reject(const Actor &actor, const QUuid &approvalId, const QString &reason)
{
    const QString trimmed = reason.trimmed();
    auto check = [&](const Approval &approval, const User &decider) -> Status {
        if (auto refused = ApprovalPolicy::checkDecider(approval, decider))
            return refused;
        return ApprovalPolicy::checkRejectionReason(reason);
    };
    return decide(actor, approvalId, check, [&](const Approval &locked, const User &decider) {
        const QList<Event> events =
            ApprovalEvents(locked, decider.id, toString(locked.requiredRole), m_clock()).rejected(trimmed);
        return recordDecision(locked, ApprovalStatus::Rejected, decider.id, trimmed, events);
    }, ApprovalStatus::Rejected, trimmed);
}

Result<Approval> ApprovalService::cancel(const Actor &actor, const QUuid &approvalId)
{
    auto check = [&](const Approval &approval, const User &) {
        return ApprovalPolicy::checkCancel(approval, actor.userId);
    };
    return decide(actor, approvalId, check, [&](const Approval &locked, const User &requester) {
        const QList<Event> events =
            ApprovalEvents(locked, requester.id, toString(ApprovalPolicy::actingRole(requester)), m_clock())
                .cancelled();
        return recordDecision(locked, ApprovalStatus::Cancelled, requester.id, {}, events);
    }, ApprovalStatus::Cancelled, {});
}

} // namespace steward
