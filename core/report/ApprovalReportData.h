#pragma once

#include "model/Error.h"
#include "report/ChangeSummary.h"
#include "report/ReportTypes.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace steward {
class Database;
}

namespace steward::report {

// One decided request (approved, rejected or cancelled) as the audit report shows it.
// Vocabulary fields hold their stored spellings (GLOBAL_METADATA, tier1, approved, ...).
struct DecisionRecord
{
    QString approvalId;
    QString entityType;
    QString entityKey;
    QString tier;
    QString lane;
    QString decision;    // approved | rejected | cancelled
    QString requestedAt; // ISO-8601 UTC with milliseconds, as stored
    QString requestedBy;
    QString decidedAt;
    QString decidedBy;
    QString deciderRole; // the role the decider acted in (from the decision's event)
    QString requiredRole;
    QString reason;
    qint64 timeToDecisionMs = -1; // -1: a timestamp is missing
    ChangeSummary changes;
};

struct DecisionTotals
{
    QString entityType;
    int approved = 0;
    int rejected = 0;
    int cancelled = 0;
    int total() const { return approved + rejected + cancelled; }
};

struct ApprovalSummary
{
    QList<DecisionTotals> byEntityType; // types with decisions, in the order of allEntityTypes()
    DecisionTotals all;                 // entityType empty
    // Over approvals and rejections (a withdrawal is no decision), as on the Quality page.
    std::optional<double> medianSecondsToDecision;
    int medianBasis = 0; // how many decisions the median was taken over
    bool isEmpty() const { return all.total() == 0; }
};

// Reads the decisions of one cursor pass, oldest decision first, from a forward-only
// query: a batch of a few hundred at a time is in memory, never all of them. The change
// summaries (parsing and diffing, most of the work) of the next batch are computed on
// the other cores while the caller works through the current one; order is kept.
class DecisionCursor
{
public:
    DecisionCursor(QSqlQuery query, ChangeSummaryLimits limits);
    ~DecisionCursor();
    DecisionCursor(DecisionCursor &&other) noexcept; // only before the first next()
    DecisionCursor &operator=(DecisionCursor &&) = delete;

    // Fills `record` with the next decision; false after the last one.
    Result<bool> next(DecisionRecord &record);

private:
    struct Pending;
    Status readBatch(std::vector<Pending> &batch);
    void summarizeNext();  // takes decisions of m_next until none is left
    void startSummaries(); // of m_next, on the pool
    // What failed in a task (an exception on a pool thread, caught there), if anything.
    Status waitForSummaries();

    QSqlQuery m_query;
    ChangeSummaryLimits m_limits;
    std::vector<Pending> m_ready; // summarized, handed out one by one
    std::size_t m_position = 0;
    std::vector<Pending> m_next; // read, being summarized on the pool
    bool m_started = false;
    int m_running = 0;                     // pool tasks working on m_next
    std::atomic<std::size_t> m_claimed{0}; // decisions of m_next taken by a thread
    std::unique_ptr<QSemaphore> m_finished;
    std::unique_ptr<QThreadPool> m_pool;
    std::vector<Status> m_taskFailures; // one per pool task, each written by its task only
};

// Hands every decision of the cursor to `write`, in order, telling `progress` every
// `progressEvery` decisions of `total`; stops at the first error of either, or with
// cancelledError() when the progress callback asks to stop.
Status forEachDecision(DecisionCursor &cursor, qint64 total, const ReportProgress &progress, int progressEvery,
                       const std::function<Status(const DecisionRecord &)> &write);

// The data of the approvals audit report for one tenant and period (by decision time).
// Read on the connection of the calling thread.
class ApprovalReportData
{
public:
    ApprovalReportData(Database &database, const QUuid &tenantId, const ReportPeriod &period);

    Result<ApprovalSummary> summary() const;
    // How many decisions the period holds (what a cursor will read), from the index alone.
    Result<qint64> count() const;
    Result<DecisionCursor> decisions(const ChangeSummaryLimits &limits = {}) const;

private:
    Database &m_database;
    QUuid m_tenantId;
    ReportPeriod m_period;
};

// A stored timestamp ("2025-03-01T14:05:06.789Z") as milliseconds since the epoch, read
// without QDateTime; other spellings the slow way. Empty when it is no timestamp.
std::optional<qint64> storedTimestampMs(const QString &text);
// "2025-03-01 14:05" from a stored timestamp (UTC).
QString storedMinute(const QString &text);

} // namespace steward::report
