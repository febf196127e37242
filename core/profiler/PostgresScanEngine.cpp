#include "profiler/PostgresScanEngine.h"

#include "Tr.h"
#include "jobs/PartThreads.h"
#include "profiler/PostgresScanQuery.h"

#include <QAtomicInt>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

// Columns with at most this many distinct values (by the catalog's statistics) are
// counted exactly, grouped by value; more, and they are estimated with HyperLogLog.
constexpr qint64 kMaxExactValues = 100'000;
// Bytes of the scan's memory budget one exact value stands for.
constexpr qint64 kBytesPerExactValue = 256;
// A table is split for parallel scanning only when each part gets this many 8 KiB blocks.
constexpr qint64 kMinBlocksPerPart = 1000;
// How often the waiting thread looks at the cancel flag and the clock.
constexpr int kWatchMs = 20;

QString nextConnectionName(const QString &prefix)
{
    static QAtomicInt counter;
    return prefix + QString::number(counter.fetchAndAddRelaxed(1));
}

QString displayTable(const QString &schema, const QString &table)
{
    return schema.isEmpty() ? table : schema + u'.' + table;
}

QString quoted(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

// The server's message, without libpq's decorations.
QString serverMessage(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    text.remove(QRegularExpression(u"^(ERROR|FATAL):\\s*"_s));
    return text.section(u'\n', 0, 0).trimmed();
}

bool execute(QSqlQuery &query, const SqlFragment &fragment)
{
    query.setForwardOnly(true);
    if (fragment.values.isEmpty())
        return query.exec(fragment.sql);
    if (!query.prepare(fragment.sql))
        return false;
    for (const QVariant &value : fragment.values)
        query.addBindValue(value);
    return query.exec();
}

Result<QString> openConnection(const QString &name, const DataSource &source)
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the Qt SQL driver QPSQL is not installed (Debian: libqt6sql6-psql)"));
    QSqlDatabase connection = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
    connection.setHostName(source.host);
    if (source.port)
        connection.setPort(*source.port);
    connection.setDatabaseName(source.databaseName);
    connection.setUserName(source.username);
    connection.setConnectOptions(u"connect_timeout=10;application_name=metadata-steward-profiler"_s);
    if (!connection.open()) {
        const QString where = u"%1@%2:%3/%4"_s.arg(source.username, source.host)
                                  .arg(source.port.value_or(5432))
                                  .arg(source.databaseName);
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("cannot open the data source %1 (%2): %3")
                                                       .arg(source.name, where, serverMessage(connection.lastError())));
    }
    return name;
}

void closeConnection(const QString &name)
{
    {
        QSqlDatabase connection = QSqlDatabase::database(name, false);
        if (connection.isOpen())
            connection.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// A table found in the catalog, as the scan needs it.
struct TableInfo
{
    QString oid;
    QString schema; // as the catalog spells it
    QString name;
    QString kind;   // pg_class.relkind
    QHash<QString, QString> types; // column as spelled -> type name
};

// What every part of one scan shares with the waiting thread.
struct SharedScan
{
    std::mutex mutex;
    std::condition_variable changed;
    QList<qint64> pids; // backends of the parts, once connected
    int finished = 0;
    std::atomic_bool abort{false};
};

// One statement of a scan, run on a connection of its own in a thread of its own;
// `read` takes its result rows (in that thread).
struct Part
{
    SqlFragment statement;
    std::function<void(const QSqlQuery &row)> read;
    bool ok = false;
    QString error;
};

// The settings of a scan's transaction, as set_config values.
struct Settings
{
    qint64 timeoutMs = 0;
    qint64 workMemKb = 16 * 1024;
    QString snapshot; // exported by the first connection; empty: no shared snapshot
};

void runPart(const DataSource &source, Part &part, const Settings &settings, SharedScan &shared)
{
    const QString name = nextConnectionName(u"steward-profiler-pg-part-"_s);
    auto opened = openConnection(name, source);
    if (!opened) {
        part.error = opened.error().text();
    } else {
        QSqlQuery sql(QSqlDatabase::database(name, false));
        auto run = [&](const SqlFragment &fragment) {
            if (execute(sql, fragment))
                return true;
            part.error = serverMessage(sql.lastError());
            return false;
        };
        bool ok = run({u"SELECT pg_backend_pid()"_s, {}}) && sql.next();
        if (ok) {
            const std::lock_guard lock(shared.mutex);
            shared.pids.append(sql.value(0).toLongLong());
        }
        ok = ok && !shared.abort.load();
        if (ok && settings.snapshot.isEmpty())
            ok = run({u"BEGIN READ ONLY"_s, {}});
        if (ok && !settings.snapshot.isEmpty()) // validated: hex digits and dashes only
            ok = run({u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s, {}})
                 && run({u"SET TRANSACTION SNAPSHOT '"_s + settings.snapshot + u'\'', {}});
        // Sorting instead of hashing the grouping sets would sort the table once per
        // column. JIT is the server's choice: on a large table it pays for itself.
        ok = ok && run({u"SELECT set_config('statement_timeout', ?, true), set_config('work_mem', ?, true), "
                        u"set_config('enable_sort', 'off', true), "
                        u"set_config('extra_float_digits', '1', true)"_s,
                        {QString::number(settings.timeoutMs), QString::number(settings.workMemKb) + u"kB"_s}});
        ok = ok && !shared.abort.load() && run(part.statement);
        if (ok) {
            while (sql.next())
                part.read(sql);
            part.ok = true;
        }
        sql.finish();
        execute(sql, {u"ROLLBACK"_s, {}}); // read only: nothing to keep
    }
    closeConnection(name);
    if (part.error.isEmpty() && !part.ok)
        part.error = CoreTr::tr("the scan was stopped");
}

} // namespace

struct PostgresScanEngine::Impl
{
    ~Impl() { closeConnection(connectionName); }

    QSqlDatabase connection() const { return QSqlDatabase::database(connectionName, false); }
    Result<QString> resolveSchema(const QString &schema);
    Error failure(const QString &what, const QSqlQuery &query) const
    {
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the scan of %1 failed: %2").arg(what, serverMessage(query.lastError())));
    }
    QList<PgColumn> plan(const TableInfo &table, const ScanPlan &plan, qint64 catalogRows,
                         const QHash<QString, double> &statistics);
    // Whether PostgreSQL's `~` compiles the pattern and surely reads it as RulePattern
    // does (a conservative subset of the syntax).
    bool serverReads(const QString &pattern);
    // Runs the parts side by side while this thread watches `control`: a stop cancels
    // every part's statement. Fails with the first part's error (empty when stopped).
    Status runParts(std::vector<Part> &parts, const Settings &settings, ScanControl &control, const QString &shown);

    QString connectionName;
    DataSource source;
    int serverVersion = 0;
    int parallelScans = 1; // the server's own parallel degree for one scan (leader and workers)
    QHash<QString, TableInfo> tables;         // binding schema (lower case) + table -> catalog
    QHash<QString, bool> serverPatterns;      // anchored pattern -> serverReads
};

PostgresScanEngine::PostgresScanEngine(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

PostgresScanEngine::~PostgresScanEngine() = default;

Result<std::unique_ptr<ScanEngine>> PostgresScanEngine::open(const DataSource &source)
{
    auto impl = std::make_unique<Impl>();
    impl->connectionName = nextConnectionName(u"steward-profiler-pg-"_s);
    impl->source = source;
    auto opened = openConnection(impl->connectionName, source);
    if (!opened)
        return opened.error();
    QSqlQuery query(impl->connection());
    if (execute(query, {u"SELECT current_setting('server_version_num')::int, "
                        u"current_setting('max_parallel_workers_per_gather')::int"_s,
                        {}})
        && query.next()) {
        impl->serverVersion = query.value(0).toInt();
        impl->parallelScans = std::max(1, query.value(1).toInt() + 1);
    }
    return std::unique_ptr<ScanEngine>(new PostgresScanEngine(std::move(impl)));
}

Result<QString> PostgresScanEngine::Impl::resolveSchema(const QString &schema)
{
    // The binding's schema, else the source's, else the connection's search path.
    const QString wanted = !schema.isEmpty() ? schema : source.schemaName;
    QSqlQuery query(connection());
    const SqlFragment lookup =
        wanted.isEmpty()
            ? SqlFragment{u"SELECT current_schema()"_s, {}}
            : SqlFragment{u"SELECT nspname FROM pg_namespace WHERE nspname = ? OR lower(nspname) = lower(?) "
                          u"ORDER BY nspname = ? DESC, nspname LIMIT 1"_s,
                          {wanted, wanted, wanted}};
    if (!execute(query, lookup))
        return failure(displayTable(schema, QString()), query);
    if (!query.next() || query.value(0).isNull())
        return Error::make(ErrorCode::NotFound,
                           CoreTr::tr("schema %1 not found in data source %2").arg(wanted, source.name));
    return query.value(0).toString();
}

Result<std::optional<CatalogTable>> PostgresScanEngine::findTable(const QString &schema, const QString &table)
{
    auto resolved = m_impl->resolveSchema(schema);
    if (!resolved)
        return resolved.error();
    QSqlQuery query(m_impl->connection());
    // The catalog decides which names exist; only its spellings reach the scan.
    if (!execute(query, {u"SELECT c.oid::text, c.relname, c.relkind::text FROM pg_class c "
                         u"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? "
                         u"AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND (c.relname = ? OR lower(c.relname) = lower(?)) "
                         u"ORDER BY c.relname = ? DESC, c.relname LIMIT 1"_s,
                         {resolved.value(), table, table, table}}))
        return m_impl->failure(displayTable(schema, table), query);
    if (!query.next())
        return std::optional<CatalogTable>();
    TableInfo info{query.value(0).toString(), resolved.value(), query.value(1).toString(), query.value(2).toString(), {}};
    // A domain is measured as its base type; an exact lower-case spelling wins over
    // another spelling of the same name.
    if (!execute(query, {u"SELECT a.attname, COALESCE(b.typname, t.typname) FROM pg_attribute a "
                         u"JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype "
                         u"WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped "
                         u"ORDER BY a.attname = lower(a.attname), a.attnum"_s,
                         {info.oid}}))
        return m_impl->failure(displayTable(schema, table), query);
    CatalogTable found;
    found.name = info.name;
    while (query.next()) {
        found.columns.insert(query.value(0).toString().toLower(), query.value(0).toString());
        info.types.insert(query.value(0).toString(), query.value(1).toString());
    }
    m_impl->tables.insert(schema.toLower() + u'\x1f' + info.name, info);
    return std::optional<CatalogTable>(found);
}

std::optional<QString> PostgresScanEngine::targetProblem(const ColumnTarget &target)
{
    // A regex the server cannot use is no problem: its column is judged by RulePattern
    // (see plan()); one RulePattern refuses is refused with the rule already.
    return PostgresScanQuery::problem(target);
}

bool PostgresScanEngine::Impl::serverReads(const QString &pattern)
{
    // What PCRE2 (as RulePattern runs it) and PostgreSQL's ARE read alike, as far as a
    // whole-value match goes; anything else is judged by RulePattern. Outside brackets
    // `.` matches a newline in ARE only; \w, \s (Unicode in ARE, ASCII in RulePattern), \b
    // (a backspace in ARE), \p, back references and the other letter escapes differ.
    bool inBracket = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\') {
            if (++i == pattern.size())
                return false;
            const QChar escaped = pattern.at(i);
            if (escaped.isLetterOrNumber() && !QStringView(u"dDtnr").contains(escaped))
                return false;
        } else if (inBracket) {
            if (c == u'[' && i + 1 < pattern.size() && QStringView(u":=.").contains(pattern.at(i + 1)))
                return false;
            if (c == u']')
                inBracket = false;
        } else if (c == u'[') {
            inBracket = true;
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u'^')
                ++i;
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u']')
                ++i; // a leading ] is a member
        } else if (c == u'.') {
            return false;
        }
    }
    const QString anchored = PostgresScanQuery::anchoredPattern(pattern);
    const auto known = serverPatterns.constFind(anchored);
    if (known != serverPatterns.cend())
        return *known;
    QSqlQuery query(connection());
    const bool compiles = execute(query, {u"SELECT '' ~ ?"_s, {anchored}});
    serverPatterns.insert(anchored, compiles);
    return compiles;
}

QList<PgColumn> PostgresScanEngine::Impl::plan(const TableInfo &table, const ScanPlan &plan, qint64 catalogRows,
                                               const QHash<QString, double> &statistics)
{
    const qint64 bound = std::min(kMaxExactValues, plan.distinctMemoryBytes / kBytesPerExactValue);
    QList<PgColumn> columns;
    for (const ColumnTarget &target : plan.targets) {
        PgColumn column{target, pgTypeOf(table.types.value(target.column)), true};
        // The statistics' estimate of the column's values (negative: a share of the
        // rows). Without statistics the column is grouped by value: always right, and
        // the client's budget (DistinctCounter) still turns a huge one into an estimate.
        if (const auto found = statistics.constFind(target.column); found != statistics.cend()) {
            const double values = *found >= 0 ? *found : -*found * double(std::max<qint64>(catalogRows, 0));
            column.exact = values <= double(bound);
        } else {
            column.exact = bound > 0;
        }
        // A column grouped by register has its regex checked by the server on every row;
        // a pattern the server reads otherwise makes it grouped by value, judged by
        // RulePattern like every exact column.
        for (const RuleCheck &rule : target.rules) {
            if (!column.exact && rule.rule.type == RuleType::Regex && !serverReads(rule.rule.pattern))
                column.exact = true;
        }
        columns.append(column);
    }
    return columns;
}

Status PostgresScanEngine::Impl::runParts(std::vector<Part> &parts, const Settings &settings, ScanControl &control,
                                          const QString &shown)
{
    SharedScan shared;
    // Each part counts itself finished however it ends, an exception included.
    auto finish = [&](Part &part) {
        if (!part.ok)
            shared.abort = true;
        const std::lock_guard lock(shared.mutex);
        ++shared.finished;
        shared.changed.notify_all();
    };
    jobs::PartThreads workers(
        0, int(parts.size()),
        [&](int p) {
            runPart(source, parts[std::size_t(p)], settings, shared);
            finish(parts[std::size_t(p)]);
        },
        [&](int p, const Error &error) {
            Part &part = parts[std::size_t(p)];
            part.ok = false;
            part.error = error.text();
            finish(part);
        });
    // This thread watches: the cancel flag and the clock stop every part's statement.
    const int count = int(parts.size());
    int reported = -1;
    QSqlQuery query(connection());
    std::unique_lock lock(shared.mutex);
    while (shared.finished < count) {
        if (reported != shared.finished && control.progress && count > 1) {
            reported = shared.finished;
            lock.unlock();
            control.progress(double(reported) / double(count));
            lock.lock();
            continue;
        }
        if (control.shouldStop() || shared.abort.load()) {
            shared.abort = true;
            const QList<qint64> pids = shared.pids;
            lock.unlock();
            // Again on every round: a part may start its statement just after one.
            for (const qint64 pid : pids)
                execute(query, {u"SELECT pg_cancel_backend(?::int)"_s, {pid}});
            lock.lock();
        }
        shared.changed.wait_for(lock, std::chrono::milliseconds(kWatchMs));
    }
    lock.unlock();
    workers.join();

    control.shouldStop(); // a statement_timeout ended it: the clock has passed the limit
    for (const Part &part : parts) {
        if (part.ok)
            continue;
        if (control.stop != ScanControl::Stop::None)
            return Error::make(ErrorCode::Unavailable, QString());
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the scan of %1 failed: %2").arg(shown, part.error));
    }
    return std::nullopt;
}

Result<TableScan> PostgresScanEngine::scan(const ScanPlan &plan, ScanControl &control)
{
    const QString shown = displayTable(plan.schema, plan.table);
    const auto found = m_impl->tables.constFind(plan.schema.toLower() + u'\x1f' + plan.table);
    if (found == m_impl->tables.cend())
        return Error::make(ErrorCode::NotFound, CoreTr::tr("table %1 not found in data source %2")
                                                   .arg(shown, m_impl->source.name));
    const TableInfo &table = *found;
    if (control.shouldStop())
        return Error::make(ErrorCode::Unavailable, QString());
    const QString reference = quoted(table.schema) + u'.' + quoted(table.name);
    const bool isTable = table.kind == u"r"_s || table.kind == u"m"_s;
    QSqlQuery query(m_impl->connection());
    Settings settings;
    auto remainingMs = [&] {
        return control.limitMs > 0 && control.clock ? std::max<qint64>(1, control.limitMs - control.clock->elapsed())
                                                     : qint64(0);
    };

    // What the catalog knows: rows, blocks, and the distinct values of each column.
    qint64 catalogRows = -1;
    qint64 blocks = 0;
    QHash<QString, double> statistics;
    if (!execute(query, {u"SELECT reltuples::bigint, pg_relation_size(oid) / current_setting('block_size')::bigint "
                         u"FROM pg_class WHERE oid = ?::oid"_s,
                         {table.oid}}))
        return m_impl->failure(shown, query);
    if (query.next()) {
        catalogRows = query.value(0).toLongLong();
        blocks = query.value(1).toLongLong();
    }
    if (!execute(query, {u"SELECT attname::text, n_distinct FROM pg_stats WHERE schemaname = ? AND tablename = ?"_s,
                         {table.schema, table.name}}))
        return m_impl->failure(shown, query);
    while (query.next())
        statistics.insert(query.value(0).toString(), query.value(1).toDouble());
    query.finish();

    // Sampling: the table's rows first (a statement stopped like the scan), then about
    // one row in `every`, the same rows in every run of an unchanged table.
    TableScan result;
    SqlFragment from{reference, {}};
    if (plan.sampleRows && *plan.sampleRows > 0) {
        std::vector<Part> counting(1);
        counting.front().statement = {u"SELECT count(*) FROM "_s + reference, {}};
        counting.front().read = [&](const QSqlQuery &row) { result.tableRows = row.value(0).toLongLong(); };
        settings.timeoutMs = remainingMs();
        if (auto failed = m_impl->runParts(counting, settings, control, shown))
            return *failed;
        if (result.tableRows > *plan.sampleRows && isTable) {
            result.sampling.every = qint64(std::ceil(double(result.tableRows) / double(*plan.sampleRows)));
            from = {reference + u" TABLESAMPLE BERNOULLI (?::float8) REPEATABLE (0)"_s,
                    {100.0 / double(result.sampling.every)}};
        } else if (result.tableRows > *plan.sampleRows) {
            result.sampling.limit = *plan.sampleRows;
            from = {u"(SELECT * FROM "_s + reference + u" LIMIT ?::bigint) src"_s, {*plan.sampleRows}};
        }
    }

    // Block ranges read side by side (a TID range scan each, PostgreSQL 14 and later).
    // The server does the work: as many parts as it would scan the table with itself.
    const int threads = plan.scanThreads > 0 ? plan.scanThreads : std::min(4, m_impl->parallelScans);
    const bool splittable = isTable && m_impl->serverVersion >= 140000 && result.sampling.every <= 1;
    result.parts = splittable ? int(std::clamp<qint64>(blocks / kMinBlocksPerPart, 1, std::max(1, threads))) : 1;
    const int parts = result.parts;
    const PostgresScanQuery scanQuery(m_impl->plan(table, plan, catalogRows, statistics));
    const auto budget = std::make_shared<MemoryBudget>(plan.distinctMemoryBytes);
    // Server memory for the grouping sets' hash tables; beyond it they spill to disk.
    settings.workMemKb = std::clamp<qint64>(plan.distinctMemoryBytes / parts / 1024, 16 * 1024, 256 * 1024);
    settings.timeoutMs = remainingMs();
    bool exported = false;
    if (parts > 1) {
        // One snapshot for every part: together they read one state of the table.
        exported = execute(query, {u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s, {}})
                   && execute(query, {u"SELECT pg_export_snapshot()"_s, {}}) && query.next();
        if (!exported)
            return m_impl->failure(shown, query);
        settings.snapshot = query.value(0).toString();
        query.finish();
        if (!QRegularExpression(u"^[0-9A-Fa-f-]+$"_s).match(settings.snapshot).hasMatch()) {
            execute(query, {u"ROLLBACK"_s, {}});
            return Error::make(ErrorCode::Unavailable,
                               CoreTr::tr("the scan of %1 failed: unexpected snapshot name").arg(shown));
        }
    }
    std::vector<std::vector<PgPartCounts>> counts(static_cast<std::size_t>(parts));
    std::vector<Part> scans(static_cast<std::size_t>(parts));
    const qint64 size = (blocks + parts - 1) / parts;
    for (int p = 0; p < parts; ++p) {
        SqlFragment where;
        QStringList bounds;
        if (p > 0) {
            bounds.append(u"ctid >= format('(%s,0)', ?::bigint)::tid"_s);
            where.values.append(p * size);
        }
        if (p < parts - 1) { // the last part takes every block from its first on
            bounds.append(u"ctid < format('(%s,0)', ?::bigint)::tid"_s);
            where.values.append((p + 1) * size);
        }
        where.sql = bounds.join(u" AND "_s);
        Part &part = scans[std::size_t(p)];
        part.statement = scanQuery.statement(from, where);
        counts[std::size_t(p)] = scanQuery.emptyCounts(budget);
        part.read = [&scanQuery, &mine = counts[std::size_t(p)]](const QSqlQuery &row) { scanQuery.read(row, mine); };
    }
    const Status failed = m_impl->runParts(scans, settings, control, shown);
    if (exported)
        execute(query, {u"ROLLBACK"_s, {}});
    if (failed)
        return *failed;

    std::vector<PgPartCounts> &total = counts.front();
    for (std::size_t p = 1; p < counts.size(); ++p) {
        for (std::size_t c = 0; c < total.size(); ++c)
            total[c].merge(counts[p][c]);
    }
    if (control.progress)
        control.progress(1.0);
    result.columns = scanQuery.columns();
    result.counts = scanQuery.finish(total);
    return result;
}

} // namespace steward::profiler
