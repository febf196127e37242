#pragma once

#include "model/Error.h"
#include "profiler/ScanQueryBuilder.h"

#include <QElapsedTimer>
#include <QHash>

#include <atomic>
#include <functional>
#include <memory>

namespace steward {
struct DataSource;
}

namespace steward::profiler {

// A table as a data source's catalog spells it.
struct CatalogTable
{
    QString name;
    QHash<QString, QString> columns; // lower case -> as spelled
};

// What may stop a scan, checked by the engine while it reads rows, and where it reports
// how far it got.
struct ScanControl
{
    enum class Stop { None, Cancelled, TimedOut };

    const std::atomic_bool *cancel = nullptr; // set from another thread to stop
    const QElapsedTimer *clock = nullptr;     // started when the run began
    qint64 limitMs = 0;                       // > 0: the run stops when the clock passes it
    std::function<void(double fraction)> progress; // of the table read, from the scanning thread
    Stop stop = Stop::None;                   // why the scan stopped, once it did

    // Sets `stop` when the run should stop now.
    bool shouldStop();
};

// One table to measure in one scan.
struct ScanPlan
{
    QString schema;               // as the binding names it (may be empty)
    QString table;                // as the catalog spells it
    QList<ColumnTarget> targets;  // columns as the catalog spells them
    std::optional<qint64> sampleRows; // measure about this many rows instead of all
    qint64 distinctMemoryBytes = qint64(256) * 1024 * 1024;
    int scanThreads = 0;          // 0: the engine decides
};

// What the scan of one table found.
struct TableScan
{
    QList<ScanQuery::Column> columns; // per target
    QList<ColumnCounts> counts;       // per target
    qint64 tableRows = -1;            // counted when sampling
    Sampling sampling;
    int parts = 1;                    // parts of the table read side by side
};

// Where profile scans run: one data source's connection, opened in the thread that
// measures, and everything that differs between engines in running a scan (catalog
// lookups, sampling, splitting a table across threads, interrupting a statement).
// ProfileRunner speaks only to this; each engine's SQL lives in its ScanDialect.
class ScanEngine
{
public:
    virtual ~ScanEngine() = default;

    // The table and its columns as the catalog spells them; nothing when it is absent.
    // Errors are complete sentences for the run.
    virtual Result<std::optional<CatalogTable>> findTable(const QString &schema, const QString &table) = 0;
    // Why this engine cannot measure the field (a rule or format it cannot check, e.g. a
    // regular expression its SQL rejects), or nothing; that field then fails alone.
    virtual std::optional<QString> targetProblem(const ColumnTarget &) { return std::nullopt; }
    // Measures every target of the plan in one scan. A scan stopped by `control` fails
    // with control.stop set; any other failure carries the reason.
    virtual Result<TableScan> scan(const ScanPlan &plan, ScanControl &control) = 0;

    // Opens the engine for the source's driver in this thread, or says why it cannot.
    static Result<std::unique_ptr<ScanEngine>> open(const DataSource &source);
};

} // namespace steward::profiler
