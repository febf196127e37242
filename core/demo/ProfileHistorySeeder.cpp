#include "demo/ProfileHistorySeeder.h"

#include "alerts/AlertRepository.h"
#include "alerts/AlertRules.h"
#include "demo/DemoCatalog.h"
#include "model/Approval.h"
#include "profiler/ProfileTypes.h"
#include "profiler/QualityScore.h"
#include "store/Database.h"
#include "store/WriteTransaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::demo {
namespace {

using profiler::RunStatus;
using profiler::Trigger;

// FNV-1a, the same in every process (qHash is seeded per process).
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

// Deterministic draws for one field.
class Draw
{
public:
    explicit Draw(quint32 seed) : m_random(seed) {}
    double uniform(double low, double high) { return low + (high - low) * m_random.generateDouble(); }
    bool chance(double probability) { return m_random.generateDouble() < probability; }
    int below(int bound) { return bound <= 1 ? 0 : int(m_random.bounded(bound)); }
    // Standard normal (Box-Muller).
    double normal()
    {
        const double u1 = std::max(1e-12, m_random.generateDouble());
        const double u2 = m_random.generateDouble();
        constexpr double twoPi = 6.283185307179586;
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(twoPi * u2);
    }

private:
    QRandomGenerator m_random;
};

// The demo's story, by field key.
struct Episode
{
    QStringView key;
    int startDaysAgo;
    double depth; // points below the field's level at the bottom
    int fallDays; // 0: a sudden drop
    int holdDays;
    int recoverDays;
};

const Episode kEpisodes[] = {
    // The FX rate feed missed rates for a fortnight: the rates and the functional amounts
    // translated with them slid below the line, were found out and repaired.
    {u"gl.journal_line.amount_functional", 58, 19, 6, 4, 5},
    {u"treasury.fx_rate.rate", 57, 22, 5, 4, 5},
    // A supplier master import with malformed IBANs: a sudden drop, fixed within a week.
    {u"ap.supplier.iban", 23, 18, 0, 3, 4},
    // Customer numbers missing on a batch of migrated invoices.
    {u"ar.invoice.customer_id", 71, 12, 2, 3, 6},
    // Cash balances loaded twice for a few days.
    {u"treasury.cash_position.value_date", 36, 9, 1, 2, 3},
    // Unknown company codes creeping in since a new entity went live, not fixed yet: the
    // warehouse measures 73 today, and the tier1 alert is still open.
    {u"gl.journal_line.company_code", 12, 15, 8, 999, 0},
};

// Fields whose latest run fell sharply below the one before it (points).
struct LastDrop
{
    QStringView key;
    double points;
};

const LastDrop kLastDrops[] = {
    {u"ap.invoice.due_date", 17},
    {u"co.budget.amount", 13},
    {u"treasury.fx_rate.rate_type", 12},
};

// Where a field's score settles: what the demo warehouse (1,000,000 journal lines)
// measures today, so a fresh "Profile now" continues the line rather than jumping. The
// two fields that fail today had these scores before their binding moved.
struct Level
{
    QStringView key;
    double score;
};

const Level kLevels[] = {
    {u"gl.journal_line.amount", 98.9},           {u"gl.journal_line.amount_functional", 86.5},
    {u"gl.journal_line.account", 87.0},          {u"gl.journal_line.posting_date", 98.4},
    {u"gl.journal_line.currency", 77.1},         {u"gl.journal_line.cost_center", 78.5},
    {u"gl.journal_line.company_code", 88.0},     {u"gl.journal_line.document_number", 81.7},
    {u"gl.journal_line.fiscal_period", 88.5},    {u"gl.journal_line.tax_code", 91.0},
    {u"gl.journal_line.reversal_flag", 50.0},    {u"gl.account.name", 97.7},
    {u"gl.account.type", 96.4},                  {u"ap.invoice.gross_amount", 97.0},
    {u"ap.invoice.net_amount", 94.0},            {u"ap.invoice.due_date", 89.0},
    {u"ap.invoice.supplier_id", 99.5},           {u"ap.invoice.payment_terms", 87.5},
    {u"ap.invoice.status", 88.1},                {u"ap.supplier.iban", 86.0},
    {u"ap.supplier.country", 92.1},              {u"ar.invoice.gross_amount", 95.0},
    {u"ar.invoice.customer_id", 99.8},           {u"ar.invoice.days_overdue", 96.0},
    {u"ar.invoice.dunning_level", 64.7},         {u"ar.customer.credit_limit", 84.9},
    {u"ar.customer.segment", 100.0},             {u"treasury.cash_position.balance", 100.0},
    {u"treasury.cash_position.value_date", 95.1}, {u"treasury.fx_rate.rate", 98.6},
    {u"treasury.fx_rate.rate_type", 97.2},       {u"co.budget.amount", 92.4},
    {u"co.budget.version", 94.9},                {u"co.cost_center.manager", 81.5},
    {u"tax.vat_return.payable", 95.8},           {u"tax.vat_return.period", 95.0},
    {u"fa.asset.acquisition_cost", 100.0},       {u"fa.asset.useful_life", 83.9},
    {u"fa.asset.in_service_date", 94.6},         {u"fa.asset.class", 98.6},
};

// The day the warehouse could not be opened: every scheduled run of that day failed.
constexpr int kOutageDaysAgo = 41;
// Days of heavy warehouse load: big scans took much longer.
constexpr int kSlowFromDaysAgo = 30;
constexpr int kSlowToDaysAgo = 26;

// Rows of the demo warehouse's tables, as WarehouseSeeder scales them.
qint64 warehouseRows(const QString &table, qint64 journalLines)
{
    struct Size
    {
        QStringView table;
        qint64 divisor; // 0: fixed size `minimum`
        qint64 minimum;
    };
    static const Size sizes[] = {
        {u"journal_lines", 1, 1},   {u"ap_invoices", 20, 200},  {u"ar_invoices", 20, 200},
        {u"suppliers", 500, 50},    {u"customers", 200, 50},    {u"cash_positions", 50, 100},
        {u"fx_rates", 100, 100},    {u"budgets", 100, 100},     {u"assets", 300, 100},
        {u"accounts", 0, 400},      {u"cost_centers", 0, 300},  {u"vat_returns", 0, 120},
    };
    for (const Size &size : sizes) {
        if (size.table == table)
            return size.divisor == 0 ? size.minimum : std::max(size.minimum, journalLines / size.divisor);
    }
    return 1000;
}

// How distinct a column's values typically are, by its type (percent of non-null).
double typicalUniqueness(const HistoryField &field, Draw &draw)
{
    const QString type = field.dataType.toUpper();
    if (type == u"DECIMAL"_s)
        return draw.uniform(55, 95);
    if (type == u"INTEGER"_s)
        return draw.uniform(0.01, 1);
    if (type == u"DATE"_s || type == u"TIMESTAMP"_s)
        return draw.uniform(0.05, 3);
    if (type == u"BOOLEAN"_s)
        return draw.uniform(0.0002, 0.001);
    bool numeric = false;
    const int length = field.format.toInt(&numeric);
    if (numeric && length <= 4)
        return draw.uniform(0.001, 0.2);
    return draw.uniform(20, 99);
}

double depthAt(const Episode &episode, double daysAgo)
{
    const double t = episode.startDaysAgo - daysAgo; // days since it began
    if (t < 0)
        return 0;
    if (t < episode.fallDays)
        return episode.depth * t / episode.fallDays;
    if (t < episode.fallDays + episode.holdDays)
        return episode.depth;
    const double recovering = t - episode.fallDays - episode.holdDays;
    if (recovering < episode.recoverDays && episode.recoverDays > 0)
        return episode.depth * (1.0 - recovering / episode.recoverDays);
    return 0;
}

const Episode *episodeOf(const QString &key)
{
    for (const Episode &episode : kEpisodes) {
        if (episode.key == key)
            return &episode;
    }
    return nullptr;
}

std::optional<double> lastDropOf(const QString &key)
{
    for (const LastDrop &drop : kLastDrops) {
        if (drop.key == key)
            return drop.points;
    }
    return std::nullopt;
}

double levelOf(const HistoryField &field, Draw &draw)
{
    // Drawn for every field, so adding a level to the table leaves the others' draws alone.
    const bool critical = field.tier == Tier::Tier1 || field.tier == Tier::Tier2;
    double score = critical ? draw.uniform(86, 97) : draw.uniform(74, 97);
    for (const Level &level : kLevels) {
        if (level.key == field.canonicalKey)
            score = level.score;
    }
    return score;
}

bool closesTheMonth(const QString &domain)
{
    return domain == u"General Ledger"_s || domain == u"Accounts Payable"_s || domain == u"Accounts Receivable"_s;
}

// One planned run of a field.
struct PlannedRun
{
    QDateTime at;
    int daysAgo = 0;
    Trigger trigger = Trigger::Schedule;
};

// What one run measured (or why it failed), ready to be stored.
struct HistoryRun
{
    QDateTime at;
    Trigger trigger = Trigger::Schedule;
    RunStatus status = RunStatus::Completed;
    profiler::ColumnMetrics metrics;
    profiler::QualityScore::Scores scores;
    qint64 rowCount = 0;
    qint64 durationMs = 0;
    QString error;
};

// The planned runs of a field, oldest first: its tier's schedule plus the odd manual run.
QList<PlannedRun> planRuns(const HistoryField &field, const ProfileHistorySeeder::Options &options, Draw &draw)
{
    // 0: no schedule, manual runs only.
    const int interval = field.scheduled ? profileIntervalDays(field.tier).value_or(0) : 7;
    const Trigger regular = field.scheduled ? Trigger::Schedule : Trigger::Manual;
    const int phase = draw.below(std::max(1, interval));
    // Runs keep a steady distance from `now` (not a wall-clock hour), so seeding twice
    // writes the same number of runs.
    const double offsetHours = draw.uniform(0.75, 20);
    const QDateTime latest = options.now.addSecs(-60);
    QList<PlannedRun> runs;
    for (int daysAgo = options.days - 1; daysAgo >= 0; --daysAgo) {
        QList<PlannedRun> today;
        if (interval > 0 && (daysAgo + phase) % interval == 0) {
            const qint64 seconds = qint64((daysAgo * 24.0 + offsetHours) * 3600.0) + draw.below(1800);
            today.append(PlannedRun{options.now.addSecs(-seconds), daysAgo, regular});
        }
        if (draw.chance(interval == 0 ? 0.04 : 0.02)) {
            const qint64 seconds = qint64((daysAgo * 24.0 + draw.uniform(0.5, 10)) * 3600.0);
            today.append(PlannedRun{options.now.addSecs(-seconds), daysAgo, Trigger::Manual});
        }
        for (const PlannedRun &run : std::as_const(today)) {
            if (run.at > latest || (field.since.isValid() && run.at < field.since)
                || (field.until.isValid() && run.at > field.until))
                continue;
            runs.append(run);
        }
    }
    std::sort(runs.begin(), runs.end(), [](const PlannedRun &a, const PlannedRun &b) { return a.at < b.at; });
    return runs;
}

// Completeness, validity and uniqueness that give `target` as the profiler scores them.
profiler::QualityScore::Inputs inputsFor(const HistoryField &field, double target, double split, double uniqueness,
                                         qint64 rows)
{
    const bool uniquenessCounts = std::any_of(field.rules.cbegin(), field.rules.cend(),
                                              [](const auto &rule) { return rule.second == u"unique"_s; });
    // score = (0.4 c + 0.4 v [+ 0.2 u]) / (0.8 [+ 0.2]); solve for c + v, then split the
    // shortfall between the two (split in [0, 2]: 0 all validity, 2 all completeness).
    const double weights = uniquenessCounts ? 1.0 : 0.8;
    const double fromUniqueness = uniquenessCounts ? 0.2 * uniqueness : 0.0;
    const double sum = std::clamp((target * weights - fromUniqueness) / 0.4, 0.0, 200.0);
    const double shortfall = 200.0 - sum;
    double completeness = 100.0 - shortfall * split / 2.0;
    double validity = 100.0 - shortfall * (2.0 - split) / 2.0;
    // What one dimension cannot carry goes to the other.
    if (completeness < 0) {
        validity += completeness;
        completeness = 0;
    }
    if (validity < 0) {
        completeness += validity;
        validity = 0;
    }
    completeness = std::clamp(completeness, 0.0, 100.0);
    validity = std::clamp(validity, 0.0, 100.0);

    profiler::QualityScore::Inputs inputs;
    inputs.rows = rows;
    inputs.nonNull = qint64(std::llround(double(rows) * completeness / 100.0));
    inputs.valid = qint64(std::llround(double(inputs.nonNull) * validity / 100.0));
    inputs.distinct = std::max<qint64>(inputs.nonNull > 0 ? 1 : 0,
                                       qint64(std::llround(double(inputs.nonNull) * uniqueness / 100.0)));
    inputs.uniquenessCounts = uniquenessCounts;
    return inputs;
}

QList<HistoryRun> simulate(const HistoryField &field, const ProfileHistorySeeder::Options &options)
{
    Draw draw(options.seed ^ stableHash(field.canonicalKey));
    const QList<PlannedRun> planned = planRuns(field, options, draw);
    const double level = levelOf(field, draw);
    const double split = draw.uniform(0.3, 1.7);
    const double uniqueness = typicalUniqueness(field, draw);
    const Episode *episode = episodeOf(field.canonicalKey);
    const std::optional<double> lastDrop = lastDropOf(field.canonicalKey);
    const double baseMs = 8.0 + double(field.tableRows) * 0.0022;

    QList<HistoryRun> runs;
    std::optional<double> previousScore;
    for (qsizetype i = 0; i < planned.size(); ++i) {
        const PlannedRun &plan = planned.at(i);
        const bool last = i == planned.size() - 1;
        const bool nearTheEnd = i >= planned.size() - 2;
        HistoryRun run;
        run.at = plan.at;
        run.trigger = plan.trigger;
        // The table grows a little every day.
        run.rowCount = std::max<qint64>(1, qint64(double(field.tableRows) * (1.0 - 0.0015 * plan.daysAgo)));

        const bool slow = plan.daysAgo <= kSlowFromDaysAgo && plan.daysAgo >= kSlowToDaysAgo;
        double durationMs = baseMs * std::exp(0.3 * draw.normal()) * (slow && field.tableRows > 100000 ? 2.8 : 1.0);
        if (draw.chance(0.005))
            durationMs *= 8; // a scan that queued behind the nightly load
        run.durationMs = std::max<qint64>(1, qint64(durationMs));

        const bool failing = field.failingSince.isValid() && plan.at >= field.failingSince;
        if (failing) {
            run.status = RunStatus::Failed;
            run.error = field.failingError;
            run.durationMs = 3 + draw.below(9);
        } else if (plan.at.date() == options.now.addDays(-kOutageDaysAgo).date() && plan.trigger == Trigger::Schedule) {
            run.status = RunStatus::Failed;
            run.error = u"cannot open the data source warehouse: unable to open database file"_s;
            run.durationMs = 5 + draw.below(40);
        } else if (!nearTheEnd && !lastDrop.has_value() && draw.chance(0.006)) {
            run.status = RunStatus::Failed;
            run.error = u"the scan of %1 failed: database is locked"_s.arg(field.table);
            run.durationMs = 10000 + draw.below(2000); // the busy timeout
        }

        if (run.status == RunStatus::Completed) {
            double target = level + 0.8 * draw.normal();
            if (episode)
                target -= depthAt(*episode, plan.daysAgo);
            if (closesTheMonth(field.domain) && run.at.date().day() <= 3)
                target -= 2.5;
            if (last && lastDrop && previousScore)
                target = *previousScore - *lastDrop - draw.uniform(0.2, 1.5);
            target = std::clamp(target, 0.0, 100.0);
            const profiler::QualityScore::Inputs inputs =
                inputsFor(field, target, split, std::clamp(uniqueness + draw.normal() * 0.3, 0.0, 100.0),
                          run.rowCount);
            run.scores = profiler::QualityScore::compute(inputs);
            run.metrics.rows = inputs.rows;
            run.metrics.nonNull = inputs.nonNull;
            run.metrics.distinct = inputs.distinct;
            run.metrics.distinctExact = inputs.nonNull <= 100000;
            run.metrics.valid = inputs.valid;
            for (const auto &[ruleKey, ruleType] : field.rules) {
                profiler::RuleOutcome outcome{ruleKey, ruleType, inputs.nonNull, inputs.nonNull - inputs.valid};
                if (ruleType == u"not_null"_s)
                    outcome = {ruleKey, ruleType, inputs.rows, inputs.rows - inputs.nonNull};
                else if (ruleType == u"unique"_s)
                    outcome = {ruleKey, ruleType, inputs.nonNull, inputs.nonNull - inputs.distinct};
                run.metrics.rules.append(outcome);
            }
            profiler::QualityScore::apply(run.scores, run.metrics);
            if (run.metrics.qualityScore)
                previousScore = run.metrics.qualityScore;
        }
        runs.append(run);
    }
    return runs;
}

QString triggerText(Trigger trigger)
{
    return profiler::toString(trigger);
}

QVariant optionalReal(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

Error writeError(const QSqlQuery &query)
{
    return databaseError(query.lastError());
}

} // namespace

ProfileHistorySeeder::ProfileHistorySeeder(Database &database) : m_database(database) {}

Result<QList<HistoryField>> ProfileHistorySeeder::fieldsOf(const QUuid &tenantId, const Options &options) const
{
    const QString tenant = uuidText(tenantId);
    QHash<QString, QList<std::pair<QString, QString>>> rules;
    auto ruleRows = m_database.run(u"SELECT applies_to, canonical_key, rule_type FROM mdm_business_rule "
                                   u"WHERE tenant_id = ? AND COALESCE(status, 'active') <> 'deprecated' "
                                   u"ORDER BY canonical_key"_s,
                                   {tenant});
    if (!ruleRows)
        return ruleRows.error();
    while (ruleRows.value().next())
        rules[ruleRows.value().value(0).toString()].append(
            {ruleRows.value().value(1).toString(), ruleRows.value().value(2).toString()});

    QHash<QString, QString> sourceSchemas;
    auto sources = m_database.run(u"SELECT name, schema_name FROM mdm_data_source WHERE tenant_id = ?"_s, {tenant});
    if (!sources)
        return sources.error();
    while (sources.value().next())
        sourceSchemas.insert(sources.value().value(0).toString(), sources.value().value(1).toString());

    QList<HistoryField> fields;
    auto catalog =
        m_database.run(u"SELECT canonical_key, tier, domain, entity_urn, data_type, format, binding, status, "
                       u"created_at, updated_at FROM mdm_global_metadata "
                       u"WHERE tenant_id = ? AND binding IS NOT NULL ORDER BY canonical_key"_s,
                       {tenant});
    if (!catalog)
        return catalog.error();
    while (catalog.value().next()) {
        const QSqlQuery &row = catalog.value();
        const QJsonObject binding = QJsonDocument::fromJson(row.value(6).toString().toUtf8()).object();
        HistoryField field;
        field.canonicalKey = row.value(0).toString();
        field.tier = tierFromString(row.value(1).toString()).value_or(Tier::Tier3);
        field.domain = row.value(2).toString();
        field.entityUrn = row.value(3).toString();
        field.dataType = row.value(4).toString();
        field.format = row.value(5).toString();
        field.table = binding.value(u"table"_s).toString();
        field.tableRows = warehouseRows(field.table, options.journalLines);
        field.since = fromIsoTimestamp(row.value(8).toString());
        const QDateTime updated = fromIsoTimestamp(row.value(9).toString());
        if (row.value(7).toString() == u"deprecated"_s)
            field.until = updated;
        const QString source = binding.value(u"source"_s).toString();
        const QString schema = binding.value(u"schema"_s).toString();
        const QString sourceSchema = sourceSchemas.value(source);
        if (!schema.isEmpty() && !sourceSchema.isEmpty() && schema != sourceSchema) {
            // Moved to a schema the warehouse does not have: every run since fails.
            field.failingSince = updated;
            field.failingError = u"schema %1 not found in data source %2"_s.arg(schema, source);
        }
        field.rules = rules.value(field.canonicalKey);
        fields.append(field);
    }
    if (!fields.isEmpty())
        return fields;

    // Nothing onboarded yet: the fields proposed for onboarding, profiled by hand.
    auto proposed = m_database.run(u"SELECT entity_key, tier, payload FROM mdm_approval WHERE tenant_id = ? "
                                   u"AND entity_type = 'GLOBAL_METADATA' AND entity_id IS NULL AND status = 'pending' "
                                   u"ORDER BY entity_key"_s,
                                   {tenant});
    if (!proposed)
        return proposed.error();
    while (proposed.value().next()) {
        const QSqlQuery &row = proposed.value();
        const QJsonObject payload = QJsonDocument::fromJson(row.value(2).toString().toUtf8()).object();
        HistoryField field;
        field.canonicalKey = row.value(0).toString();
        field.tier = tierFromString(row.value(1).toString()).value_or(Tier::Tier3);
        field.domain = payload.value(u"domain"_s).toString();
        field.entityUrn = payload.value(u"entityUrn"_s).toString();
        field.dataType = payload.value(u"dataType"_s).toString();
        field.format = payload.value(u"format"_s).toString();
        field.table = payload.value(u"binding"_s).toObject().value(u"table"_s).toString();
        field.tableRows = 5000;
        field.scheduled = false;
        fields.append(field);
    }
    return fields;
}

Status ProfileHistorySeeder::write(const QUuid &tenantId, const QList<HistoryField> &fields, const Options &options,
                                   Summary &summary)
{
    QSqlQuery insert(m_database.connection());
    if (!insert.prepare(u"INSERT INTO mdm_profile (id, tenant_id, entity_urn, canonical_key, tier, trigger, status, "
                        u"completeness, uniqueness, validity, quality_score, quality_grade, row_count, sampled_rows, "
                        u"duration_ms, error, details, created_at) "
                        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
        return writeError(insert);
    alerts::AlertRepository alertRepository(m_database);
    const QString tenant = uuidText(tenantId);

    for (const HistoryField &field : fields) {
        const QList<HistoryRun> runs = simulate(field, options);
        if (runs.isEmpty())
            continue;
        ++summary.fields;
        QList<alerts::Alert> open;
        QList<alerts::Alert> closed;
        std::optional<double> previousScore;
        for (const HistoryRun &run : runs) {
            QJsonObject details;
            if (run.status == RunStatus::Completed) {
                details = profiler::countsToDetails(run.metrics);
                details.insert(u"metrics"_s, profiler::QualityScore::describe(run.scores));
            }
            if (!field.domain.isEmpty())
                details.insert(u"domain"_s, field.domain);
            details.insert(u"origin"_s, u"demo history"_s);

            const QVariantList values{
                uuidText(QUuid::createUuid()),
                tenant,
                field.entityUrn.isEmpty() ? QVariant() : QVariant(field.entityUrn),
                field.canonicalKey,
                toString(field.tier),
                triggerText(run.trigger),
                profiler::toString(run.status),
                optionalReal(run.metrics.completeness),
                optionalReal(run.metrics.uniqueness),
                optionalReal(run.metrics.validity),
                optionalReal(run.metrics.qualityScore),
                run.metrics.qualityGrade.isEmpty() ? QVariant() : QVariant(run.metrics.qualityGrade),
                run.rowCount,
                run.status == RunStatus::Completed ? run.metrics.rows : 0,
                run.durationMs,
                run.error.isEmpty() ? QVariant() : QVariant(run.error),
                QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)),
                toIsoTimestamp(run.at),
            };
            for (int i = 0; i < values.size(); ++i)
                insert.bindValue(i, values.at(i));
            if (!insert.exec())
                return writeError(insert);
            ++summary.runs;
            if (run.status == RunStatus::Failed)
                ++summary.failedRuns;

            // What the alert rules would have said about this run, at its time.
            const alerts::RunObservation observation{
                field.canonicalKey, field.tier, run.status == RunStatus::Failed,
                run.status == RunStatus::Completed ? run.metrics.qualityScore : std::nullopt, previousScore};
            const alerts::AlertDecision decision = alerts::evaluateRun(observation, open);
            for (const alerts::ResolvedAlert &resolved : decision.resolved) {
                const auto it = std::find_if(open.begin(), open.end(), [&resolved](const alerts::Alert &alert) {
                    return alert.id == resolved.id;
                });
                if (it == open.end())
                    continue;
                it->firing = false;
                it->resolvedAt = run.at;
                closed.append(*it);
                open.erase(it);
            }
            for (const alerts::FiredAlert &fired : decision.fired)
                open.append(alerts::Alert{QUuid::createUuid(), tenantId, fired.rule, fired.canonicalKey, fired.severity,
                                          true, fired.value, run.at, {}, {}});
            if (run.status == RunStatus::Completed && run.metrics.qualityScore)
                previousScore = run.metrics.qualityScore;
        }
        for (const alerts::Alert &alert : std::as_const(closed)) {
            if (auto failed = alertRepository.insertFired(alert))
                return failed;
            if (auto failed = alertRepository.markResolved(tenantId, alert.id, alert.resolvedAt))
                return failed;
        }
        for (const alerts::Alert &alert : std::as_const(open)) {
            if (auto failed = alertRepository.insertFired(alert))
                return failed;
        }
        summary.alerts += int(closed.size() + open.size());
        summary.openAlerts += int(open.size());
    }
    return std::nullopt;
}

Result<ProfileHistorySeeder::Summary> ProfileHistorySeeder::seed(const QUuid &tenantId,
                                                                 const QList<HistoryField> &fields,
                                                                 const Options &options)
{
    WriteTransaction transaction(m_database);
    if (auto failed = transaction.begin())
        return *failed;
    Summary summary;
    if (auto failed = write(tenantId, fields, options, summary))
        return *failed;
    if (auto failed = transaction.commit())
        return *failed;
    return summary;
}

Result<ProfileHistorySeeder::Summary> ProfileHistorySeeder::seedDemo(const Options &options)
{
    WriteTransaction transaction(m_database);
    if (auto failed = transaction.begin())
        return *failed;
    Summary summary;
    for (const QUuid &tenant : {northwindTenantId(), contosoTenantId()}) {
        auto fields = fieldsOf(tenant, options);
        if (!fields)
            return fields.error();
        if (auto failed = write(tenant, fields.value(), options, summary))
            return *failed;
    }
    if (auto failed = transaction.commit())
        return *failed;
    return summary;
}

} // namespace steward::demo
