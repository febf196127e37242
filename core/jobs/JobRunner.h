#pragma once

#include "model/Error.h"
#include "store/DatabaseUrl.h"

#include <QHash>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThread;

namespace steward {

class Database;

namespace jobs {

using JobId = quint64; // monotonic: a later job has a larger id (its generation)

struct JobState;
class JobWorker;

// What a job sees while it runs on the worker thread.
class JobContext
{
public:
    // The worker thread's own connection, opened there before the job ran. Only for a
    // runner made with a database URL.
    Database &database() const;
    // True once the owner cancelled the job, discarded it, or shut the runner down.
    bool isCancelled() const;
    // The same as a flag, for code that polls one (profile scans, report writers).
    const std::atomic_bool *cancelFlag() const;
    // Tells the owner's progress callback; a percentage equal to the last one is not sent again.
    void reportProgress(int percent);
    // Runs `work` on the owner's thread, in order with progress and the result, even when
    // the result will be dropped: for facts that hold whatever becomes of the job, such
    // as the events it committed.
    void postToOwner(std::function<void()> work) const;

private:
    friend class JobWorker;
    JobContext(Database *database, std::shared_ptr<JobState> state);

    Database *m_database;
    std::shared_ptr<JobState> m_state;
    int m_lastPercent = -1;
};

// The one way a job runs off the caller's thread: a worker thread (with its own
// database connection, opened and closed in that thread, when given a URL) runs jobs
// one after another in the order they were started. Progress and the outcome come back
// on the thread that owns the runner, over queued calls. Every job's outcome is a
// Result: an exception thrown by the job, or a connection that does not open, arrives
// as its error, never escaping the thread. A job that was discarded (or started before
// discardAll()) is stale: its progress and result are dropped. The owner's callbacks
// run only while the runner lives; destroying it cancels everything, quits the thread
// and waits for it, so keep the runner no longer than what the callbacks touch.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    // A worker thread without a database (computations such as a diff).
    explicit JobRunner(const QString &threadName, QObject *parent = nullptr);
    // A worker thread with its own connection to `url`.
    JobRunner(const QString &threadName, DatabaseUrl url, QObject *parent = nullptr);
    ~JobRunner() override;

    // Queues `work` (callable as Result<T>(JobContext &)) on the worker thread; `done`
    // (callable with const Result<T> &) and `progress` run on this runner's thread.
    // Returns the job's id; 0 after shutdown(), when nothing runs.
    template <typename Work, typename Done>
    JobId start(Work work, Done done, std::function<void(int)> progress = {});

    // The job sees isCancelled(); whatever it returns still comes to `done`.
    void cancel(JobId id);
    // Cancels the job and drops its progress and result.
    void discard(JobId id);
    // Every job started so far becomes stale: cancelled, its progress and result dropped.
    void discardAll();
    // Started jobs whose result has neither arrived nor been dropped.
    bool isBusy() const { return !m_active.isEmpty(); }
    bool isRunning(JobId id) const { return m_active.contains(id); }
    // Cancels and discards every job, quits the worker thread and waits for it to end
    // (the running job finishes first, so jobs should watch isCancelled()). Idempotent.
    void shutdown();

private:
    // A job with its type erased: run() returns the delivery of its result, fail()
    // the delivery of an error in its place.
    struct ErasedJob
    {
        std::function<std::function<void()>(JobContext &)> run;
        std::function<std::function<void()>(const Error &)> fail;
    };
    template <typename T> struct IsResult : std::false_type
    {
    };
    template <typename T> struct IsResult<Result<T>> : std::true_type
    {
    };

    JobRunner(const QString &threadName, std::optional<DatabaseUrl> url, QObject *parent);
    JobId submit(ErasedJob job, std::function<void(int)> progress);
    void deliver(const std::shared_ptr<JobState> &state, const std::function<void()> &delivery);

    friend class JobWorker;
    friend class JobContext;

    QThread *m_thread = nullptr;
    JobWorker *m_worker = nullptr;
    JobId m_lastId = 0;
    QHash<JobId, std::shared_ptr<JobState>> m_active;
};

// Runs `work` here and now, guarded as every job is: an exception it throws becomes the
// error returned. The one place that decides how an unexpected failure is reported.
Status runGuarded(const std::function<void()> &work);

// The same for a job that is small enough for the calling thread: `work` is callable as
// Result<T>() and its Result is returned, an exception turned into its error.
template <typename Work>
auto runHere(Work work) -> std::invoke_result_t<Work &>
{
    using Outcome = std::invoke_result_t<Work &>;
    std::optional<Outcome> outcome;
    if (const Status failed = runGuarded([&] { outcome.emplace(work()); }))
        return Outcome(*failed);
    return std::move(*outcome);
}

template <typename Work, typename Done>
JobId JobRunner::start(Work work, Done done, std::function<void(int)> progress)
{
    using Outcome = std::invoke_result_t<Work &, JobContext &>;
    static_assert(IsResult<Outcome>::value, "a job returns a Result<T>");
    ErasedJob job;
    job.run = [work = std::move(work), done](JobContext &context) mutable -> std::function<void()> {
        auto outcome = std::make_shared<const Outcome>(work(context));
        return [done, outcome] { done(*outcome); };
    };
    job.fail = [done](const Error &error) -> std::function<void()> {
        auto outcome = std::make_shared<const Outcome>(error);
        return [done, outcome] { done(*outcome); };
    };
    return submit(std::move(job), std::move(progress));
}

} // namespace jobs
} // namespace steward
