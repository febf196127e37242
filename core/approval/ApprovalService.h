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
    Result<User> member(const Actor &actor) const;
    Result<Approval> load(const Actor &actor, const QUuid &approvalId) const;
    // Runs `work` in a write transaction; on success commits, then publishes its events.
    Result<Approval> transact(const Actor &actor, const QUuid &approvalId,
                              const std::function<Result<QList<Event>>()> &work);
    Status checkNotStale(const Approval &approval, const std::optional<EntitySnapshot> &live) const;
    Result<QList<Event>> applyApproval(const Approval &approval, const User &decider, const QString &reason);
    Result<QList<Event>> recordDecision(const Approval &approval, ApprovalStatus status, const QString &decidedBy,
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
