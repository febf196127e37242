#include "profiler/ProfilerService.h"

#include "Tr.h"
#include "events/EventBus.h"
#include "profiler/ProfileExecution.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::profiler {

// What one run on the worker thread comes back with, for its jobs' fields.
struct ProfilerService::JobResult
{
    QList<ProfileRun> runs;      // saved (or, with a null id, not saved: its error says why)
    QList<SkippedField> skipped; // the cost guard kept them from running
};

namespace {

// Jobs that may share one run: what ProfileExecution takes once for all of its keys is
// the same. Only scheduled jobs do; a job somebody asked for runs on its own.
bool shareRun(const ProfileJob &a, const ProfileJob &b)
{
    return a.trigger == Trigger::Schedule && b.trigger == Trigger::Schedule && a.tenantId == b.tenantId &&
           a.highPriority == b.highPriority && a.bypassCostGuard == b.bypassCostGuard && a.actorId == b.actorId &&
           a.actorRole == b.actorRole && a.sampleRows == b.sampleRows;
}

ProfileRun failedRun(const ProfileJob &job, const QString &error)
{
    ProfileRun run;
    run.tenantId = job.tenantId;
    run.canonicalKey = job.canonicalKey;
    run.trigger = job.trigger;
    run.status = RunStatus::Failed;
    run.error = error;
    run.createdAt = QDateTime::currentDateTimeUtc();
    return run;
}

} // namespace

ProfilerService::ProfilerService(DatabaseUrl metadataUrl, EventBus &bus, jobs::JobRunner::Identity signInAs,
                                 QObject *parent)
    : QObject(parent), m_runner(u"profiler"_s, std::move(metadataUrl), std::move(signInAs)), m_bus(bus)
{
    qRegisterMetaType<steward::profiler::ProfileRun>();
}

ProfilerService::~ProfilerService()
{
    // Stops the running scan at its next check and waits for the worker thread; its
    // connection closes there.
    m_runner.shutdown();
}

quint64 ProfilerService::request(const QUuid &tenantId, const QString &canonicalKey, Trigger trigger, bool highPriority,
                                 bool bypassCostGuard)
{
    ProfileJob job;
    job.tenantId = tenantId;
    job.canonicalKey = canonicalKey;
    job.trigger = trigger;
    job.highPriority = highPriority;
    job.bypassCostGuard = bypassCostGuard;
    return request(std::move(job));
}

quint64 ProfilerService::request(ProfileJob job)
{
    job.id = m_nextId++;
    job.percent = 0;
    job.running = false;

    // Run order: the running job, then high priority, then normal, each first come first served.
    qsizetype position = m_jobs.size();
    if (job.highPriority) {
        position = 0;
        while (position < m_jobs.size() && (m_jobs.at(position).running || m_jobs.at(position).highPriority))
            ++position;
    }
    m_jobs.insert(position, job);
    Q_EMIT jobsChanged();
    scheduleNext();
    return job.id;
}

void ProfilerService::cancel(quint64 jobId)
{
    const int index = indexOf(jobId);
    if (index < 0)
        return;
    // A queued job leaves the list now; a running one when its cancelled run comes back.
    if (m_runningJobs.contains(jobId)) {
        m_runner.cancel(m_runningRunnerJob);
        return;
    }
    m_jobs.removeAt(index);
    Q_EMIT jobsChanged();
}

// The next job starts from the event loop, not right away, so every request already
// waiting joins the queue first and priorities hold.
void ProfilerService::scheduleNext()
{
    if (m_scheduled || !m_runningJobs.isEmpty())
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &ProfilerService::startNext, Qt::QueuedConnection);
}

// The first queued job and every queued job that may share its run, marked running and
// moved to the front of the queue in that order.
QList<ProfileJob> ProfilerService::takeNextRun()
{
    QList<ProfileJob> run{m_jobs.takeFirst()};
    for (qsizetype index = 0; index < m_jobs.size();) {
        if (shareRun(run.constFirst(), m_jobs.at(index)))
            run.append(m_jobs.takeAt(index));
        else
            ++index;
    }
    for (qsizetype index = run.size() - 1; index >= 0; --index) {
        run[index].running = true;
        m_jobs.prepend(run.at(index));
    }
    return run;
}

void ProfilerService::startNext()
{
    m_scheduled = false;
    if (!m_runningJobs.isEmpty() || m_jobs.isEmpty())
        return;
    const QList<ProfileJob> run = takeNextRun(); // queued in run order
    const ProfileJob &first = run.constFirst();
    ProfileRequest request;
    request.tenantId = first.tenantId;
    for (const ProfileJob &job : run) {
        request.canonicalKeys.append(job.canonicalKey);
        m_runningJobs.append(job.id);
    }
    request.trigger = first.trigger;
    request.bypassCostGuard = first.bypassCostGuard;
    request.actorId = first.actorId;
    request.actorRole = first.actorRole;
    request.options.sampleRows = first.sampleRows;
    request.options.timeLimitMs = m_timeLimitMs;
    EventBus *bus = &m_bus;

    m_runningRunnerJob = m_runner.start(
        [request, bus](jobs::JobContext &context) mutable -> Result<JobResult> {
            request.options.cancel = context.cancelFlag();
            request.options.progress = [&context](int percent) { context.reportProgress(percent); };
            ProfileExecution execution(context.database());
            // Committed means true: published even when nobody waits for the run any more.
            execution.setCommittedEventsHandler([&context, bus](const QList<Event> &events) {
                context.postToOwner([bus, events] { bus->publish(events); });
            });
            auto outcome = execution.execute(request);
            if (!outcome)
                return outcome.error();
            return JobResult{outcome.value().runs, outcome.value().skipped};
        },
        [this, run](const Result<JobResult> &result) { onRunDone(run, result); },
        [this, ids = m_runningJobs](int percent) { onRunProgress(ids, percent); });
    for (const ProfileJob &job : run)
        Q_EMIT jobStarted(job.id);
    Q_EMIT jobsChanged();
}

void ProfilerService::setTimeLimitMs(qint64 milliseconds)
{
    m_timeLimitMs = std::max<qint64>(1, milliseconds);
}

QList<ProfileJob> ProfilerService::jobs() const
{
    return m_jobs;
}

int ProfilerService::indexOf(quint64 jobId) const
{
    for (int index = 0; index < m_jobs.size(); ++index) {
        if (m_jobs.at(index).id == jobId)
            return index;
    }
    return -1;
}

void ProfilerService::onRunProgress(const QList<quint64> &jobIds, int percent)
{
    // The jobs of one run share its scan, and so its progress.
    for (const quint64 jobId : jobIds) {
        const int index = indexOf(jobId);
        if (index < 0)
            continue;
        m_jobs[index].percent = percent;
        Q_EMIT jobProgress(jobId, percent);
    }
}

void ProfilerService::onRunDone(const QList<ProfileJob> &run, const Result<JobResult> &result)
{
    m_runningJobs.clear();
    m_runningRunnerJob = 0;
    for (const ProfileJob &job : run) {
        const int index = indexOf(job.id);
        if (index >= 0)
            m_jobs.removeAt(index);
    }
    for (const ProfileJob &job : run) {
        if (!result) {
            Q_EMIT jobFinished(job.id, failedRun(job, result.error().text()));
            continue;
        }
        const auto measured = std::find_if(result.value().runs.cbegin(), result.value().runs.cend(),
                                           [&](const ProfileRun &r) { return r.canonicalKey == job.canonicalKey; });
        const auto skipped = std::find_if(result.value().skipped.cbegin(), result.value().skipped.cend(),
                                          [&](const SkippedField &f) { return f.canonicalKey == job.canonicalKey; });
        if (measured != result.value().runs.cend())
            Q_EMIT jobFinished(job.id, *measured);
        else if (skipped != result.value().skipped.cend())
            Q_EMIT jobSkipped(job.id, skipped->reason);
        else
            Q_EMIT jobFinished(job.id, failedRun(job, CoreTr::tr("the profiler returned no result for this field")));
    }
    Q_EMIT jobsChanged();
    scheduleNext();
}

} // namespace steward::profiler
