#pragma once

#include "events/Event.h"

#include <QList>
#include <QObject>

namespace steward {

// The in-process event bus. Services publish only after their transaction has
// committed, so a subscriber never sees an event for a change that was rolled back.
class EventBus : public QObject
{
    Q_OBJECT

public:
    explicit EventBus(QObject *parent = nullptr);

    // Delivers committed events in order.
    void publish(const QList<Event> &events);

Q_SIGNALS:
    void eventPublished(const steward::Event &event);
    // After a batch: lets views refresh once per change rather than once per event.
    void batchPublished(const QUuid &tenantId);
};

} // namespace steward
