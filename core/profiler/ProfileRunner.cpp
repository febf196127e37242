#include "profiler/ProfileRunner.h"

#include "Tr.h"
#include "json/JsonParser.h"
#include "model/Approval.h"
#include "model/RuleDefinition.h"
#include "profiler/QualityScore.h"
#include "profiler/ScanQueryBuilder.h"
#include "profiler/SqliteFunctions.h"
#include "store/DataSourceRepository.h"
#include "store/Database.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

#include <climits>
#include <cmath>
#include <tuple>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

// A field on its way to being measured: its target, or why it cannot be.
struct Field
{
    ColumnTarget target;
    QString source;
    QString schema;
    QString table;
    QString error; // set: the run fails with it, without a scan
};

// Why a statement was interrupted, decided in the progress handler.
enum class Stop { None, Cancelled, TimedOut, Aborted };

// What SQLite's progress handler of one connection checks; one per thread.
struct Watch
{
    const std::atomic_bool *cancel = nullptr;
    const std::atomic_bool *abort = nullptr; // another part of the same scan stopped
    const QElapsedTimer *clock = nullptr;
    qint64 limitMs = 0;
    Stop stop = Stop::None;
    std::function<void()> tick;

    bool shouldStop()
    {
        if (cancel && cancel->load())
            stop = Stop::Cancelled;
        else if (limitMs > 0 && clock->elapsed() > limitMs)
            stop = Stop::TimedOut;
        else if (abort && abort->load())
            stop = Stop::Aborted;
        return stop != Stop::None;
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

// SQLite calls the handler every this many virtual machine steps (a few per column and row).
constexpr int kProgressSteps = 4000;
// A table is split for parallel scanning only when each part gets at least this many rows.
constexpr qint64 kMinRowsPerPart = 100'000;

QString displayTable(const QString &schema, const QString &table)
{
    return schema.isEmpty() ? table : schema + u'.' + table;
}

QString timeLimitError(qint64 limitMs)
{
    return CoreTr::tr("ran longer than the limit of %1 s").arg(QString::number(double(limitMs) / 1000.0, 'g', 6));
}

// How the runs of a stopped scan end.
std::pair<RunStatus, QString> stopped(const Watch &watch)
{
    if (watch.stop == Stop::Cancelled)
        return {RunStatus::Cancelled, CoreTr::tr("the run was cancelled")};
    return {RunStatus::Failed, timeLimitError(watch.limitMs)};
}

QJsonObject bindingJson(const Field &field)
{
    return {{u"source"_s, field.source},
            {u"schema"_s, field.schema},
            {u"table"_s, field.table},
            {u"column"_s, field.target.column}};
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

// One part of a split scan, on a connection of its own opened in the calling thread.
ScanOutcome runPart(const QString &path, const ScanQueryBuilder &builder, const ScanQuery &scan,
                    const std::shared_ptr<MemoryBudget> &budget, Watch watch)
{
    static QAtomicInt counter;
    const QString name = u"steward-profiler-part-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    ScanOutcome outcome;
    if (auto state = openSource(name, path)) {
        state.value()->distinctBudget = budget;
        const QSqlDatabase connection = QSqlDatabase::database(name, false);
        sqlite3 *handle = SqliteFunctions::handle(connection);
        watch.tick = nullptr;
        sqlite3_progress_handler(handle, kProgressSteps, onProgress, &watch);
        outcome = runScan(connection, builder, scan);
        sqlite3_progress_handler(handle, 0, nullptr, nullptr);
    } else {
        outcome.error = state.error().text();
    }
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
    return outcome;
}

} // namespace

struct ProfileRunner::Impl
{
    explicit Impl(Database &database) : metadata(database) {}
    ~Impl()
    {
        for (const Warehouse &warehouse : std::as_const(warehouses)) {
            {
                QSqlDatabase connection = QSqlDatabase::database(warehouse.connectionName, false);
                if (connection.isOpen())
                    connection.close();
            }
            QSqlDatabase::removeDatabase(warehouse.connectionName);
        }
    }

    // A data source's connection, opened in this thread, with the profiler's functions.
    struct Warehouse
    {
        QString connectionName;
        DataSource source;
        std::shared_ptr<SqliteFunctions::ScanState> state;
        QString error; // the source cannot be profiled
    };

    // Where the bound columns of one table stand before the scan.
    struct TablePlan
    {
        QString table; // as the catalog spells it
        QList<ColumnTarget> targets;
        QList<int> measured; // field index per target
        Sampling sampling;
        qint64 tableRows = -1; // counted when sampling
        qint64 expectedRows = 0;
        qint64 firstRow = 0; // rowid range, for splitting
        qint64 lastRow = -1;
        int parts = 1; // rowid ranges scanned side by side
    };

    Result<QList<Field>> loadFields(const QUuid &tenantId, const QStringList &keys) const;
    Warehouse &warehouse(const QUuid &tenantId, const QString &sourceName);
    void measureTable(const QList<int> &members, QList<Field> &fields, QList<ProfileRun> &runs, Warehouse &warehouse,
                      const Options &options, Watch &watch, const std::function<void(double)> &progress);
    ScanOutcome scanInParts(Warehouse &warehouse, const ScanQueryBuilder &builder, const Field &first,
                            const TablePlan &plan, int parts, const std::shared_ptr<MemoryBudget> &budget,
                            Watch &watch);
    void record(const QList<Field> &fields, const TablePlan &plan, const QList<ScanQuery::Column> &columns,
                const QList<ColumnCounts> &counts, qint64 durationMs, QList<ProfileRun> &runs) const;

    Database &metadata;
    QHash<QString, Warehouse> warehouses;
    SqliteScanDialect dialect;
};

Result<QList<Field>> ProfileRunner::Impl::loadFields(const QUuid &tenantId, const QStringList &keys) const
{
    QList<Field> fields;
    for (const QString &key : keys) {
        Field field;
        field.target.canonicalKey = key;
        auto row = metadata.run(u"SELECT entity_urn, tier, domain, data_type, format, binding "
                                u"FROM mdm_global_metadata WHERE tenant_id = ? AND canonical_key = ?"_s,
                                {uuidText(tenantId), key});
        if (!row)
            return row.error();
        if (!row.value().next()) {
            field.error = CoreTr::tr("no field \"%1\" in this tenant").arg(key);
            fields.append(field);
            continue;
        }
        const QSqlQuery &values = row.value();
        field.target.entityUrn = values.value(0).toString();
        // A run needs a tier to be stored with: an unknown one fails it, saying which.
        if (const auto tier = storedValue(tierFromString, u"mdm_global_metadata.tier"_s, values.value(1).toString()))
            field.target.tier = tier.value();
        else
            field.error = tier.error().text();
        field.target.domain = values.value(2).toString();
        field.target.dataType = values.value(3).toString();
        field.target.format = values.value(4).toString();
        const QJsonObject binding = QJsonDocument::fromJson(values.value(5).toString().toUtf8()).object();
        field.source = binding.value(u"source"_s).toString();
        field.schema = binding.value(u"schema"_s).toString();
        field.table = binding.value(u"table"_s).toString();
        field.target.column = binding.value(u"column"_s).toString();
        if (field.error.isEmpty() && binding.isEmpty())
            field.error = CoreTr::tr("the field has no binding to a physical column");
        else if (field.error.isEmpty()
                 && (field.source.isEmpty() || field.table.isEmpty() || field.target.column.isEmpty()))
            field.error = CoreTr::tr("the binding is incomplete: it needs a source, a table and a column");

        auto rules = metadata.run(u"SELECT canonical_key, rule_type, definition FROM mdm_business_rule "
                                  u"WHERE tenant_id = ? AND applies_to = ? AND status = 'active' "
                                  u"ORDER BY canonical_key"_s,
                                  {uuidText(tenantId), key});
        if (!rules)
            return rules.error();
        while (rules.value().next()) {
            // The rule as the payload validator accepted it: a stored one it would
            // refuse fails its field alone instead of failing the whole scan.
            const QString ruleKey = rules.value().value(0).toString();
            auto definition = json::parse(rules.value().value(2).toString().toUtf8());
            const QVariant ruleType = rules.value().value(1);
            auto rule = definition ? RuleDefinition::parse(ruleType.isNull() ? json::Node::null()
                                                                             : json::Node::string(ruleType.toString()),
                                                           definition.value())
                                   : Result<RuleDefinition>(definition.error());
            if (!rule) {
                if (field.error.isEmpty())
                    field.error = CoreTr::tr("rule %1: %2").arg(ruleKey, rule.error().text());
                continue;
            }
            field.target.rules.append(RuleCheck{ruleKey, rule.value()});
        }
        fields.append(field);
    }
    return fields;
}

ProfileRunner::Impl::Warehouse &ProfileRunner::Impl::warehouse(const QUuid &tenantId, const QString &sourceName)
{
    if (auto found = warehouses.find(sourceName); found != warehouses.end())
        return *found;
    static QAtomicInt counter;
    Warehouse &opened = warehouses[sourceName];
    opened.connectionName = u"steward-profiler-%1"_s.arg(counter.fetchAndAddRelaxed(1));

    auto source = DataSourceRepository(metadata).find(tenantId, sourceName);
    if (!source) {
        opened.error = source.error().text();
        return opened;
    }
    if (!source.value()) {
        opened.error = CoreTr::tr("no data source \"%1\" is registered in this tenant").arg(sourceName);
        return opened;
    }
    opened.source = *source.value();
    if (opened.source.driver != DataSource::SqliteDriver) {
        opened.error = CoreTr::tr("the data source %1 uses %2, which this build cannot profile yet")
                           .arg(sourceName, opened.source.driver);
        return opened;
    }
    if (!QFileInfo::exists(opened.source.path)) {
        opened.error = CoreTr::tr("the data source %1 points to %2, which does not exist")
                           .arg(sourceName, opened.source.path);
        return opened;
    }
    auto state = openSource(opened.connectionName, opened.source.path);
    if (state)
        opened.state = state.value();
    else
        opened.error = CoreTr::tr("cannot open the data source %1 (%2): %3")
                           .arg(sourceName, opened.source.path, state.error().text());
    return opened;
}

void ProfileRunner::Impl::measureTable(const QList<int> &members, QList<Field> &fields, QList<ProfileRun> &runs,
                                       Warehouse &warehouse, const Options &options, Watch &watch,
                                       const std::function<void(double)> &progress)
{
    QElapsedTimer tableClock;
    tableClock.start();
    const Field &first = fields.at(members.constFirst());
    auto failAll = [&](const QString &error, RunStatus status = RunStatus::Failed) {
        for (const int index : members) {
            if (runs[index].error.isEmpty()) {
                runs[index].status = status;
                runs[index].error = error;
                runs[index].durationMs = tableClock.elapsed();
            }
        }
    };
    auto failScan = [&](const QString &driverError) {
        // A part may have stopped first: the reason is the same.
        if (watch.shouldStop() && watch.stop != Stop::Aborted)
            return failAll(stopped(watch).second, stopped(watch).first);
        failAll(CoreTr::tr("the scan of %1 failed: %2").arg(displayTable(first.schema, first.table), driverError));
    };
    if (!warehouse.error.isEmpty())
        return failAll(warehouse.error);
    // An SQLite file is one schema: the one its source names (any, if it names none).
    const QString &schema = warehouse.source.schemaName;
    if (!first.schema.isEmpty() && !schema.isEmpty() && first.schema.compare(schema, Qt::CaseInsensitive) != 0
        && first.schema.compare(u"main"_s, Qt::CaseInsensitive) != 0)
        return failAll(CoreTr::tr("schema %1 not found in data source %2").arg(first.schema, warehouse.source.name));

    const QSqlDatabase connection = QSqlDatabase::database(warehouse.connectionName, false);
    QSqlQuery query(connection);
    // The catalog decides which names exist; only its spellings reach the scan.
    if (!execute(query, dialect.catalogTable(first.schema, first.table)))
        return failScan(query.lastError().text());
    if (!query.next())
        return failAll(CoreTr::tr("table %1 not found in data source %2")
                           .arg(displayTable(first.schema, first.table), warehouse.source.name));
    TablePlan plan;
    plan.table = query.value(0).toString();
    const bool hasRowid = query.value(1).toInt() != 0;
    if (!execute(query, dialect.catalogColumns(first.schema, plan.table)))
        return failScan(query.lastError().text());
    QHash<QString, QString> catalog; // lower case -> as spelled
    while (query.next())
        catalog.insert(query.value(0).toString().toLower(), query.value(0).toString());
    for (const int index : members) {
        const QString column = fields.at(index).target.column;
        if (!catalog.contains(column.toLower())) {
            runs[index].status = RunStatus::Failed;
            runs[index].error =
                CoreTr::tr("column %1 not found in %2").arg(column, displayTable(first.schema, plan.table));
            continue;
        }
        ColumnTarget target = fields.at(index).target;
        target.column = catalog.value(column.toLower());
        plan.targets.append(target);
        plan.measured.append(index);
    }
    if (plan.targets.isEmpty())
        return; // every field already has its error

    // Sampling: one row in `every`, so that about sampleRows rows are measured.
    const QString tableReference = dialect.tableReference(first.schema, plan.table);
    if (options.sampleRows && *options.sampleRows > 0) {
        if (!execute(query, {u"SELECT COUNT(*) FROM "_s + tableReference, {}}))
            return failScan(query.lastError().text());
        plan.tableRows = query.next() ? query.value(0).toLongLong() : 0;
        if (plan.tableRows > *options.sampleRows) {
            if (hasRowid)
                plan.sampling.every = qint64(std::ceil(double(plan.tableRows) / double(*options.sampleRows)));
            else
                plan.sampling.limit = *options.sampleRows;
        }
    }
    if (hasRowid) {
        if (!execute(query, dialect.rowNumberBounds(tableReference)))
            return failScan(query.lastError().text());
        if (query.next() && !query.value(0).isNull()) {
            plan.firstRow = query.value(0).toLongLong();
            plan.lastRow = query.value(1).toLongLong();
        }
    }
    query.finish();
    const qint64 span = std::max<qint64>(0, plan.lastRow - plan.firstRow + 1);
    plan.expectedRows = plan.sampling.every > 1 ? span / plan.sampling.every
                        : plan.sampling.limit > 0 ? plan.sampling.limit
                        : hasRowid              ? span
                                                : 0;

    // Large rowid tables are split in ranges read side by side, one thread each.
    const int threads = options.scanThreads > 0 ? options.scanThreads : std::min(4, QThread::idealThreadCount());
    plan.parts = hasRowid && plan.sampling.limit == 0
                     ? int(std::clamp<qint64>(span / kMinRowsPerPart, 1, std::max(1, threads)))
                     : 1;
    const int parts = plan.parts;
    const auto budget = std::make_shared<MemoryBudget>(options.distinctMemoryBytes);
    warehouse.state->distinctBudget = budget;
    warehouse.state->rows.store(0);
    watch.tick = [&] {
        if (plan.expectedRows > 0) // the parts advance alike: this one stands for all
            progress(std::min(1.0, double(warehouse.state->rows.load() * parts) / double(plan.expectedRows)));
    };
    const ScanQueryBuilder builder(dialect);
    const ScanQuery whole = builder.build(first.schema, plan.table, plan.targets, plan.sampling);
    const ScanOutcome outcome = parts > 1 ? scanInParts(warehouse, builder, first, plan, parts, budget, watch)
                                          : runScan(connection, builder, whole);
    watch.tick = nullptr;
    if (!outcome.ok)
        return failScan(outcome.error);
    record(fields, plan, whole.columns, outcome.counts, tableClock.elapsed(), runs);
}

ScanOutcome ProfileRunner::Impl::scanInParts(Warehouse &warehouse, const ScanQueryBuilder &builder,
                                             const Field &first, const TablePlan &plan, int parts,
                                             const std::shared_ptr<MemoryBudget> &budget, Watch &watch)
{
    // Each column's distinct counters meet in one DistinctParts, merged at the end.
    std::vector<std::shared_ptr<DistinctParts>> distincts;
    Partition partition;
    for (int c = 0; c < plan.targets.size(); ++c) {
        distincts.push_back(DistinctParts::open());
        partition.distinctTokens.append(distincts.back()->token());
    }
    const qint64 size = (plan.lastRow - plan.firstRow + parts) / parts;
    QList<ScanQuery> scans;
    for (int p = 0; p < parts; ++p) {
        partition.first = plan.firstRow + p * size;
        partition.last = p == parts - 1 ? plan.lastRow : partition.first + size - 1;
        scans.append(builder.build(first.schema, plan.table, plan.targets, plan.sampling, partition));
    }

    std::atomic_bool abort{false};
    Watch partWatch = watch;
    partWatch.abort = &abort;
    std::vector<ScanOutcome> outcomes(static_cast<std::size_t>(parts));
    std::vector<std::unique_ptr<QThread>> threads;
    for (int p = 1; p < parts; ++p) {
        threads.emplace_back(QThread::create([&, p] {
            outcomes[std::size_t(p)] = runPart(warehouse.source.path, builder, scans.at(p), budget, partWatch);
            if (!outcomes[std::size_t(p)].ok)
                abort = true;
        }));
        threads.back()->start();
    }
    outcomes[0] = runScan(QSqlDatabase::database(warehouse.connectionName, false), builder, scans.constFirst());
    if (!outcomes[0].ok)
        abort = true;
    for (const auto &thread : threads)
        thread->wait();

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
        const auto merged = distincts.at(std::size_t(c))->merged(budget);
        counts.distinct = {merged->count(), merged->isExact()};
        const QList<RuleCheck> &rules = plan.targets.at(c).rules;
        for (int r = 0; r < rules.size() && r < counts.rulePasses.size(); ++r) {
            if (rules.at(r).rule.type == RuleType::Unique)
                counts.rulePasses[r] = std::min(counts.distinct.count, counts.nonNull);
        }
    }
    total.ok = true;
    return total;
}

void ProfileRunner::Impl::record(const QList<Field> &fields, const TablePlan &plan,
                                 const QList<ScanQuery::Column> &columns, const QList<ColumnCounts> &counts,
                                 qint64 durationMs, QList<ProfileRun> &runs) const
{
    for (int i = 0; i < plan.measured.size(); ++i) {
        const ScanQuery::Column &column = columns.at(i);
        const ColumnCounts &count = counts.at(i);
        ProfileRun &profile = runs[plan.measured.at(i)];
        profile.status = RunStatus::Completed;
        profile.durationMs = durationMs;
        profile.sampledRows = count.rows;
        profile.rowCount = plan.tableRows >= 0 ? plan.tableRows : count.rows;

        QualityScore::Scores scores;
        profile.metrics = QualityScore::measure(count, column.target, &scores);
        QJsonObject details = countsToDetails(profile.metrics);
        QJsonArray rules = details.value(u"rules"_s).toArray();
        QStringList unevaluated; // rules that could not judge some values
        for (int r = 0; r < rules.size(); ++r) {
            QJsonObject rule = rules.at(r).toObject();
            const RuleCheck &check = column.target.rules.at(r);
            rule.insert(u"definition"_s, json::toQJsonValue(check.rule.toJson()));
            if (check.rule.type == RuleType::Unique && !count.distinct.exact)
                rule.insert(u"estimated"_s, true);
            if (const qint64 failures = profile.metrics.rules.at(r).unevaluated; failures > 0) {
                const QString error = CoreTr::tr("rule %1 could not be evaluated on %n value(s): the regular "
                                                 "expression engine gave up on them (its backtracking limit); "
                                                 "the pattern needs to be simpler",
                                                 nullptr, int(std::min<qint64>(failures, INT_MAX)))
                                          .arg(check.ruleKey);
                rule.insert(u"error"_s, error);
                unevaluated.append(error);
            }
            rules.replace(r, rule);
        }
        details.insert(u"rules"_s, rules);
        details.insert(u"binding"_s, bindingJson(fields.at(plan.measured.at(i))));
        details.insert(u"metrics"_s, QualityScore::describe(scores));
        if (!column.typeCheck.description.isEmpty())
            details.insert(u"dataType"_s, column.typeCheck.details(count.nonNull, count.typePasses));
        if (plan.sampling.every > 1 || plan.sampling.limit > 0)
            details.insert(u"sampling"_s, QJsonObject{{plan.sampling.every > 1 ? u"every"_s : u"limit"_s,
                                                       std::max(plan.sampling.every, plan.sampling.limit)},
                                                      {u"tableRows"_s, plan.tableRows}});
        if (!profile.domain.isEmpty())
            details.insert(u"domain"_s, profile.domain);
        details.insert(u"scanParts"_s, plan.parts);
        profile.details = details;
        if (!unevaluated.isEmpty()) {
            // Validity is unknown, so is the score: the run failed, and says why.
            profile.status = RunStatus::Failed;
            profile.error = unevaluated.join(u"; "_s);
            QualityScore::apply(QualityScore::Scores(), profile.metrics);
            profile.details.remove(u"metrics"_s);
        }
    }
}

ProfileRunner::ProfileRunner(Database &metadata) : m_impl(std::make_unique<Impl>(metadata)) {}

ProfileRunner::~ProfileRunner() = default;

Result<QList<ProfileRun>> ProfileRunner::run(const QUuid &tenantId, const QStringList &canonicalKeys, Trigger trigger,
                                             const Options &options)
{
    QElapsedTimer clock;
    clock.start();
    auto loaded = m_impl->loadFields(tenantId, canonicalKeys);
    if (!loaded)
        return loaded.error();
    QList<Field> fields = loaded.value();

    QList<ProfileRun> runs;
    QList<QList<int>> tables; // field indexes per (source, schema, table), in request order
    QHash<QString, int> tableIndex;
    for (int i = 0; i < fields.size(); ++i) {
        const Field &field = fields.at(i);
        ProfileRun run;
        run.tenantId = tenantId;
        run.canonicalKey = field.target.canonicalKey;
        run.entityUrn = field.target.entityUrn;
        run.tier = field.target.tier;
        run.domain = field.target.domain;
        run.trigger = trigger;
        run.status = field.error.isEmpty() ? RunStatus::Completed : RunStatus::Failed;
        run.error = field.error;
        if (!field.error.isEmpty())
            run.details = QJsonObject{{u"binding"_s, bindingJson(field)}};
        runs.append(run);
        if (!field.error.isEmpty())
            continue;
        const QString key = field.source + u'\x1f' + field.schema.toLower() + u'\x1f' + field.table.toLower();
        if (!tableIndex.contains(key)) {
            tableIndex.insert(key, int(tables.size()));
            tables.append(QList<int>());
        }
        tables[tableIndex.value(key)].append(i);
    }

    int lastPercent = -1;
    auto report = [&](int tableNumber, double fraction) {
        if (!options.progress || tables.isEmpty())
            return;
        const int percent = int(100.0 * (tableNumber + fraction) / double(tables.size()));
        if (percent != lastPercent) {
            lastPercent = percent;
            options.progress(percent);
        }
    };

    Watch watch;
    watch.cancel = options.cancel;
    watch.clock = &clock;
    watch.limitMs = options.timeLimitMs;
    for (int t = 0; t < tables.size(); ++t) {
        const QList<int> &members = tables.at(t);
        if (watch.stop != Stop::None || watch.shouldStop()) {
            for (const int index : members)
                std::tie(runs[index].status, runs[index].error) = stopped(watch);
            continue;
        }
        report(t, 0.0);
        Impl::Warehouse &warehouse = m_impl->warehouse(tenantId, fields.at(members.constFirst()).source);
        sqlite3 *handle = warehouse.error.isEmpty()
                              ? SqliteFunctions::handle(QSqlDatabase::database(warehouse.connectionName, false))
                              : nullptr;
        if (handle)
            sqlite3_progress_handler(handle, kProgressSteps, onProgress, &watch);
        m_impl->measureTable(members, fields, runs, warehouse, options, watch,
                             [&](double fraction) { report(t, fraction); });
        if (handle)
            sqlite3_progress_handler(handle, 0, nullptr, nullptr);
    }
    report(int(tables.size()), 0.0);
    return runs;
}

} // namespace steward::profiler
