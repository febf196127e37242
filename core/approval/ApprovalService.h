#pragma once

#include "model/Approval.h"
#include "model/ChangeRequest.h"
#include "model/Error.h"
#include "model/User.h"
#include "store/ApprovalRepository.h"
#include "store/DirectoryRepository.h"
#include "store/EntityRepository.h"
#include "store/EventRepository.h"

#include <functional>

namespace steward {

class Database;
class EventBus;
class ApprovalEvents;
struct Event;

// Submit, approve, reject and cancel change requests. Each operation is one write
// transaction holding the change, the decision and its events; events reach the bus
// only after commit. Every refusal leaves the database untouched.
class ApprovalService
{
public:
    using Clock = std::function<QDateTime()>;

    ApprovalService(Database &database, EventBus &bus, Clock clock = {});

    Result<Approval> submit(const Actor &actor, const ChangeRequest &request);
    Result<Approval> approve(const Actor &actor, const QUuid &approvalId, const QString &reason = {});
    Result<Approval> reject(const Actor &actor, const QUuid &approvalId, const QString &reason);
    Result<Approval> cancel(const Actor &actor, const QUuid &approvalId);

    Result<std::optional<Approval>> find(const QUuid &tenantId, const QUuid &approvalId) const;

private:
    // A decision as stored: the decided request and the events written with it.
    struct Decision
    {
        Approval approval;
        QList<Event> events;
    };
    // Who may decide, and whether, judged on what the write lock protects.
    using Check = std::function<Status(const Approval &locked, const User &actor)>;
    using Work = std::function<Result<Decision>(const Approval &locked, const User &actor)>;

    Result<User> member(const Actor &actor) const;
    // Checks, then in one write transaction re-reads the request and the actor's roles,
    // checks again (a role may be revoked, the request decided, in between) and runs
    // `work`; commits, then publishes. Nothing after the commit can fail the decision.
    // Where the database decides by itself (team mode), `work` is not run: the database
    // records `outcome` with `reason` under its own guard (ApprovalRepository::decideInDatabase).
    Result<Approval> decide(const Actor &actor, const QUuid &approvalId, const Check &check, const Work &work,
                            ApprovalStatus outcome, const QString &reason);
    // The live entity an approval would change, once the request is neither stale nor invalid.
    Result<std::optional<EntitySnapshot>> applicableLive(const Approval &approval) const;
    // A stored request's payload judged again (it may have been written past submit).
    static Status validateStored(const Approval &approval);
    Status checkNotStale(const Approval &approval, const std::optional<EntitySnapshot> &live) const;
    Result<Decision> applyApproval(const Approval &approval, const User &decider, const QString &reason);
    Result<Decision> recordDecision(const Approval &approval, ApprovalStatus status, const QString &decidedBy,
                                    const QString &reason, const QList<Event> &events);

    Database &m_database;
    EventBus &m_bus;
    Clock m_clock;
    ApprovalRepository m_approvals;
    EntityRepository m_entities;
    EventRepository m_events;
    DirectoryRepository m_directory;
};

} // namespace steward
