#include "profiler/SqliteScanEngine.h"

#include "Tr.h"
#include "jobs/PartThreads.h"
#include "profiler/DistinctParts.h"
#include "profiler/SqliteFunctions.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

// SQLite calls the handler every this many virtual machine steps (a few per column and row).
constexpr int kProgressSteps = 4000;
// A table is split for parallel scanning only when each part gets at least this many rows.
constexpr qint64 kMinRowsPerPart = 100'000;

// What SQLite's progress handler of one connection checks; one per thread. `aborted`:
// another part of the same scan stopped, so this one stops too.
struct Watch
{
    ScanControl *control = nullptr;
    const std::atomic_bool *abort = nullptr;
    bool aborted = false;
    std::function<void()> tick;

    bool shouldStop()
    {
        if (control->shouldStop())
            return true;
        aborted = abort && abort->load();
        return aborted;
    }
};

int onProgress(void *data)
{
    auto *watch = static_cast<Watch *>(data);
    if (watch->shouldStop())
        return 1; // interrupts the statement
    if (watch->tick)
        watch->tick();
    return 0;
}

// Installs the progress handler on a connection for as long as it lives.
class WatchedConnection
{
public:
    WatchedConnection(const QSqlDatabase &connection, Watch *watch) : m_handle(SqliteFunctions::handle(connection))
    {
        if (m_handle)
            sqlite3_progress_handler(m_handle, kProgressSteps, onProgress, watch);
    }
    ~WatchedConnection()
    {
        if (m_handle)
            sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
    }
    WatchedConnection(const WatchedConnection &) = delete;
    WatchedConnection &operator=(const WatchedConnection &) = delete;

private:
    sqlite3 *m_handle;
};

QString displayTable(const QString &schema, const QString &table)
{
    return schema.isEmpty() ? table : schema + u'.' + table;
}

bool execute(QSqlQuery &query, const SqlFragment &fragment)
{
    query.setForwardOnly(true);
    if (!query.prepare(fragment.sql))
        return false;
    for (const QVariant &value : fragment.values)
        query.addBindValue(value);
    return query.exec();
}

// The counts of one scan (or one part of it), or the driver's error.
struct ScanOutcome
{
    bool ok = false;
    QList<ColumnCounts> counts;
    QString error;
};

ScanOutcome runScan(const QSqlDatabase &connection, const ScanQueryBuilder &builder, const ScanQuery &scan)
{
    ScanOutcome outcome;
    QSqlQuery query(connection);
    outcome.ok = execute(query, scan.statement) && query.next();
    if (outcome.ok)
        outcome.counts = builder.read(scan, query);
    else
        outcome.error = query.lastError().text();
    return outcome;
}

// A read-only connection to an SQLite source, with the profiler's functions.
Result<std::shared_ptr<SqliteFunctions::ScanState>> openSource(const QString &connectionName, const QString &path)
{
    QSqlDatabase connection = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    connection.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
    connection.setDatabaseName(path);
    if (!connection.open())
        return Error::make(ErrorCode::Unavailable, connection.lastError().text());
    return SqliteFunctions::install(connection);
}

void closeSource(const QString &connectionName)
{
    {
        QSqlDatabase connection = QSqlDatabase::database(connectionName, false);
        if (connection.isOpen())
            connection.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QString nextConnectionName(const QString &prefix)
{
    static QAtomicInt counter;
    return prefix + QString::number(counter.fetchAndAddRelaxed(1));
}

// One part of a split scan, on a connection of its own opened in the calling thread.
ScanOutcome runPart(const QString &path, const ScanQueryBuilder &builder, const ScanQuery &scan,
                    const std::shared_ptr<MemoryBudget> &budget, qint64 expectedRows, Watch watch)
{
    const QString name = nextConnectionName(u"steward-profiler-part-"_s);
    ScanOutcome outcome;
    if (auto state = openSource(name, path)) {
        state.value()->distinctBudget = budget;
        state.value()->distinctExpectedRows = expectedRows;
        const QSqlDatabase connection = QSqlDatabase::database(name, false);
        watch.tick = nullptr;
        const WatchedConnection watched(connection, &watch);
        outcome = runScan(connection, builder, scan);
    } else {
        outcome.error = state.error().text();
    }
    closeSource(name);
    return outcome;
}

} // namespace

bool ScanControl::shouldStop()
{
    if (stop != Stop::None)
        return true;
    if (cancel && cancel->load())
        stop = Stop::Cancelled;
    else if (limitMs > 0 && clock && clock->elapsed() > limitMs)
        stop = Stop::TimedOut;
    return stop != Stop::None;
}

struct SqliteScanEngine::Impl
{
    ~Impl() { closeSource(connectionName); }

    QSqlDatabase connection() const { return QSqlDatabase::database(connectionName, false); }
    ScanOutcome scanInParts(const ScanQueryBuilder &builder, const ScanPlan &plan, const Sampling &sampling,
                            qint64 firstRow, qint64 lastRow, int parts, const std::shared_ptr<MemoryBudget> &budget,
                            Watch &watch);

    QString connectionName;
    DataSource source;
    std::shared_ptr<SqliteFunctions::ScanState> state;
    SqliteScanDialect dialect;
    QHash<QString, bool> rowidTables; // catalog spelling -> has a rowid
};

SqliteScanEngine::SqliteScanEngine(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SqliteScanEngine::~SqliteScanEngine() = default;

Result<std::unique_ptr<ScanEngine>> SqliteScanEngine::open(const DataSource &source)
{
    if (!QFileInfo::exists(source.path))
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the data source %1 points to %2, which does not exist")
                                                       .arg(source.name, source.path));
    auto impl = std::make_unique<Impl>();
    impl->connectionName = nextConnectionName(u"steward-profiler-"_s);
    impl->source = source;
    auto state = openSource(impl->connectionName, source.path);
    if (!state)
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("cannot open the data source %1 (%2): %3")
                                                       .arg(source.name, source.path, state.error().text()));
    impl->state = state.value();
    return std::unique_ptr<ScanEngine>(new SqliteScanEngine(std::move(impl)));
}

Result<std::optional<CatalogTable>> SqliteScanEngine::findTable(const QString &schema, const QString &table)
{
    // An SQLite file is one schema: the one its source names (any, if it names none).
    const QString &sourceSchema = m_impl->source.schemaName;
    if (!schema.isEmpty() && !sourceSchema.isEmpty() && schema.compare(sourceSchema, Qt::CaseInsensitive) != 0
        && schema.compare(u"main"_s, Qt::CaseInsensitive) != 0)
        return Error::make(ErrorCode::NotFound,
                           CoreTr::tr("schema %1 not found in data source %2").arg(schema, m_impl->source.name));
    QSqlQuery query(m_impl->connection());
    auto failed = [&] {
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the scan of %1 failed: %2")
                                                       .arg(displayTable(schema, table), query.lastError().text()));
    };
    // The catalog decides which names exist; only its spellings reach the scan.
    if (!execute(query, m_impl->dialect.catalogTable(schema, table)))
        return failed();
    if (!query.next())
        return std::optional<CatalogTable>();
    CatalogTable found;
    found.name = query.value(0).toString();
    m_impl->rowidTables.insert(found.name, query.value(1).toInt() != 0);
    if (!execute(query, m_impl->dialect.catalogColumns(schema, found.name)))
        return failed();
    while (query.next())
        found.columns.insert(query.value(0).toString().toLower(), query.value(0).toString());
    return std::optional<CatalogTable>(found);
}

Result<TableScan> SqliteScanEngine::scan(const ScanPlan &plan, ScanControl &control)
{
    TableScan result;
    const bool hasRowid = m_impl->rowidTables.value(plan.table, false);
    const QSqlDatabase connection = m_impl->connection();
    Watch watch;
    watch.control = &control;
    const WatchedConnection watched(connection, &watch);
    QSqlQuery query(connection);
    auto failed = [&](const QString &driverError) -> Error {
        if (control.stop != ScanControl::Stop::None)
            return Error::make(ErrorCode::Unavailable, QString());
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the scan of %1 failed: %2")
                                                       .arg(displayTable(plan.schema, plan.table), driverError));
    };

    // Sampling: one row in `every`, so that about sampleRows rows are measured.
    const QString tableReference = m_impl->dialect.tableReference(plan.schema, plan.table);
    if (plan.sampleRows && *plan.sampleRows > 0) {
        if (!execute(query, {u"SELECT COUNT(*) FROM "_s + tableReference, {}}))
            return failed(query.lastError().text());
        result.tableRows = query.next() ? query.value(0).toLongLong() : 0;
        if (result.tableRows > *plan.sampleRows) {
            if (hasRowid)
                result.sampling.every = qint64(std::ceil(double(result.tableRows) / double(*plan.sampleRows)));
            else
                result.sampling.limit = *plan.sampleRows;
        }
    }
    qint64 firstRow = 0;
    qint64 lastRow = -1;
    if (hasRowid) {
        if (!execute(query, m_impl->dialect.rowNumberBounds(tableReference)))
            return failed(query.lastError().text());
        if (query.next() && !query.value(0).isNull()) {
            firstRow = query.value(0).toLongLong();
            lastRow = query.value(1).toLongLong();
        }
    }
    query.finish();
    const qint64 span = std::max<qint64>(0, lastRow - firstRow + 1);
    const qint64 expectedRows = result.sampling.every > 1 ? span / result.sampling.every
                                : result.sampling.limit > 0 ? result.sampling.limit
                                : hasRowid                  ? span
                                                            : 0;

    // Large rowid tables are split in ranges read side by side, one thread each.
    const int threads = plan.scanThreads > 0 ? plan.scanThreads : std::min(4, QThread::idealThreadCount());
    result.parts = hasRowid && result.sampling.limit == 0
                       ? int(std::clamp<qint64>(span / kMinRowsPerPart, 1, std::max(1, threads)))
                       : 1;
    const int parts = result.parts;
    const auto budget = std::make_shared<MemoryBudget>(plan.distinctMemoryBytes);
    m_impl->state->distinctBudget = budget;
    m_impl->state->distinctExpectedRows = expectedRows / parts;
    m_impl->state->rows.store(0);
    watch.tick = [&] {
        if (expectedRows > 0 && control.progress) // the parts advance alike: this one stands for all
            control.progress(std::min(1.0, double(m_impl->state->rows.load() * parts) / double(expectedRows)));
    };
    const ScanQueryBuilder builder(m_impl->dialect);
    const ScanQuery whole = builder.build(plan.schema, plan.table, plan.targets, result.sampling);
    const ScanOutcome outcome =
        parts > 1 ? m_impl->scanInParts(builder, plan, result.sampling, firstRow, lastRow, parts, budget, watch)
                  : runScan(connection, builder, whole);
    watch.tick = nullptr;
    if (!outcome.ok)
        return failed(outcome.error);
    result.columns = whole.columns;
    result.counts = outcome.counts;
    return result;
}

ScanOutcome SqliteScanEngine::Impl::scanInParts(const ScanQueryBuilder &builder, const ScanPlan &plan,
                                                const Sampling &sampling, qint64 firstRow, qint64 lastRow, int parts,
                                                const std::shared_ptr<MemoryBudget> &budget, Watch &watch)
{
    // Each column's distinct counters meet in one DistinctParts, counted together at the end.
    std::vector<std::shared_ptr<DistinctParts>> distincts;
    Partition partition;
    for (int c = 0; c < plan.targets.size(); ++c) {
        distincts.push_back(DistinctParts::open());
        partition.distinctTokens.append(distincts.back()->token());
    }
    const qint64 size = (lastRow - firstRow + parts) / parts;
    QList<ScanQuery> scans;
    for (int p = 0; p < parts; ++p) {
        partition.first = firstRow + p * size;
        partition.last = p == parts - 1 ? lastRow : partition.first + size - 1;
        scans.append(builder.build(plan.schema, plan.table, plan.targets, sampling, partition));
    }

    std::atomic_bool abort{false};
    Watch partWatch = watch;
    partWatch.abort = &abort;
    // The parts check the control from their own threads: a copy each, read-only but
    // for the stop reason, which the caller's control learns from the first part.
    std::vector<ScanControl> partControls(static_cast<std::size_t>(parts), *watch.control);
    std::vector<ScanOutcome> outcomes(static_cast<std::size_t>(parts));
    jobs::PartThreads threads(
        1, parts,
        [&](int p) {
            Watch own = partWatch;
            own.control = &partControls[std::size_t(p)];
            ScanOutcome &outcome = outcomes[std::size_t(p)];
            outcome = runPart(source.path, builder, scans.at(p), budget, state->distinctExpectedRows, own);
            if (!outcome.ok)
                abort = true;
        },
        [&](int p, const Error &error) {
            outcomes[std::size_t(p)].ok = false;
            outcomes[std::size_t(p)].error = error.text();
            abort = true;
        });
    outcomes[0] = runScan(connection(), builder, scans.constFirst());
    if (!outcomes[0].ok)
        abort = true;
    threads.join();
    for (const ScanControl &part : partControls) {
        if (watch.control->stop == ScanControl::Stop::None && part.stop != ScanControl::Stop::None)
            watch.control->stop = part.stop;
    }

    ScanOutcome total;
    for (const ScanOutcome &outcome : outcomes) {
        if (!outcome.ok)
            return outcome;
        for (int c = 0; c < outcome.counts.size(); ++c) {
            if (total.counts.size() <= c)
                total.counts.append(outcome.counts.at(c));
            else
                total.counts[c].add(outcome.counts.at(c));
        }
    }
    for (int c = 0; c < total.counts.size(); ++c) {
        ColumnCounts &counts = total.counts[c];
        counts.distinct = distincts.at(std::size_t(c))->total();
        const QList<RuleCheck> &rules = plan.targets.at(c).rules;
        for (int r = 0; r < rules.size() && r < counts.rulePasses.size(); ++r) {
            if (rules.at(r).rule.type == RuleType::Unique)
                counts.rulePasses[r] = std::min(counts.distinct.count, counts.nonNull);
        }
    }
    total.ok = true;
    return total;
}

} // namespace steward::profiler
