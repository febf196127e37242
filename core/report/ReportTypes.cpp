#include "report/ReportTypes.h"

#include "Tr.h"
#include "model/EnumSpelling.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

constexpr SpellingTable<ReportKind, 2> kKinds{{
    {ReportKind::Approvals, u"approvals"},
    {ReportKind::Quality, u"quality"},
}};

constexpr SpellingTable<ReportFormat, 4> kFormats{{
    {ReportFormat::Pdf, u"pdf"},
    {ReportFormat::Html, u"html"},
    {ReportFormat::Csv, u"csv"},
    {ReportFormat::Json, u"json"},
}};

constexpr SpellingTable<Section, 6> kSections{{
    {Section::Summary, u"summary"},
    {Section::Decisions, u"decisions"},
    {Section::Trends, u"trends"},
    {Section::BelowThreshold, u"below_threshold"},
    {Section::Alerts, u"alerts"},
    {Section::RuleFailures, u"rule_failures"},
}};

} // namespace

QString toString(ReportKind kind)
{
    return spell(kKinds, kind);
}
QString toString(ReportFormat format)
{
    return spell(kFormats, format);
}
QString toString(Section section)
{
    return spell(kSections, section);
}
std::optional<ReportKind> reportKindFromString(QStringView text)
{
    return parseSpelling(kKinds, text);
}
std::optional<ReportFormat> reportFormatFromString(QStringView text)
{
    return parseSpelling(kFormats, text);
}
std::optional<Section> sectionFromString(QStringView text)
{
    return parseSpelling(kSections, text);
}
QList<ReportFormat> allReportFormats()
{
    return spelledValues(kFormats);
}

QList<Section> sectionsOf(ReportKind kind)
{
    if (kind == ReportKind::Approvals)
        return {Section::Summary, Section::Decisions};
    return {Section::Summary, Section::Trends, Section::BelowThreshold, Section::Alerts, Section::RuleFailures};
}

QString displayName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Approvals:
        return CoreTr::tr("Approvals audit");
    case ReportKind::Quality:
        return CoreTr::tr("Data quality");
    }
    return {};
}

QString displayName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return CoreTr::tr("PDF document");
    case ReportFormat::Html:
        return CoreTr::tr("HTML page");
    case ReportFormat::Csv:
        return CoreTr::tr("CSV table");
    case ReportFormat::Json:
        return CoreTr::tr("JSON data");
    }
    return {};
}

QString displayName(Section section)
{
    switch (section) {
    case Section::Summary:
        return CoreTr::tr("Summary");
    case Section::Decisions:
        return CoreTr::tr("Decisions");
    case Section::Trends:
        return CoreTr::tr("Trends");
    case Section::BelowThreshold:
        return CoreTr::tr("Fields below threshold");
    case Section::Alerts:
        return CoreTr::tr("Open alerts");
    case Section::RuleFailures:
        return CoreTr::tr("Rule failures of the worst fields");
    }
    return {};
}

QString reportTitle(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Approvals:
        return CoreTr::tr("Approvals audit report");
    case ReportKind::Quality:
        return CoreTr::tr("Data quality report");
    }
    return {};
}

ReportPeriod ReportPeriod::lastDays(int days, const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    return ReportPeriod{today.addDays(-(std::max(1, days) - 1)), today};
}

std::optional<QDate> ReportPeriod::parseDay(const QString &text)
{
    static const QRegularExpression shape(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (!shape.match(text).hasMatch())
        return std::nullopt;
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return std::nullopt;
    return day;
}

quality::Period ReportPeriod::window() const
{
    return quality::Period{QDateTime(from, QTime(0, 0), Qt::UTC), QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC)};
}

QString ReportPeriod::fromText() const
{
    return from.toString(Qt::ISODate);
}
QString ReportPeriod::toText() const
{
    return to.toString(Qt::ISODate);
}

QString ReportPeriod::displayText() const
{
    return CoreTr::tr("%1 to %2 (UTC)").arg(fromText(), toText());
}

ReportProgress::ReportProgress(Callback callback, const std::atomic_bool *cancelRequested)
    : m_callback(std::move(callback)), m_cancel(cancelRequested)
{
}

bool ReportProgress::cancelled() const
{
    return m_cancel && m_cancel->load(std::memory_order_relaxed);
}

bool ReportProgress::step(qint64 done, qint64 total) const
{
    if (m_callback) {
        const double fraction = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 1.0;
        const int percent = m_from + int(fraction * (m_to - m_from));
        if (percent != m_last) {
            m_last = percent;
            m_callback(percent);
        }
    }
    return !cancelled();
}

ReportProgress ReportProgress::phase(int fromPercent, int toPercent) const
{
    ReportProgress child(m_callback, m_cancel);
    const int span = m_to - m_from;
    child.m_from = m_from + span * std::clamp(fromPercent, 0, 100) / 100;
    child.m_to = m_from + span * std::clamp(toPercent, 0, 100) / 100;
    return child;
}

Error cancelledError()
{
    return Error::make(ErrorCode::Conflict, CoreTr::tr("the report was cancelled"));
}

QString displayTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

QString displayMinute(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString displayDuration(qint64 milliseconds)
{
    if (milliseconds < 0)
        return {};
    const qint64 seconds = milliseconds / 1000;
    const qint64 days = seconds / 86400;
    const QString clock = u"%1:%2:%3"_s.arg((seconds / 3600) % 24, 2, 10, QChar(u'0'))
                              .arg((seconds / 60) % 60, 2, 10, QChar(u'0'))
                              .arg(seconds % 60, 2, 10, QChar(u'0'));
    return days > 0 ? CoreTr::tr("%1 d %2").arg(days).arg(clock) : clock;
}

} // namespace steward::report
