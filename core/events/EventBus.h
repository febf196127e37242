#pragma once

#include "events/Event.h"

#include <QList>
#include <QObject>

namespace steward {

// The in-process event bus. Services publish only after their transaction has
// committed, so a subscriber never sees an event for a change that was rolled back.
// Every event goes out on eventPublished (the audit trail); subscribers that care about
// some kinds connect to the typed signals and switch on Event::kind(), never on names.
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

    // Typed subscriptions, each right after eventPublished for the events of its kinds.
    void approvalRequested(const steward::Event &event); // approval.requested
    void approvalDecided(const steward::Event &event);   // approval.approved, .rejected, .cancelled
    void entityChanged(const steward::Event &event);     // metadata/kpi/business_rule/glossary changes
    void profileDue(const steward::Event &event);        // metadata.profile.due
    void profileStarted(const steward::Event &event);    // metadata.profile.started
    void profileFinished(const steward::Event &event);   // metadata.profile.completed, .failed, .cancelled
    void profileSkipped(const steward::Event &event);    // metadata.profile.skipped
    void alertChanged(const steward::Event &event);      // alert.fired, alert.resolved

private:
    void emitTyped(const Event &event);
};

} // namespace steward
