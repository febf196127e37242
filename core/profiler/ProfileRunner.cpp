#include "profiler/ProfileRunner.h"

#include "Tr.h"
#include "json/JsonParser.h"
#include "model/Approval.h"
#include "model/RuleDefinition.h"
#include "profiler/QualityScore.h"
#include "profiler/ScanEngine.h"
#include "store/DataSourceRepository.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <climits>
#include <map>
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

QString displayTable(const QString &schema, const QString &table)
{
    return schema.isEmpty() ? table : schema + u'.' + table;
}

QString timeLimitError(qint64 limitMs)
{
    return CoreTr::tr("ran longer than the limit of %1 s").arg(QString::number(double(limitMs) / 1000.0, 'g', 6));
}

// How the runs of a stopped scan end.
std::pair<RunStatus, QString> stopped(const ScanControl &control)
{
    if (control.stop == ScanControl::Stop::Cancelled)
        return {RunStatus::Cancelled, CoreTr::tr("the run was cancelled")};
    return {RunStatus::Failed, timeLimitError(control.limitMs)};
}

QJsonObject bindingJson(const Field &field)
{
    return {{u"source"_s, field.source},
            {u"schema"_s, field.schema},
            {u"table"_s, field.table},
            {u"column"_s, field.target.column}};
}

} // namespace

struct ProfileRunner::Impl
{
    explicit Impl(Database &database) : metadata(database) {}

    // A data source's scan engine, opened in this thread on first use.
    struct Warehouse
    {
        std::unique_ptr<ScanEngine> engine;
        QString error; // the source cannot be profiled
    };

    Result<QList<Field>> loadFields(const QUuid &tenantId, const QStringList &keys) const;
    Warehouse &warehouse(const QUuid &tenantId, const QString &sourceName);
    void measureTable(const QList<int> &members, QList<Field> &fields, QList<ProfileRun> &runs, Warehouse &warehouse,
                      const Options &options, ScanControl &control);
    void record(const QList<Field> &fields, const QList<int> &measured, const TableScan &scan, qint64 durationMs,
                QList<ProfileRun> &runs) const;

    Database &metadata;
    std::map<QString, Warehouse> warehouses; // by source name

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
        return found->second;
    Warehouse &opened = warehouses[sourceName];
    auto source = DataSourceRepository(metadata).find(tenantId, sourceName);
    if (!source) {
        opened.error = source.error().text();
        return opened;
    }
    if (!source.value()) {
        opened.error = CoreTr::tr("no data source \"%1\" is registered in this tenant").arg(sourceName);
        return opened;
    }
    auto engine = ScanEngine::open(*source.value());
    if (engine)
        opened.engine = std::move(engine.value());
    else
        opened.error = engine.error().text();
    return opened;
}

void ProfileRunner::Impl::measureTable(const QList<int> &members, QList<Field> &fields, QList<ProfileRun> &runs,
                                       Warehouse &warehouse, const Options &options, ScanControl &control)
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
    auto fail = [&](const Error &error) {
        if (control.stop != ScanControl::Stop::None)
            return failAll(stopped(control).second, stopped(control).first);
        failAll(error.text());
    };
    if (!warehouse.error.isEmpty())
        return failAll(warehouse.error);

    // The catalog decides which names exist; only its spellings reach the scan.
    auto table = warehouse.engine->findTable(first.schema, first.table);
    if (!table)
        return fail(table.error());
    if (!table.value())
        return failAll(CoreTr::tr("table %1 not found in data source %2")
                           .arg(displayTable(first.schema, first.table), first.source));
    ScanPlan plan;
    plan.schema = first.schema;
    plan.table = table.value()->name;
    plan.sampleRows = options.sampleRows;
    plan.distinctMemoryBytes = options.distinctMemoryBytes;
    plan.scanThreads = options.scanThreads;
    QList<int> measured; // field index per target
    for (const int index : members) {
        const QString column = fields.at(index).target.column;
        const QString spelled = table.value()->columns.value(column.toLower());
        if (spelled.isEmpty()) {
            runs[index].status = RunStatus::Failed;
            runs[index].error =
                CoreTr::tr("column %1 not found in %2").arg(column, displayTable(first.schema, plan.table));
            continue;
        }
        ColumnTarget target = fields.at(index).target;
        target.column = spelled;
        plan.targets.append(target);
        measured.append(index);
    }
    if (plan.targets.isEmpty())
        return; // every field already has its error

    auto scanned = warehouse.engine->scan(plan, control);
    if (!scanned)
        return fail(scanned.error());
    record(fields, measured, scanned.value(), tableClock.elapsed(), runs);
}

void ProfileRunner::Impl::record(const QList<Field> &fields, const QList<int> &measured, const TableScan &scan,
                                 qint64 durationMs, QList<ProfileRun> &runs) const
{
    const Sampling &sampling = scan.sampling;
    for (int i = 0; i < measured.size(); ++i) {
        const ScanQuery::Column &column = scan.columns.at(i);
        const ColumnCounts &count = scan.counts.at(i);
        ProfileRun &profile = runs[measured.at(i)];
        profile.status = RunStatus::Completed;
        profile.durationMs = durationMs;
        profile.sampledRows = count.rows;
        profile.rowCount = scan.tableRows >= 0 ? scan.tableRows : count.rows;

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
        details.insert(u"binding"_s, bindingJson(fields.at(measured.at(i))));
        details.insert(u"metrics"_s, QualityScore::describe(scores));
        if (!column.typeCheck.description.isEmpty())
            details.insert(u"dataType"_s, column.typeCheck.details(count.nonNull, count.typePasses));
        if (sampling.every > 1 || sampling.limit > 0)
            details.insert(u"sampling"_s, QJsonObject{{sampling.every > 1 ? u"every"_s : u"limit"_s,
                                                       std::max(sampling.every, sampling.limit)},
                                                      {u"tableRows"_s, scan.tableRows}});
        if (!profile.domain.isEmpty())
            details.insert(u"domain"_s, profile.domain);
        details.insert(u"scanParts"_s, scan.parts);
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

    ScanControl control;
    control.cancel = options.cancel;
    control.clock = &clock;
    control.limitMs = options.timeLimitMs;
    for (int t = 0; t < tables.size(); ++t) {
        const QList<int> &members = tables.at(t);
        if (control.shouldStop()) {
            for (const int index : members)
                std::tie(runs[index].status, runs[index].error) = stopped(control);
            continue;
        }
        report(t, 0.0);
        control.progress = [&](double fraction) { report(t, fraction); };
        Impl::Warehouse &warehouse = m_impl->warehouse(tenantId, fields.at(members.constFirst()).source);
        m_impl->measureTable(members, fields, runs, warehouse, options, control);
        control.progress = nullptr;
    }
    report(int(tables.size()), 0.0);
    return runs;
}

} // namespace steward::profiler
