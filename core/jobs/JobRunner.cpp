#include "jobs/JobRunner.h"

#include "Tr.h"
#include "store/Database.h"

#include <QThread>
#include <exception>

using namespace Qt::StringLiterals;

namespace steward::jobs {

// Shared by the owner's thread and the worker thread. The flags are atomic; the progress
// callback is only ever called on the owner's thread.
struct JobState
{
    JobId id = 0;
    std::atomic_bool cancelled{false};
    std::atomic_bool discarded{false};
    std::function<void(int)> progress;
    // Outlives the worker thread: its destructor waits for the thread before it goes.
    JobRunner *owner = nullptr;
};

// Lives in the worker thread: runs the jobs and owns the thread's connection, which it
// opens on the first job and closes when it is deleted there at the thread's end.
class JobWorker : public QObject
{
public:
    explicit JobWorker(std::optional<DatabaseUrl> url) : m_url(std::move(url)) {}
    ~JobWorker() override = default;

    void run(const std::shared_ptr<JobState> &state, const JobRunner::ErasedJob &job)
    {
        if (state->discarded)
            return; // stale before it started: nobody wants it
        std::function<void()> delivery;
        const Status failed = runGuarded([&] {
            if (const Status notOpened = openDatabase()) {
                delivery = job.fail(*notOpened);
                return;
            }
            JobContext context(m_database.get(), state);
            delivery = job.run(context);
        });
        // Even wording the failure as the job's error may not throw out of the thread.
        if (failed && runGuarded([&] { delivery = job.fail(*failed); }))
            delivery = {};
        JobRunner *owner = state->owner;
        QMetaObject::invokeMethod(
            owner, [owner, state, delivery] { owner->deliver(state, delivery); }, Qt::QueuedConnection);
    }

private:
    Status openDatabase()
    {
        if (!m_url || m_database)
            return std::nullopt;
        auto opened = Database::open(*m_url);
        if (!opened)
            return opened.error(); // tried again with the next job
        m_database = std::move(opened.value());
        return std::nullopt;
    }

    std::optional<DatabaseUrl> m_url;
    std::unique_ptr<Database> m_database;
};

Status runGuarded(const std::function<void()> &work)
{
    try {
        work();
        return std::nullopt;
    } catch (const std::exception &exception) {
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the background task failed unexpectedly: %1")
                                                       .arg(QString::fromLocal8Bit(exception.what())));
    } catch (...) {
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the background task failed unexpectedly"));
    }
}

JobContext::JobContext(Database *database, std::shared_ptr<JobState> state)
    : m_database(database), m_state(std::move(state))
{
}

Database &JobContext::database() const
{
    Q_ASSERT_X(m_database, "JobContext::database", "the runner was made without a database URL");
    return *m_database;
}

bool JobContext::isCancelled() const
{
    return m_state->cancelled.load();
}

const std::atomic_bool *JobContext::cancelFlag() const
{
    return &m_state->cancelled;
}

void JobContext::reportProgress(int percent)
{
    if (percent == m_lastPercent || !m_state->progress)
        return;
    m_lastPercent = percent;
    QMetaObject::invokeMethod(
        m_state->owner,
        [state = m_state, percent] {
            if (!state->discarded && state->progress)
                state->progress(percent);
        },
        Qt::QueuedConnection);
}

void JobContext::postToOwner(std::function<void()> work) const
{
    if (work)
        QMetaObject::invokeMethod(m_state->owner, std::move(work), Qt::QueuedConnection);
}

JobRunner::JobRunner(const QString &threadName, QObject *parent) : JobRunner(threadName, std::nullopt, parent) {}

JobRunner::JobRunner(const QString &threadName, DatabaseUrl url, QObject *parent)
    : JobRunner(threadName, std::optional<DatabaseUrl>(std::move(url)), parent)
{
}

JobRunner::JobRunner(const QString &threadName, std::optional<DatabaseUrl> url, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_worker(new JobWorker(std::move(url)))
{
    m_thread->setObjectName(threadName);
    m_worker->moveToThread(m_thread);
    // Deleted in its own thread once the loop ends, so the connection closes where it opened.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

JobRunner::~JobRunner()
{
    shutdown();
}

JobId JobRunner::submit(ErasedJob job, std::function<void(int)> progress)
{
    if (!m_thread)
        return 0;
    auto state = std::make_shared<JobState>();
    state->id = ++m_lastId;
    state->progress = std::move(progress);
    state->owner = this;
    m_active.insert(state->id, state);
    JobWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, state, job = std::move(job)] { worker->run(state, job); },
        Qt::QueuedConnection);
    return state->id;
}

void JobRunner::deliver(const std::shared_ptr<JobState> &state, const std::function<void()> &delivery)
{
    m_active.remove(state->id);
    if (state->discarded || !delivery)
        return;
    delivery();
}

void JobRunner::cancel(JobId id)
{
    if (const auto state = m_active.value(id))
        state->cancelled = true;
}

void JobRunner::discard(JobId id)
{
    if (const auto state = m_active.take(id)) {
        state->cancelled = true;
        state->discarded = true;
    }
}

void JobRunner::discardAll()
{
    for (const auto &state : std::as_const(m_active)) {
        state->cancelled = true;
        state->discarded = true;
    }
    m_active.clear();
}

void JobRunner::shutdown()
{
    if (!m_thread)
        return;
    discardAll();
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr; // deleted in its thread when the loop ended
}

} // namespace steward::jobs
