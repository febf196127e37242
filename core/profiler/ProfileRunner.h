#pragma once

#include "model/Error.h"
#include "profiler/ProfileTypes.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace steward {
class Database;
}

namespace steward::profiler {

// Measures fields synchronously on the calling thread: resolves each field's binding
// to a registered data source, checks table and column against the source's catalog,
// and runs ONE pushed-down scan per table computing every metric of every bound column
// of that table. Opens (and owns) a scan engine per data source (ScanEngine: what
// differs between database engines), in this thread.
class ProfileRunner
{
public:
    struct Options
    {
        std::optional<qint64> sampleRows;       // measure about this many rows instead of all
        qint64 timeLimitMs = 10 * 60 * 1000;    // a run over this fails with a clear error
        const std::atomic_bool *cancel = nullptr; // set from another thread to stop a run
        std::function<void(int percent)> progress; // called from this thread
        // Memory the exact distinct counts of one scan may hold together; a column
        // beyond it is estimated with HyperLogLog (recorded in the run's details).
        qint64 distinctMemoryBytes = qint64(256) * 1024 * 1024;
        // Threads one table's scan may use, each on its own rows; 0: one per core, at
        // most 4. Tables under 200,000 rows are scanned by one thread.
        int scanThreads = 0;
    };

    explicit ProfileRunner(Database &metadata);
    ~ProfileRunner();

    // One ProfileRun per requested key (failed runs included, with `error` set: a bad
    // binding or a bad regex fails that field's run, it never throws). The runs are not
    // saved: see ProfileRepository.
    Result<QList<ProfileRun>> run(const QUuid &tenantId, const QStringList &canonicalKeys, Trigger trigger,
                                  const Options &options);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace steward::profiler
