#include "events/EventBus.h"

namespace steward {

EventBus::EventBus(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<steward::Event>();
}

void EventBus::publish(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    for (const Event &event : events)
        Q_EMIT eventPublished(event);
    Q_EMIT batchPublished(events.constFirst().tenantId);
}

} // namespace steward
