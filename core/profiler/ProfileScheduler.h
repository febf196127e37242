#pragma once

#include "events/Event.h"
#include "model/Error.h"

#include <QDateTime>
#include <QObject>
#include <functional>

namespace steward {
class Database;
class EventBus;
} // namespace steward

namespace steward::profiler {

class ProfilerService;

// Turns "this field needs a fresh profile" into profiler jobs. Listens on the bus for
// metadata.profile.due (approval of a critical field: trigger approval; of a business
// rule: trigger rule_change; both high priority, cost guard applies) and, when asked,
// requests every field whose tier interval has elapsed (trigger schedule).
class ProfileScheduler : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // `metadata` is a connection of the calling (GUI) thread, used for the due list only.
    ProfileScheduler(EventBus &bus, ProfilerService &profiler, Database &metadata, QObject *parent = nullptr,
                     Clock clock = {});

    // Requests a normal-priority scheduled job for every due field not already queued
    // or running; returns how many.
    Result<int> runDue(const QUuid &tenantId);

Q_SIGNALS:
    // A profile.due event became this job.
    void jobRequested(quint64 jobId, const QString &canonicalKey);

private:
    void onProfileDue(const steward::Event &event);

    ProfilerService &m_profiler;
    Database &m_metadata;
    Clock m_clock;
};

} // namespace steward::profiler
