#include "profiler/ProfilerService.h"

#include "events/EventBus.h"
#include "profiler/ProfilerWorker.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace steward::profiler {

ProfilerService::ProfilerService(DatabaseUrl metadataUrl, EventBus &bus, QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new ProfilerWorker(std::move(metadataUrl))), m_bus(bus)
{
    qRegisterMetaType<steward::Event>();
    qRegisterMetaType<QList<steward::Event>>();
    qRegisterMetaType<steward::profiler::ProfileRun>();

    m_thread->setObjectName(u"profiler"_s);
    m_worker->moveToThread(m_thread);
    // The worker opens its connection in its own thread and is deleted there at the end.
    connect(m_thread, &QThread::started, m_worker, &ProfilerWorker::start);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &ProfilerWorker::jobStarted, this, &ProfilerService::onJobStarted, Qt::QueuedConnection);
    connect(m_worker, &ProfilerWorker::jobProgress, this, &ProfilerService::onJobProgress, Qt::QueuedConnection);
    connect(m_worker, &ProfilerWorker::eventsCommitted, this, &ProfilerService::onEventsCommitted,
            Qt::QueuedConnection);
    connect(m_worker, &ProfilerWorker::jobFinished, this, &ProfilerService::onJobFinished, Qt::QueuedConnection);
    connect(m_worker, &ProfilerWorker::jobSkipped, this, &ProfilerService::onJobSkipped, Qt::QueuedConnection);
    connect(m_worker, &ProfilerWorker::jobDropped, this, &ProfilerService::onJobDropped, Qt::QueuedConnection);
    m_thread->start();
}

ProfilerService::~ProfilerService()
{
    // Stop the running scan at its next check, close the worker's connection in its
    // thread, and wait for the thread to end; the worker deletes itself there.
    m_worker->cancelAll();
    ProfilerWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, &ProfilerWorker::stop, Qt::QueuedConnection);
    m_thread->wait();
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

    ProfilerWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, job] { worker->enqueue(job); }, Qt::QueuedConnection);
    Q_EMIT jobsChanged();
    return job.id;
}

void ProfilerService::cancel(quint64 jobId)
{
    const int index = indexOf(jobId);
    if (index < 0)
        return;
    m_worker->cancel(jobId);
    // A queued job leaves the list now; the running one when its cancelled run comes back.
    if (!m_jobs.at(index).running) {
        m_jobs.removeAt(index);
        Q_EMIT jobsChanged();
    }
}

void ProfilerService::setTimeLimitMs(qint64 milliseconds)
{
    ProfilerWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, milliseconds] { worker->setTimeLimitMs(milliseconds); }, Qt::QueuedConnection);
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

void ProfilerService::onJobStarted(quint64 jobId)
{
    const int index = indexOf(jobId);
    if (index < 0)
        return; // cancelled while the worker picked it up: its result still comes
    ProfileJob job = m_jobs.takeAt(index);
    job.running = true;
    m_jobs.prepend(job);
    Q_EMIT jobStarted(jobId);
    Q_EMIT jobsChanged();
}

void ProfilerService::onJobProgress(quint64 jobId, int percent)
{
    const int index = indexOf(jobId);
    if (index < 0)
        return; // a result of a job no longer listed: stale
    m_jobs[index].percent = percent;
    Q_EMIT jobProgress(jobId, percent);
}

void ProfilerService::onEventsCommitted(quint64, const QList<Event> &events)
{
    // Committed means true: published even when the job is no longer listed.
    m_bus.publish(events);
}

void ProfilerService::onJobFinished(quint64 jobId, const ProfileRun &run)
{
    const int index = indexOf(jobId);
    if (index >= 0)
        m_jobs.removeAt(index);
    Q_EMIT jobFinished(jobId, run);
    if (index >= 0)
        Q_EMIT jobsChanged();
}

void ProfilerService::onJobSkipped(quint64 jobId, const QString &reason)
{
    const int index = indexOf(jobId);
    if (index >= 0)
        m_jobs.removeAt(index);
    Q_EMIT jobSkipped(jobId, reason);
    if (index >= 0)
        Q_EMIT jobsChanged();
}

void ProfilerService::onJobDropped(quint64 jobId)
{
    const int index = indexOf(jobId);
    if (index < 0)
        return;
    m_jobs.removeAt(index);
    Q_EMIT jobsChanged();
}

} // namespace steward::profiler
