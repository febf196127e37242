#include "report/ApprovalReportData.h"

#include "jobs/JobRunner.h"
#include "model/Approval.h"
#include "store/Database.h"

#include <QSemaphore>
#include <QSqlError>
#include <QThread>
#include <QVariant>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

const QStringList kDecisions{u"approved"_s, u"rejected"_s, u"cancelled"_s};
const QStringList kDecisionEvents{u"approval.approved"_s, u"approval.rejected"_s, u"approval.cancelled"_s};

enum Column {
    Id,
    EntityTypeColumn,
    EntityKey,
    TierColumn,
    LaneColumn,
    StatusColumn,
    RequestedAt,
    RequestedBy,
    DecidedAt,
    DecidedBy,
    RequiredRole,
    Reason,
    CurrentState,
    Payload,
    ActorRole,
};

int digits(const QChar *text, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

std::optional<qint64> storedTimestampMs(const QString &text)
{
    // 2025-03-01T14:05:06.789Z, what toIsoTimestamp() stores.
    if (text.size() == 24 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u'T' && text.at(13) == u':' &&
        text.at(16) == u':' && text.at(19) == u'.' && text.at(23) == u'Z') {
        const QChar *c = text.constData();
        const int year = digits(c, 4), month = digits(c + 5, 2), day = digits(c + 8, 2);
        const int hour = digits(c + 11, 2), minute = digits(c + 14, 2), second = digits(c + 17, 2);
        const int ms = digits(c + 20, 3);
        if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24 && minute >= 0 &&
            minute < 60 && second >= 0 && second < 61 && ms >= 0) {
            // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
            const int y = year - (month <= 2 ? 1 : 0);
            const int era = y / 400;
            const int yearOfEra = y - era * 400;
            const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
            const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            const qint64 days = qint64(era) * 146097 + dayOfEra - 719468;
            return ((days * 24 + hour) * 60 + minute) * 60'000LL + second * 1000LL + ms;
        }
    }
    const QDateTime time = fromIsoTimestamp(text);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

QString storedMinute(const QString &text)
{
    if (text.size() >= 16 && text.at(10) == u'T')
        return text.left(10) + u' ' + text.mid(11, 5);
    return displayMinute(fromIsoTimestamp(text));
}

struct DecisionCursor::Pending
{
    DecisionRecord record;
    EntityType type = EntityType::GlobalMetadata;
    QByteArray currentState;
    QByteArray payload;
};

namespace {

constexpr std::size_t kBatch = 512;

} // namespace

DecisionCursor::DecisionCursor(QSqlQuery query, ChangeSummaryLimits limits)
    : m_query(std::move(query)), m_limits(limits), m_finished(std::make_unique<QSemaphore>())
{
    // The calling thread reads and writes; the others diff. One core alone does all.
    const int helpers = std::clamp(QThread::idealThreadCount() - 1, 0, 3);
    if (helpers > 0) {
        m_pool = std::make_unique<QThreadPool>();
        m_pool->setMaxThreadCount(helpers);
    }
}

DecisionCursor::~DecisionCursor()
{
    (void)waitForSummaries(); // the tasks work on m_next
}

DecisionCursor::DecisionCursor(DecisionCursor &&other) noexcept
    : m_query(std::move(other.m_query)), m_limits(other.m_limits), m_ready(std::move(other.m_ready)),
      m_position(other.m_position), m_next(std::move(other.m_next)), m_started(other.m_started),
      m_claimed(other.m_claimed.load()), m_finished(std::move(other.m_finished)), m_pool(std::move(other.m_pool)),
      m_taskFailures(std::move(other.m_taskFailures))
{
    Q_ASSERT(other.m_running == 0);
}

Status DecisionCursor::readBatch(std::vector<Pending> &batch)
{
    batch.clear();
    batch.reserve(kBatch);
    while (batch.size() < kBatch && m_query.next()) {
        const QSqlQuery &q = m_query;
        Pending pending;
        DecisionRecord &record = pending.record;
        record.approvalId = q.value(Id).toString();
        record.entityType = q.value(EntityTypeColumn).toString();
        record.entityKey = q.value(EntityKey).toString();
        record.tier = q.value(TierColumn).toString();
        record.lane = q.value(LaneColumn).toString();
        record.decision = q.value(StatusColumn).toString();
        record.requestedAt = storedTimestampText(q.value(RequestedAt));
        record.requestedBy = q.value(RequestedBy).toString();
        record.decidedAt = storedTimestampText(q.value(DecidedAt));
        record.decidedBy = q.value(DecidedBy).toString();
        record.requiredRole = q.value(RequiredRole).toString();
        record.reason = q.value(Reason).toString();
        // The role recorded with the decision's event; a request decided before events
        // carried roles falls back to the role the decision needed (SPEC rule 1).
        record.deciderRole = q.value(ActorRole).toString();
        if (record.deciderRole.isEmpty() && record.decision != u"cancelled"_s)
            record.deciderRole = record.requiredRole;
        const auto requested = storedTimestampMs(record.requestedAt);
        const auto decided = storedTimestampMs(record.decidedAt);
        record.timeToDecisionMs = requested && decided ? *decided - *requested : -1;
        auto type = storedValue(entityTypeFromString, u"mdm_approval.entity_type"_s, record.entityType);
        if (!type)
            return type.error();
        pending.type = type.value();
        pending.currentState = q.value(CurrentState).toByteArray();
        pending.payload = q.value(Payload).toByteArray();
        batch.push_back(std::move(pending));
    }
    if (m_query.lastError().isValid())
        return databaseError(m_query.lastError());
    return std::nullopt;
}

void DecisionCursor::summarizeNext()
{
    // Threads take decisions one at a time, so a long payload holds up no one.
    for (std::size_t i = m_claimed.fetch_add(1); i < m_next.size(); i = m_claimed.fetch_add(1)) {
        Pending &pending = m_next[i];
        pending.record.changes = summarizeChanges(pending.type, pending.currentState, pending.payload, m_limits);
        pending.currentState.clear();
        pending.payload.clear();
    }
}

void DecisionCursor::startSummaries()
{
    m_claimed = 0;
    if (m_next.empty() || !m_pool)
        return; // done in waitForSummaries()
    const int tasks = m_pool->maxThreadCount();
    m_taskFailures.assign(std::size_t(tasks), std::nullopt);
    for (int task = 0; task < tasks; ++task) {
        m_pool->start([this, task] {
            // No exception leaves a pool thread: it becomes the report's error.
            m_taskFailures[std::size_t(task)] = jobs::runGuarded([this] { summarizeNext(); });
            m_finished->release();
        });
    }
    m_running = tasks;
}

Status DecisionCursor::waitForSummaries()
{
    // What the pool has not started on yet, this thread does.
    const Status failedHere = jobs::runGuarded([this] { summarizeNext(); });
    if (m_running > 0)
        m_finished->acquire(m_running);
    m_running = 0;
    if (failedHere)
        return failedHere;
    for (const Status &failed : std::as_const(m_taskFailures)) {
        if (failed)
            return failed;
    }
    return std::nullopt;
}

Result<bool> DecisionCursor::next(DecisionRecord &record)
{
    if (m_position >= m_ready.size()) {
        if (!m_started) {
            // The first batch has nothing to overlap with.
            m_started = true;
            if (auto failed = readBatch(m_next))
                return *failed;
            startSummaries();
        }
        if (auto failed = waitForSummaries())
            return *failed;
        m_ready.swap(m_next);
        m_position = 0;
        if (m_ready.empty())
            return false;
        // While the caller works through this batch, the next one is diffed.
        if (auto failed = readBatch(m_next))
            return *failed;
        startSummaries();
    }
    record = std::move(m_ready[m_position++].record);
    return true;
}

ApprovalReportData::ApprovalReportData(Database &database, const QUuid &tenantId, const ReportPeriod &period)
    : m_database(database), m_tenantId(tenantId), m_period(period)
{
}

Result<ApprovalSummary> ApprovalReportData::summary() const
{
    const quality::Period window = m_period.window();
    QVariantList values{uuidText(m_tenantId)};
    for (const QString &decision : kDecisions)
        values.append(decision);
    values << toIsoTimestamp(window.from) << toIsoTimestamp(window.to);
    auto query = m_database.run(u"SELECT entity_type, status, COUNT(*) FROM mdm_approval "
                                u"WHERE tenant_id = ? AND status IN (?, ?, ?) AND decided_at >= ? AND decided_at < ? "
                                u"GROUP BY entity_type, status"_s,
                                values);
    if (!query)
        return query.error();

    ApprovalSummary summary;
    for (const EntityType type : allEntityTypes())
        summary.byEntityType.append(DecisionTotals{toString(type)});
    while (query.value().next()) {
        const QString type = query.value().value(0).toString();
        const QString status = query.value().value(1).toString();
        const int count = query.value().value(2).toInt();
        auto it = std::find_if(summary.byEntityType.begin(), summary.byEntityType.end(),
                               [&](const DecisionTotals &totals) { return totals.entityType == type; });
        if (it == summary.byEntityType.end())
            it = summary.byEntityType.insert(summary.byEntityType.end(), DecisionTotals{type});
        for (DecisionTotals *totals : {&*it, &summary.all}) {
            if (status == u"approved"_s)
                totals->approved += count;
            else if (status == u"rejected"_s)
                totals->rejected += count;
            else
                totals->cancelled += count;
        }
    }
    summary.byEntityType.removeIf([](const DecisionTotals &totals) { return totals.total() == 0; });

    // The Quality page's own median, so both show the same number.
    auto median = quality::QualityQueries(m_database).medianTimeToDecision(m_tenantId, window);
    if (!median)
        return median.error();
    summary.medianBasis = median.value().decisions;
    if (median.value().medianSeconds)
        summary.medianSecondsToDecision = std::round(*median.value().medianSeconds * 1000.0) / 1000.0;
    return summary;
}

Result<qint64> ApprovalReportData::count() const
{
    // Only decided requests carry a decision time.
    const quality::Period window = m_period.window();
    auto query = m_database.run(u"SELECT COUNT(*) FROM mdm_approval WHERE tenant_id = ? AND decided_at >= ? "
                                u"AND decided_at < ?"_s,
                                {uuidText(m_tenantId), toIsoTimestamp(window.from), toIsoTimestamp(window.to)});
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : 0;
}

Result<DecisionCursor> ApprovalReportData::decisions(const ChangeSummaryLimits &limits) const
{
    const quality::Period window = m_period.window();
    // The decision's event may be stamped a moment apart from decided_at: look a day wider.
    QVariantList values{uuidText(m_tenantId)};
    for (const QString &type : kDecisionEvents)
        values.append(type);
    values << toIsoTimestamp(window.from.addDays(-1)) << toIsoTimestamp(window.to.addDays(1));
    values << uuidText(m_tenantId);
    for (const QString &decision : kDecisions)
        values.append(decision);
    values << toIsoTimestamp(window.from) << toIsoTimestamp(window.to);

    // Payloads are read as bytes: the JSON parser takes UTF-8, so no round trip through
    // UTF-16. The events' roles join through a grouped subquery SQLite indexes on the fly.
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    const SqlDialect &dialect = m_database.dialect();
    const QString sql =
        u"SELECT a.id, a.entity_type, a.entity_key, a.tier, a.lane, a.status, a.requested_at, a.requested_by, "
        u"a.decided_at, a.decided_by, a.required_role, a.decision_reason, "_s +
        dialect.exactJsonBytes(u"a.current_state"_s) + u", "_s + dialect.exactJsonBytes(u"a.payload"_s) +
        u", e.actor_role FROM mdm_approval a "
        u"LEFT JOIN (SELECT correlation_id, MAX(actor_role) AS actor_role FROM mdm_event "
        u"WHERE tenant_id = ? AND type IN (?, ?, ?) AND occurred_at >= ? AND occurred_at < ? "
        u"GROUP BY correlation_id) e ON e.correlation_id = a.id "
        u"WHERE a.tenant_id = ? AND a.status IN (?, ?, ?) AND a.decided_at >= ? AND a.decided_at < ? "
        u"ORDER BY a.decided_at, a.id"_s;
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError());
    return DecisionCursor(std::move(query), limits);
}

Status forEachDecision(DecisionCursor &cursor, qint64 total, const ReportProgress &progress, int progressEvery,
                       const std::function<Status(const DecisionRecord &)> &write)
{
    qint64 done = 0;
    DecisionRecord record;
    for (;;) {
        auto more = cursor.next(record);
        if (!more)
            return more.error();
        if (!more.value())
            return std::nullopt;
        if (auto failed = write(record))
            return failed;
        if (++done % progressEvery == 0 && !progress.step(done, total))
            return cancelledError();
    }
}

} // namespace steward::report
