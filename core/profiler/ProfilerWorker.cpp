#include "profiler/ProfilerWorker.h"

#include "Tr.h"
#include "profiler/ProfileExecution.h"
#include "store/Database.h"

#include <QMutexLocker>
#include <QThread>
#include <exception>

using namespace Qt::StringLiterals;

namespace steward::profiler {

ProfilerWorker::ProfilerWorker(DatabaseUrl metadataUrl, QObject *parent)
    : QObject(parent), m_url(std::move(metadataUrl))
{
}

// Runs in the worker thread (deleteLater at the thread's end), so the connection
// closes in the thread that opened it even when stop() never ran.
ProfilerWorker::~ProfilerWorker() = default;

void ProfilerWorker::cancel(quint64 jobId)
{
    QMutexLocker locker(&m_mutex);
    if (m_runningJob == jobId && jobId != 0)
        m_cancelRunning = true;
    else
        m_cancelled.insert(jobId);
}

void ProfilerWorker::cancelAll()
{
    QMutexLocker locker(&m_mutex);
    m_stopping = true;
    m_cancelRunning = true;
}

void ProfilerWorker::start()
{
    try {
        auto opened = Database::open(m_url);
        if (opened)
            m_metadata = std::move(opened.value());
        else
            m_openError = opened.error().text();
    } catch (const std::exception &exception) {
        m_openError = QString::fromLocal8Bit(exception.what());
    } catch (...) {
        m_openError = CoreTr::tr("the profiler could not open the metadata database");
    }
}

void ProfilerWorker::stop()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
    }
    m_high.clear();
    m_normal.clear();
    try {
        m_metadata.reset();
    } catch (...) {
        // Closing failed; the thread must end all the same.
    }
    thread()->quit();
}

void ProfilerWorker::setTimeLimitMs(qint64 milliseconds)
{
    m_timeLimitMs = std::max<qint64>(1, milliseconds);
}

void ProfilerWorker::enqueue(const ProfileJob &job)
{
    try {
        (job.highPriority ? m_high : m_normal).append(job);
        scheduleNext();
    } catch (...) {
        finishWithError(job, CoreTr::tr("the profiler could not queue the job"));
    }
}

// Picking the next job from the event loop, not right away, lets every request that
// is already waiting join the queue first, so priorities hold.
void ProfilerWorker::scheduleNext()
{
    if (m_scheduled || (m_high.isEmpty() && m_normal.isEmpty()))
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &ProfilerWorker::runNext, Qt::QueuedConnection);
}

void ProfilerWorker::runNext()
{
    m_scheduled = false;
    ProfileJob job;
    {
        QMutexLocker locker(&m_mutex);
        if (m_stopping)
            return;
        QList<quint64> dropped;
        bool found = false;
        while (!found && (!m_high.isEmpty() || !m_normal.isEmpty())) {
            job = (m_high.isEmpty() ? m_normal : m_high).takeFirst();
            if (m_cancelled.remove(job.id))
                dropped.append(job.id);
            else
                found = true;
        }
        if (found) {
            // Marked running under the lock: a cancel from now on stops the scan.
            m_runningJob = job.id;
            m_cancelRunning = false;
        }
        locker.unlock();
        for (quint64 id : std::as_const(dropped))
            Q_EMIT jobDropped(id);
        if (!found)
            return;
    }

    try {
        runJob(job);
    } catch (const std::exception &exception) {
        finishWithError(
            job, CoreTr::tr("the profiler failed unexpectedly: %1").arg(QString::fromLocal8Bit(exception.what())));
    } catch (...) {
        finishWithError(job, CoreTr::tr("the profiler failed unexpectedly"));
    }

    {
        QMutexLocker locker(&m_mutex);
        m_runningJob = 0;
        m_cancelRunning = false;
    }
    scheduleNext();
}

void ProfilerWorker::runJob(const ProfileJob &job)
{
    Q_EMIT jobStarted(job.id);
    if (!m_metadata) {
        finishWithError(job, m_openError.isEmpty() ? CoreTr::tr("the profiler has no metadata database connection")
                                                   : m_openError);
        return;
    }

    ProfileRequest request;
    request.tenantId = job.tenantId;
    request.canonicalKeys = QStringList{job.canonicalKey};
    request.trigger = job.trigger;
    request.bypassCostGuard = job.bypassCostGuard;
    request.actorId = job.actorId;
    request.actorRole = job.actorRole;
    request.options.sampleRows = job.sampleRows;
    request.options.timeLimitMs = m_timeLimitMs;
    request.options.cancel = &m_cancelRunning;
    int lastPercent = -1;
    request.options.progress = [this, &job, &lastPercent](int percent) {
        if (percent == lastPercent)
            return;
        lastPercent = percent;
        Q_EMIT jobProgress(job.id, percent);
    };

    ProfileExecution execution(*m_metadata);
    execution.setCommittedEventsHandler(
        [this, &job](const QList<Event> &events) { Q_EMIT eventsCommitted(job.id, events); });
    auto outcome = execution.execute(request);
    if (!outcome) {
        finishWithError(job, outcome.error().text());
        return;
    }
    if (!outcome.value().runs.isEmpty()) {
        Q_EMIT jobFinished(job.id, outcome.value().runs.constFirst());
        return;
    }
    if (!outcome.value().skipped.isEmpty()) {
        Q_EMIT jobSkipped(job.id, outcome.value().skipped.constFirst().reason);
        return;
    }
    finishWithError(job, CoreTr::tr("the profiler returned no result for this field"));
}

void ProfilerWorker::finishWithError(const ProfileJob &job, const QString &error)
{
    ProfileRun run;
    run.tenantId = job.tenantId;
    run.canonicalKey = job.canonicalKey;
    run.trigger = job.trigger;
    run.status = RunStatus::Failed;
    run.error = error;
    run.createdAt = QDateTime::currentDateTimeUtc();
    Q_EMIT jobFinished(job.id, run);
}

} // namespace steward::profiler
