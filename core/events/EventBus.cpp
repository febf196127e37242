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
    for (const Event &event : events) {
        Q_EMIT eventPublished(event);
        emitTyped(event);
    }
    Q_EMIT batchPublished(events.constFirst().tenantId);
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
