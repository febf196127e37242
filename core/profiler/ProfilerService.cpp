#include "profiler/ProfilerService.h"

#include "Tr.h"
#include "events/EventBus.h"
#include "profiler/ProfileExecution.h"

using namespace Qt::StringLiterals;

namespace steward::profiler {

// What one job's run on the worker thread comes back with.
struct ProfilerService::JobResult
{
    std::optional<ProfileRun> run; // saved (or, with a null id, not saved: its error says why)
    QString skippedReason;         // the cost guard kept it from running
};

namespace {

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

ProfilerService::ProfilerService(DatabaseUrl metadataUrl, EventBus &bus, QObject *parent)
    : QObject(parent), m_runner(u"profiler"_s, std::move(metadataUrl)), m_bus(bus)
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
    // A queued job leaves the list now; the running one when its cancelled run comes back.
    if (jobId == m_runningJob) {
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
    if (m_scheduled || m_runningJob != 0)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &ProfilerService::startNext, Qt::QueuedConnection);
}

void ProfilerService::startNext()
{
    m_scheduled = false;
    if (m_runningJob != 0 || m_jobs.isEmpty())
        return;
    ProfileJob &next = m_jobs.first(); // queued in run order
    next.running = true;
    const ProfileJob job = next;
    m_runningJob = job.id;

    ProfileRequest request;
    request.tenantId = job.tenantId;
    request.canonicalKeys = QStringList{job.canonicalKey};
    request.trigger = job.trigger;
    request.bypassCostGuard = job.bypassCostGuard;
    request.actorId = job.actorId;
    request.actorRole = job.actorRole;
    request.options.sampleRows = job.sampleRows;
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
            JobResult result;
            if (!outcome.value().runs.isEmpty())
                result.run = outcome.value().runs.constFirst();
            else if (!outcome.value().skipped.isEmpty())
                result.skippedReason = outcome.value().skipped.constFirst().reason;
            else
                return Error::make(ErrorCode::Unavailable,
                                   CoreTr::tr("the profiler returned no result for this field"));
            return result;
        },
        [this, job](const Result<JobResult> &result) { onJobDone(job, result); },
        [this, id = job.id](int percent) { onJobProgress(id, percent); });
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

void ProfilerService::onJobProgress(quint64 jobId, int percent)
{
    const int index = indexOf(jobId);
    if (index < 0)
        return;
    m_jobs[index].percent = percent;
    Q_EMIT jobProgress(jobId, percent);
}

void ProfilerService::onJobDone(const ProfileJob &job, const Result<JobResult> &result)
{
    m_runningJob = 0;
    m_runningRunnerJob = 0;
    const int index = indexOf(job.id);
    if (index >= 0)
        m_jobs.removeAt(index);
    if (!result)
        Q_EMIT jobFinished(job.id, failedRun(job, result.error().text()));
    else if (result.value().run)
        Q_EMIT jobFinished(job.id, *result.value().run);
    else
        Q_EMIT jobSkipped(job.id, result.value().skippedReason);
    Q_EMIT jobsChanged();
    scheduleNext();
}

} // namespace steward::profiler
