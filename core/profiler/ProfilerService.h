#pragma once

#include "alerts/AlertRules.h"
#include "events/Event.h"
#include "profiler/ProfileTypes.h"
#include "store/DatabaseUrl.h"

#include <QObject>

class QThread;

namespace steward {
class EventBus;
}

namespace steward::profiler {

class ProfilerWorker;

// A queued or running profile job, as the GUI shows it.
struct ProfileJob
{
    quint64 id = 0;
    QUuid tenantId;
    QString canonicalKey;
    Trigger trigger = Trigger::Manual;
    bool highPriority = false;
    bool bypassCostGuard = false; // "Profile now"
    QString actorId;              // who asked; empty: the profiler itself ("profiler", role "system")
    QString actorRole;
    std::optional<qint64> sampleRows; // measure about this many rows instead of all
    int percent = 0;
    bool running = false;
};

// Lives on the GUI thread; owns the worker thread (with its own database connections)
// that runs jobs from a priority queue, approval-triggered (high) first. Results come
// back over queued signals; their events are published on the bus after the worker
// committed them. Never blocks the calling thread.
class ProfilerService : public QObject
{
    Q_OBJECT

public:
    ProfilerService(DatabaseUrl metadataUrl, EventBus &bus, QObject *parent = nullptr);
    ~ProfilerService() override; // stops the worker and waits for it

    // Returns the job id. The cost guard (no automatic re-run within 0.5 days of the
    // last completed run) applies unless bypassCostGuard; a skipped job ends at once
    // with a metadata.profile.skipped event.
    quint64 request(const QUuid &tenantId, const QString &canonicalKey, Trigger trigger, bool highPriority,
                    bool bypassCostGuard);
    // The same from a filled-in job (who asked, sampling); its id, percent and running are ignored.
    quint64 request(ProfileJob job);
    void cancel(quint64 jobId);
    void setTimeLimitMs(qint64 milliseconds);
    QList<ProfileJob> jobs() const; // queued and running, in run order

Q_SIGNALS:
    void jobsChanged();
    void jobStarted(quint64 jobId);
    void jobProgress(quint64 jobId, int percent);
    void jobFinished(quint64 jobId, const steward::profiler::ProfileRun &run);
    void jobSkipped(quint64 jobId, const QString &reason);

private:
    int indexOf(quint64 jobId) const;
    void onJobStarted(quint64 jobId);
    void onJobProgress(quint64 jobId, int percent);
    void onEventsCommitted(quint64 jobId, const QList<steward::Event> &events);
    void onJobFinished(quint64 jobId, const steward::profiler::ProfileRun &run);
    void onJobSkipped(quint64 jobId, const QString &reason);
    void onJobDropped(quint64 jobId);

    QThread *m_thread;
    ProfilerWorker *m_worker;
    EventBus &m_bus;
    QList<ProfileJob> m_jobs;
    quint64 m_nextId = 1;
};

} // namespace steward::profiler
