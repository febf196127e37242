#pragma once

#include "model/Error.h"
#include "model/User.h"
#include "quality/QualityQueries.h"
#include "store/AuditTrail.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <atomic>
#include <functional>
#include <optional>

namespace steward::report {

// The vocabulary of reports, spelled as the command line and the settings store them.
enum class ReportKind { Approvals, Quality };
enum class ReportFormat { Pdf, Html, Csv, Json };
// The parts a report can include. Approvals: Summary, Decisions. Quality: Summary,
// Trends, BelowThreshold, Alerts, RuleFailures.
enum class Section { Summary, Decisions, Trends, BelowThreshold, Alerts, RuleFailures };

QString toString(ReportKind kind);     // approvals | quality
QString toString(ReportFormat format); // pdf | html | csv | json
QString toString(Section section);     // summary | decisions | trends | below_threshold | alerts | rule_failures
std::optional<ReportKind> reportKindFromString(QStringView text);
std::optional<ReportFormat> reportFormatFromString(QStringView text);
std::optional<Section> sectionFromString(QStringView text);
QList<ReportFormat> allReportFormats();
QList<Section> sectionsOf(ReportKind kind);

QString displayName(ReportKind kind); // translated, e.g. "Approvals audit"
QString displayName(ReportFormat format);
QString displayName(Section section);
QString reportTitle(ReportKind kind); // the title on the report itself

// A period of whole UTC calendar days, both ends included.
struct ReportPeriod
{
    QDate from;
    QDate to;

    // The last `days` days up to and including the UTC day of `now`.
    static ReportPeriod lastDays(int days, const QDateTime &now);
    // A day as the command line takes it: exactly YYYY-MM-DD.
    static std::optional<QDate> parseDay(const QString &text);

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    // The half-open UTC window [from 00:00, to + 1 day 00:00) the queries take.
    quality::Period window() const;
    QString fromText() const; // YYYY-MM-DD
    QString toText() const;
    QString displayText() const; // "2025-01-01 to 2025-01-31 (UTC)"
};

// What every report states at its top.
struct ReportHeader
{
    ReportKind kind = ReportKind::Approvals;
    QString title;
    Tenant tenant;
    ReportPeriod period;
    QDateTime generatedAt; // UTC
    QString generatedBy;   // the user id
    // Approvals: the tenant's audit chain, verified as the report was made (SPEC section 9).
    std::optional<AuditVerification> auditTrail;
};

// One report to produce. An empty `sections` list means every section of the kind.
struct ReportRequest
{
    ReportKind kind = ReportKind::Approvals;
    ReportFormat format = ReportFormat::Pdf;
    QUuid tenantId;
    ReportPeriod period;
    QString generatedBy;
    QList<Section> sections;
    QDateTime generatedAt;        // empty: the time the report starts

    bool includes(Section section) const { return sections.isEmpty() || sections.contains(section); }
};

// Progress of one report, told as a percentage, and the way to cancel it. Writers call
// step() now and then; it returns false once the report should stop. A phase maps its
// own 0..100 onto part of the parent's range (a PDF lays out, then paints).
class ReportProgress
{
public:
    using Callback = std::function<void(int percent)>;

    ReportProgress() = default;
    ReportProgress(Callback callback, const std::atomic_bool *cancelRequested);

    bool step(qint64 done, qint64 total) const;
    bool cancelled() const;
    ReportProgress phase(int fromPercent, int toPercent) const;

private:
    Callback m_callback;
    const std::atomic_bool *m_cancel = nullptr;
    int m_from = 0;
    int m_to = 100;
    mutable int m_last = -1;
};

// The error a writer returns when the progress asked it to stop.
Error cancelledError();

// Timestamps in report texts: "2025-03-01 14:05 UTC" (display) and ISO-8601 with
// milliseconds (data formats).
QString displayTime(const QDateTime &time);
QString displayMinute(const QDateTime &time); // "2025-03-01 14:05", UTC without the suffix
// "3 d 04:05:06", "04:05:06"; negative or invalid: "".
QString displayDuration(qint64 milliseconds);

} // namespace steward::report
