#pragma once

#include "events/Event.h"
#include "profiler/ProfileTypes.h"
#include "profiler/ProfilerService.h"
#include "store/DatabaseUrl.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <atomic>
#include <memory>

namespace steward {
class Database;
}

namespace steward::profiler {

// Runs profile jobs one at a time on the thread it was moved to, with its own metadata
// connection opened and closed in that thread. Approval-triggered (high priority) jobs
// run first, the rest in the order they came. Results leave over signals carrying the
// job id; no exception leaves a slot.
class ProfilerWorker : public QObject
{
    Q_OBJECT

public:
    explicit ProfilerWorker(DatabaseUrl metadataUrl, QObject *parent = nullptr);
    ~ProfilerWorker() override;

    // Thread-safe, callable from any thread: a queued job is dropped before it starts;
    // the running one is told to stop and ends as cancelled.
    void cancel(quint64 jobId);
    // Thread-safe: the running job stops and no further job starts (shutdown).
    void cancelAll();

public Q_SLOTS:
    // Opens the metadata connection; call in the worker thread.
    void start();
    // Closes the connection and quits the worker thread's event loop.
    void stop();
    void enqueue(const steward::profiler::ProfileJob &job);
    void setTimeLimitMs(qint64 milliseconds);

Q_SIGNALS:
    void jobStarted(quint64 jobId);
    void jobProgress(quint64 jobId, int percent);
    // Events the job committed (skipped, started, completed/failed/cancelled), in order.
    void eventsCommitted(quint64 jobId, const QList<steward::Event> &events);
    // The saved run. A run with a null id could not be saved (its error says why).
    void jobFinished(quint64 jobId, const steward::profiler::ProfileRun &run);
    void jobSkipped(quint64 jobId, const QString &reason);
    void jobDropped(quint64 jobId); // cancelled before it started

private:
    void scheduleNext();
    void runNext();
    void runJob(const ProfileJob &job);
    void finishWithError(const ProfileJob &job, const QString &error);

    DatabaseUrl m_url;
    std::unique_ptr<Database> m_metadata;
    QString m_openError;
    QList<ProfileJob> m_high;
    QList<ProfileJob> m_normal;
    bool m_scheduled = false;
    qint64 m_timeLimitMs = 10 * 60 * 1000;

    // Shared with the threads that cancel.
    QMutex m_mutex;
    QSet<quint64> m_cancelled;
    quint64 m_runningJob = 0;
    bool m_stopping = false;
    std::atomic_bool m_cancelRunning{false};
};

} // namespace steward::profiler
