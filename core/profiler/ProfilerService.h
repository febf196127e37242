#pragma once

#include "alerts/AlertRules.h"
#include "events/Event.h"
#include "jobs/JobRunner.h"
#include "profiler/ProfileTypes.h"
#include "store/DatabaseUrl.h"

#include <QObject>

namespace steward {
class EventBus;
}

namespace steward::profiler {

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

// Lives on the GUI thread and keeps the priority queue of profile jobs, approval-triggered
// (high) first; runs them one run at a time on its JobRunner (a worker thread with its own
// database connection). Scheduled jobs waiting together share one run, as
// `steward-cli profile --due` does: ProfileRunner scans each table once for all of its
// fields. Progress and runs come back on this thread; events are published on the bus
// after the worker committed them. Never blocks the calling thread.
class ProfilerService : public QObject
{
    Q_OBJECT

public:
    // `signInAs`: on a team database, who the worker's connection acts as (JobRunner).
    ProfilerService(DatabaseUrl metadataUrl, EventBus &bus, jobs::JobRunner::Identity signInAs = {},
                    QObject *parent = nullptr);
    ~ProfilerService() override; // stops the running scan and waits for the worker thread

    // Returns the job id. The cost guard (no automatic re-run within 0.5 days of the
    // last completed run) applies unless bypassCostGuard; a skipped job ends at once
    // with a metadata.profile.skipped event.
    quint64 request(const QUuid &tenantId, const QString &canonicalKey, Trigger trigger, bool highPriority,
                    bool bypassCostGuard);
    // The same from a filled-in job (who asked, sampling); its id, percent and running are ignored.
    quint64 request(ProfileJob job);
    // A queued job leaves the queue; cancelling a running job stops its run, and with it
    // the jobs sharing that run's scan.
    void cancel(quint64 jobId);
    void setTimeLimitMs(qint64 milliseconds);
    QList<ProfileJob> jobs() const; // queued and running, in run order

Q_SIGNALS:
    void jobsChanged();
    void jobStarted(quint64 jobId); // once per job, also for each job sharing a run
    void jobProgress(quint64 jobId, int percent);
    void jobFinished(quint64 jobId, const steward::profiler::ProfileRun &run);
    void jobSkipped(quint64 jobId, const QString &reason);

private:
    struct JobResult;
    int indexOf(quint64 jobId) const;
    QList<ProfileJob> takeNextRun();
    void scheduleNext();
    void startNext();
    void onRunProgress(const QList<quint64> &jobIds, int percent);
    void onRunDone(const QList<ProfileJob> &run, const Result<JobResult> &result);

    jobs::JobRunner m_runner;
    EventBus &m_bus;
    QList<ProfileJob> m_jobs;
    quint64 m_nextId = 1;
    QList<quint64> m_runningJobs; // the jobs of the run on the runner; empty: none
    jobs::JobId m_runningRunnerJob = 0;
    bool m_scheduled = false;
    qint64 m_timeLimitMs = 10 * 60 * 1000;
};

} // namespace steward::profiler
