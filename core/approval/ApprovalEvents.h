#pragma once

#include "events/Event.h"
#include "model/Approval.h"
#include "store/EntityRepository.h"

#include <QList>

#include <optional>

namespace steward {

// Builds the events of SPEC section 4 for each approval outcome, in the order given
// there. Pure: the service stores and publishes them.
class ApprovalEvents
{
public:
    ApprovalEvents(const Approval &approval, const QString &actorId, const QString &actorRole, const QDateTime &at);

    QList<Event> requested() const;
    // `field` is the GLOBAL_METADATA field a business rule applies to, when it exists.
    QList<Event> approved(const std::optional<EntitySnapshot> &before, const EntitySnapshot &after,
                          const std::optional<EntitySnapshot> &field) const;
    QList<Event> rejected(const QString &reason) const;
    QList<Event> cancelled() const;

private:
    Event make(const char16_t *type, const QJsonObject &payload) const;
    Event approvalApproved() const;

    const Approval &m_approval;
    QString m_actorId;
    QString m_actorRole;
    QDateTime m_at;
};

} // namespace steward
