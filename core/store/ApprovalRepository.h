#pragma once

#include "events/Event.h"
#include "model/Approval.h"
#include "model/Error.h"
#include "model/User.h"

#include <QList>

#include <optional>

namespace steward {

class Database;

struct ApprovalFilter
{
    std::optional<ApprovalStatus> status;
    std::optional<EntityType> entityType;
    std::optional<Tier> tier;
    QString text; // matched against key, requester and entity type
};

enum class ApprovalSortKey { EntityType, EntityKey, Tier, Lane, RequestedBy, RequestedAt, RequiredRole, CurrentStatus };

struct ApprovalSort
{
    ApprovalSortKey key = ApprovalSortKey::RequestedAt;
    Qt::SortOrder order = Qt::AscendingOrder;
};

// Where one request sits in a filtered, sorted queue.
struct QueuePlace
{
    int row = 0;          // how many of the queue's requests come before it
    bool matches = false; // whether it is in the queue itself (else: where it would be)
};

// Where a keyset page of the queue starts: after this request in (requested_at, id) order.
struct ApprovalCursor
{
    QDateTime requestedAt;
    QUuid id;
};

// A decision the database took (ApprovalRepository::decideInDatabase): the request as
// stored and the events written with it, in order.
struct DatabaseDecision
{
    Approval approval;
    QList<Event> events;
};

// A request and the user about to decide it, read together before every decision.
struct RequestForDecision
{
    std::optional<User> decider;     // none: not a user of the tenant
    std::optional<Approval> request; // none: no such request in the tenant
};

// mdm_approval, always scoped to one tenant.
class ApprovalRepository
{
public:
    explicit ApprovalRepository(Database &database);

    Status insert(const Approval &approval);
    Result<std::optional<Approval>> find(const QUuid &tenantId, const QUuid &id) const;
    // The request (with its documents) and `userId`'s roles in the tenant, in one round trip.
    Result<RequestForDecision> findForDecision(const QUuid &tenantId, const QUuid &id, const QString &userId) const;
    // A page of the queue; without payloads unless asked (the queue never needs them).
    Result<QList<Approval>> list(const QUuid &tenantId, const ApprovalFilter &filter, const ApprovalSort &sort,
                                 int offset, int limit, bool withPayloads = false) const;
    // A page in (requested_at, id) order after `after` (from the start without one): pages
    // that stay put while requests are added or decided (the HTTP API's cursor paging).
    Result<QList<Approval>> listAfter(const QUuid &tenantId, const ApprovalFilter &filter,
                                      const std::optional<ApprovalCursor> &after, int limit) const;
    Result<int> count(const QUuid &tenantId, const ApprovalFilter &filter) const;
    // The place of one request in the queue list() pages through, in the same order;
    // nothing when the tenant has no such request.
    Result<std::optional<QueuePlace>> place(const QUuid &tenantId, const ApprovalFilter &filter,
                                            const ApprovalSort &sort, const QUuid &id) const;
    // Moves a pending request to a final status. Returns false when it was no longer
    // pending: someone else decided first.
    Result<bool> decide(const QUuid &tenantId, const QUuid &id, ApprovalStatus status, const QString &decidedBy,
                        const QString &reason, const QDateTime &decidedAt);
    // Where the database decides by itself (SqlDialect::decisionFunction, team mode): it
    // locks the request, re-checks every rule as the signed-in user, applies the change
    // and writes the events in one transaction, and the stored request (without its
    // documents, which a decision never changes) and its events come back in the same
    // round trip.
    Result<DatabaseDecision> decideInDatabase(const QUuid &id, ApprovalStatus status, const QString &reason);

private:
    Database &m_database;
};

} // namespace steward
