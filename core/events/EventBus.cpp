#include "events/EventBus.h"

namespace steward {

EventBus::EventBus(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<steward::Event>();
}

namespace {
constexpr qsizetype kRemembered = 10'000;
} // namespace

void EventBus::publish(const QList<Event> &events)
{
    const Event *first = nullptr;
    for (const Event &event : events) {
        if (!firstDelivery(event))
            continue;
        if (!first)
            first = &event;
        Q_EMIT eventPublished(event);
        emitTyped(event);
    }
    if (first)
        Q_EMIT batchPublished(first->tenantId);
}

bool EventBus::firstDelivery(const Event &event)
{
    if (event.id.isNull())
        return true;
    if (m_delivered.contains(event.id))
        return false;
    m_delivered.insert(event.id);
    m_deliveredOrder.enqueue(event.id);
    if (m_deliveredOrder.size() > kRemembered)
        m_delivered.remove(m_deliveredOrder.dequeue());
    return true;
}

void EventBus::emitTyped(const Event &event)
{
    switch (event.kind()) {
    case EventKind::ApprovalRequested: Q_EMIT approvalRequested(event); return;
    case EventKind::ApprovalApproved:
    case EventKind::ApprovalRejected:
    case EventKind::ApprovalCancelled: Q_EMIT approvalDecided(event); return;
    case EventKind::MetadataApproved:
    case EventKind::MetadataChanged:
    case EventKind::KpiApproved:
    case EventKind::KpiChanged:
    case EventKind::BusinessRuleChanged:
    case EventKind::GlossaryTermUpdated: Q_EMIT entityChanged(event); return;
    case EventKind::MetadataProfileDue: Q_EMIT profileDue(event); return;
    case EventKind::ProfileStarted: Q_EMIT profileStarted(event); return;
    case EventKind::ProfileCompleted:
    case EventKind::ProfileFailed:
    case EventKind::ProfileCancelled: Q_EMIT profileFinished(event); return;
    case EventKind::ProfileSkipped: Q_EMIT profileSkipped(event); return;
    case EventKind::AlertFired:
    case EventKind::AlertResolved: Q_EMIT alertChanged(event); return;
    case EventKind::Unknown: return;
    }
}

} // namespace steward
