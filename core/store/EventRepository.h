#pragma once

#include "events/Event.h"
#include "model/Error.h"

#include <QList>

namespace steward {

class Database;

struct EventQuery
{
    QString type;          // exact type, or a prefix ending in '*' (e.g. "approval.*")
    qint64 afterSeq = 0;   // only events with a larger seq
    int limit = 1000;
    bool newestFirst = false;
};

// mdm_event, the audit trail. Writes happen inside the caller's transaction.
class EventRepository
{
public:
    explicit EventRepository(Database &database);

    // Stores the event, fills in its seq and seals it onto the tenant's audit chain.
    Status insert(Event &event);
    Result<QList<Event>> list(const QUuid &tenantId, const EventQuery &query) const;
    Result<QList<Event>> forCorrelation(const QUuid &tenantId, const QUuid &correlationId) const;

private:
    Database &m_database;
};

} // namespace steward
