#include "HtmlReport.h"

#include "../UiTr.h"
#include "ChartPainter.h"
#include "ReportCharts.h"
#include "ReportLabels.h"
#include "model/Approval.h"
#include "report/ApprovalReportData.h"
#include "report/QualityReportData.h"

#include <QBuffer>
#include <QIODevice>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

constexpr int kProgressEvery = 256;
constexpr qsizetype kBlock = 128 * 1024;
constexpr int kWorstFields = 10;

const QString kStyle = uR"(
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 13px; color: #212121; margin: 24px 32px; }
h1 { color: #1f4e79; font-size: 26px; margin: 0 0 12px 0; }
h2 { color: #1f4e79; font-size: 19px; border-bottom: 2px solid #1f4e79; padding-bottom: 3px; margin-top: 32px; }
h3 { font-size: 14px; margin: 18px 0 6px 0; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 4px 18px; margin: 0; }
dl.facts dt { color: #6b6b6b; }
dl.facts dd { margin: 0; font-weight: bold; }
.notice { color: #b71c1c; font-weight: bold; font-size: 15px; }
.muted { color: #6b6b6b; font-size: 12px; }
nav ol { line-height: 1.7; }
table { border-collapse: collapse; margin: 6px 0 12px 0; }
th { background: #e8eef4; color: #1f4e79; text-align: left; padding: 4px 8px; border-bottom: 2px solid #1f4e79; position: sticky; top: 0; }
td { padding: 3px 8px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
tbody tr:nth-child(even) { background: #f6f7f9; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.key { font-weight: bold; }
td.approved { color: #2e7d32; font-weight: bold; }
td.rejected { color: #c62828; font-weight: bold; }
td.cancelled { color: #757575; font-weight: bold; }
td.changes ul { margin: 0; padding-left: 14px; font-family: "DejaVu Sans Mono", monospace; font-size: 11px; color: #37474f; }
td.reason { max-width: 320px; white-space: pre-wrap; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart { flex: 1 1 420px; max-width: 1000px; }
.chart.wide { flex-basis: 100%; }
.grade-A { color: #2e7d32; font-weight: bold; } .grade-B { color: #7cb342; font-weight: bold; }
.grade-C { color: #f9a825; font-weight: bold; } .grade-D { color: #ef6c00; font-weight: bold; }
.grade-F { color: #c62828; font-weight: bold; }
)"_s;

QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;"_s;
            break;
        case u'<':
            out += u"&lt;"_s;
            break;
        case u'>':
            out += u"&gt;"_s;
            break;
        case u'"':
            out += u"&quot;"_s;
            break;
        default:
            // Control characters other than tab and line breaks are not allowed in XML.
            if (c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\r')
                out += u'\uFFFD';
            else
                out += c;
        }
    }
    return out;
}

QString cell(const QString &text, const QString &cssClass = {})
{
    return cssClass.isEmpty() ? u"<td>"_s + escaped(text) + u"</td>"_s
                              : u"<td class=\""_s + cssClass + u"\">"_s + escaped(text) + u"</td>"_s;
}

QString numberCell(const QString &text)
{
    return cell(text, u"number"_s);
}

QString headerRow(const QList<std::pair<QString, bool>> &columns)
{
    QString row = u"<thead><tr>"_s;
    for (const auto &[title, number] : columns)
        row += (number ? u"<th class=\"number\">"_s : u"<th>"_s) + escaped(title) + u"</th>"_s;
    return row + u"</tr></thead>"_s;
}

// Streams the page into the device in blocks.
class HtmlOut
{
public:
    explicit HtmlOut(QIODevice &device) : m_device(device) {}

    HtmlOut &operator<<(const QString &text)
    {
        m_buffer += text;
        if (m_buffer.size() >= kBlock)
            flush();
        return *this;
    }

    Status finish()
    {
        flush();
        if (m_failed)
            return Error::make(ErrorCode::Unavailable,
                               UiTr::tr("cannot write the report: %1").arg(m_device.errorString()));
        return std::nullopt;
    }

private:
    void flush()
    {
        const QByteArray bytes = m_buffer.toUtf8();
        if (!m_failed && m_device.write(bytes) != bytes.size())
            m_failed = true;
        m_buffer.clear();
    }

    QIODevice &m_device;
    QString m_buffer;
    bool m_failed = false;
};

void beginPage(HtmlOut &out, const ReportHeader &header, const QString &notice, const QStringList &sections,
               const QStringList &anchors)
{
    out << u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"_s
        << u"<meta name=\"generator\" content=\"Metadata Steward\"/>\n<title>"_s
        << escaped(header.title + u" — "_s + header.tenant.name) << u"</title>\n<style>"_s << kStyle
        << u"</style>\n</head>\n<body>\n<header id=\"report-header\">\n<h1>"_s << escaped(header.title)
        << u"</h1>\n<dl class=\"facts\">\n"_s;
    QList<std::pair<QString, QString>> facts{
        {UiTr::tr("Tenant"), u"%1 (%2)"_s.arg(header.tenant.name, uuidText(header.tenant.id))},
        {UiTr::tr("Period"), header.period.displayText()},
        {UiTr::tr("Generated"), displayTime(header.generatedAt)},
        {UiTr::tr("Generated by"), header.generatedBy},
    };
    if (header.auditTrail)
        facts.append({UiTr::tr("Audit trail"), header.auditTrail->statement()});
    for (const auto &[label, value] : facts)
        out << u"<dt>"_s << escaped(label) << u"</dt><dd>"_s << escaped(value) << u"</dd>\n"_s;
    out << u"</dl>\n"_s;
    if (!notice.isEmpty())
        out << u"<p class=\"notice\" id=\"empty-notice\">"_s << escaped(notice) << u"</p>\n"_s;
    out << u"</header>\n<nav>\n<h2>"_s << escaped(UiTr::tr("Contents")) << u"</h2>\n<ol>\n"_s;
    for (qsizetype i = 0; i < sections.size(); ++i)
        out << u"<li><a href=\"#"_s << anchors.at(i) << u"\">"_s << escaped(sections.at(i)) << u"</a></li>\n"_s;
    out << u"</ol>\n</nav>\n"_s;
}

void beginSection(HtmlOut &out, Section section, int &number)
{
    out << u"<section id=\""_s << toString(section) << u"\">\n<h2>"_s << QString::number(++number) << u" "_s
        << escaped(displayName(section)) << u"</h2>\n"_s;
}

QString chartBlock(const ChartData &chart, bool wide)
{
    return u"<figure class=\"chart"_s + (wide ? u" wide"_s : QString()) + u"\">"_s +
           HtmlReport::chartSvg(chart, wide ? 1000 : 480, wide ? 300 : 280) + u"</figure>\n"_s;
}

QList<Section> chosenSections(const ReportRequest &request)
{
    QList<Section> sections;
    for (const Section section : sectionsOf(request.kind)) {
        if (request.includes(section))
            sections.append(section);
    }
    return sections;
}

void pageStart(HtmlOut &out, const ReportRequest &request, const ReportHeader &header, const QString &notice)
{
    QStringList titles, anchors;
    for (const Section section : chosenSections(request)) {
        titles.append(displayName(section));
        anchors.append(toString(section));
    }
    beginPage(out, header, notice, titles, anchors);
}

// ---------------------------------------------------------------------------------------

Status writeApprovals(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                      const ReportProgress &progress)
{
    ApprovalReportData data(database, header.tenant.id, header.period);
    auto summary = data.summary();
    if (!summary)
        return summary.error();
    const ApprovalSummary &totals = summary.value();
    HtmlOut out(device);
    pageStart(out, request, header, totals.isEmpty() ? UiTr::tr("No decisions in this period.") : QString());
    int number = 0;

    if (request.includes(Section::Summary)) {
        auto days = quality::QualityQueries(database).decisionsPerDay(header.tenant.id, header.period.window());
        if (!days)
            return days.error();
        beginSection(out, Section::Summary, number);
        const QString median = totals.medianSecondsToDecision
                                   ? UiTr::tr("%1 (over %n approval(s) and rejection(s))", nullptr, totals.medianBasis)
                                         .arg(displayDuration(qint64(*totals.medianSecondsToDecision * 1000.0)))
                                   : UiTr::tr("none (no approvals or rejections)");
        out << u"<dl class=\"facts\" id=\"summary-figures\">\n"_s;
        const QList<std::pair<QString, QString>> figures{
            {UiTr::tr("Decisions"), QString::number(totals.all.total())},
            {UiTr::tr("Approved"), QString::number(totals.all.approved)},
            {UiTr::tr("Rejected"), QString::number(totals.all.rejected)},
            {UiTr::tr("Withdrawn (cancelled)"), QString::number(totals.all.cancelled)},
            {UiTr::tr("Median time to decision"), median}};
        for (const auto &[label, value] : figures)
            out << u"<dt>"_s << escaped(label) << u"</dt><dd>"_s << escaped(value) << u"</dd>\n"_s;
        out << u"</dl>\n<h3>"_s << escaped(UiTr::tr("Decisions by entity type")) << u"</h3>\n<table id=\"totals\">"_s
            << headerRow({{UiTr::tr("Entity type"), false},
                          {UiTr::tr("Approved"), true},
                          {UiTr::tr("Rejected"), true},
                          {UiTr::tr("Cancelled"), true},
                          {UiTr::tr("Total"), true}})
            << u"<tbody>\n"_s;
        auto totalsRow = [&](const QString &name, const DecisionTotals &row) {
            out << u"<tr>"_s << cell(name, u"key"_s) << numberCell(QString::number(row.approved))
                << numberCell(QString::number(row.rejected)) << numberCell(QString::number(row.cancelled))
                << numberCell(QString::number(row.total())) << u"</tr>\n"_s;
        };
        for (const DecisionTotals &row : totals.byEntityType)
            totalsRow(ReportLabels::entityType(row.entityType), row);
        totalsRow(UiTr::tr("All types"), totals.all);
        out << u"</tbody></table>\n<div class=\"charts\">"_s
            << chartBlock(ReportCharts::decisionsPerDay(days.value(), header.period), true)
            << u"</div>\n</section>\n"_s;
    }

    if (request.includes(Section::Decisions)) {
        beginSection(out, Section::Decisions, number);
        if (totals.isEmpty()) {
            out << u"<p class=\"notice\">"_s << escaped(UiTr::tr("No decisions in this period.")) << u"</p>\n"_s;
        } else {
            out << u"<p class=\"muted\">"_s
                << escaped(UiTr::tr("Every request approved, rejected or withdrawn in the period, oldest decision "
                                    "first; times in UTC. Changes compare the current state with the requested "
                                    "one (at most 10 per decision, values cut at 120 characters)."))
                << u"</p>\n<table id=\"decisions\" class=\"decisions\">"_s
                << headerRow({{UiTr::tr("Decided"), false},
                              {UiTr::tr("Decision"), false},
                              {UiTr::tr("Type"), false},
                              {UiTr::tr("Key"), false},
                              {UiTr::tr("Tier"), false},
                              {UiTr::tr("Lane"), false},
                              {UiTr::tr("Requested"), false},
                              {UiTr::tr("Requester"), false},
                              {UiTr::tr("Decider"), false},
                              {UiTr::tr("Decider role"), false},
                              {UiTr::tr("Waited"), true},
                              {UiTr::tr("Reason"), false},
                              {UiTr::tr("Changes"), false}})
                << u"<tbody>\n"_s;
            auto cursor = data.decisions();
            if (!cursor)
                return cursor.error();
            const qint64 total = totals.all.total();
            const Status written = forEachDecision(
                cursor.value(), total, progress, kProgressEvery, [&](const DecisionRecord &record) -> Status {
                    QString changes = u"<ul>"_s;
                    for (const ChangeEntry &change : record.changes.changes)
                        changes += u"<li>"_s + escaped(describe(change)) + u"</li>"_s;
                    if (record.changes.truncated())
                        changes += u"<li>"_s +
                                   escaped(moreChangesText(record.changes.count - int(record.changes.changes.size()))) +
                                   u"</li>"_s;
                    changes += u"</ul>"_s;
                    out << u"<tr data-approval-id=\""_s << escaped(record.approvalId) << u"\" title=\""_s
                        << escaped(record.approvalId) << u"\">"_s << cell(storedMinute(record.decidedAt))
                        << cell(ReportLabels::decision(record.decision), record.decision)
                        << cell(ReportLabels::entityType(record.entityType)) << cell(record.entityKey, u"key"_s)
                        << cell(record.tier) << cell(record.lane) << cell(storedMinute(record.requestedAt))
                        << cell(record.requestedBy) << cell(record.decidedBy)
                        << cell(ReportLabels::role(record.deciderRole))
                        << numberCell(displayDuration(record.timeToDecisionMs)) << cell(record.reason, u"reason"_s)
                        << u"<td class=\"changes\" data-change-count=\""_s << QString::number(record.changes.count)
                        << u"\">"_s << changes << u"</td></tr>\n"_s;
                    return std::nullopt;
                });
            if (written)
                return written;
            out << u"</tbody></table>\n"_s;
        }
        out << u"</section>\n"_s;
    }
    out << u"</body>\n</html>\n"_s;
    if (!progress.step(1, 1))
        return cancelledError();
    return out.finish();
}

QString groupRow(const GroupQuality &group, bool withDomain)
{
    QString row = u"<tr>"_s + cell(group.tier.isEmpty() ? UiTr::tr("(no tier)") : group.tier, u"key"_s);
    if (withDomain)
        row += cell(group.domain.isEmpty() ? UiTr::tr("(no domain)") : group.domain);
    return row + numberCell(QString::number(group.fields)) + numberCell(scoreText(group.averageScore)) +
           cell(group.grade, u"grade-"_s + group.grade) + numberCell(scoreText(group.averageStartScore)) +
           numberCell(changeText(group.change)) + numberCell(QString::number(group.belowThreshold)) + u"</tr>\n"_s;
}

Status writeQuality(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                    const ReportProgress &progress)
{
    auto loaded = QualityReportData(database, header.tenant.id, header.period).load();
    if (!loaded)
        return loaded.error();
    const QualityReport &report = loaded.value();
    if (!progress.step(50, 100))
        return cancelledError();
    HtmlOut out(device);
    pageStart(out, request, header,
              report.isEmpty() ? UiTr::tr("No quality measurements for this period.") : QString());
    int number = 0;
    const QList<std::pair<QString, bool>> groupColumns{{UiTr::tr("Fields"), true}, {UiTr::tr("Score"), true},
                                                       {UiTr::tr("Grade"), false}, {UiTr::tr("At start"), true},
                                                       {UiTr::tr("Change"), true}, {UiTr::tr("Below"), true}};

    if (request.includes(Section::Summary)) {
        beginSection(out, Section::Summary, number);
        out << u"<dl class=\"facts\">"_s << u"<dt>"_s << escaped(UiTr::tr("Fields measured")) << u"</dt><dd>"_s
            << QString::number(report.fields.size()) << u"</dd><dt>"_s
            << escaped(UiTr::tr("Below %1").arg(QString::number(report.threshold))) << u"</dt><dd>"_s
            << QString::number(report.belowThreshold().size()) << u"</dd><dt>"_s
            << escaped(UiTr::tr("Open alerts (now)")) << u"</dt><dd>"_s << QString::number(report.openAlerts.size())
            << u"</dd></dl>\n<p class=\"muted\">"_s
            << escaped(UiTr::tr("Scores are each field's latest completed run up to the end of the period, "
                                "averaged; the change compares with the latest run before the period began."))
            << u"</p>\n<h3>"_s << escaped(UiTr::tr("By tier")) << u"</h3>\n<table id=\"tiers\">"_s
            << headerRow(QList<std::pair<QString, bool>>{{UiTr::tr("Tier"), false}} + groupColumns) << u"<tbody>\n"_s;
        for (const GroupQuality &group : report.tiers)
            out << groupRow(group, false);
        out << u"</tbody></table>\n<h3>"_s << escaped(UiTr::tr("By tier and domain"))
            << u"</h3>\n<table id=\"groups\">"_s
            << headerRow(QList<std::pair<QString, bool>>{{UiTr::tr("Tier"), false}, {UiTr::tr("Domain"), false}} +
                         groupColumns)
            << u"<tbody>\n"_s;
        for (const GroupQuality &group : report.groups)
            out << groupRow(group, true);
        out << u"</tbody></table>\n</section>\n"_s;
    }

    if (request.includes(Section::Trends)) {
        beginSection(out, Section::Trends, number);
        out << u"<div class=\"charts\">"_s
            << chartBlock(ReportCharts::tierTrend(report, header.period, report.threshold), true)
            << chartBlock(ReportCharts::gradeDistribution(report), false)
            << chartBlock(ReportCharts::runsPerDay(report, header.period), false) << u"</div>\n<h3>"_s
            << escaped(UiTr::tr("Degradations: latest run more than 10 points below the one before")) << u"</h3>\n"_s;
        if (report.degradations.isEmpty()) {
            out << u"<p class=\"muted\">"_s << escaped(UiTr::tr("None in this period.")) << u"</p>\n"_s;
        } else {
            out << u"<table id=\"degradations\">"_s
                << headerRow({{UiTr::tr("Field"), false},
                              {UiTr::tr("Tier"), false},
                              {UiTr::tr("Domain"), false},
                              {UiTr::tr("Before"), true},
                              {UiTr::tr("Now"), true},
                              {UiTr::tr("Drop"), true},
                              {UiTr::tr("Measured"), false}})
                << u"<tbody>\n"_s;
            for (const quality::Degradation &drop : report.degradations)
                out << u"<tr>"_s << cell(drop.canonicalKey, u"key"_s)
                    << cell(drop.tier ? toString(*drop.tier) : QString()) << cell(drop.domain)
                    << numberCell(scoreText(drop.previousScore)) << numberCell(scoreText(drop.score))
                    << numberCell(changeText(-drop.drop())) << cell(displayTime(drop.at)) << u"</tr>\n"_s;
            out << u"</tbody></table>\n"_s;
        }
        out << u"</section>\n"_s;
    }

    const QList<std::pair<QString, bool>> fieldColumns{
        {UiTr::tr("Field"), false},    {UiTr::tr("Tier"), false},  {UiTr::tr("Domain"), false},
        {UiTr::tr("Score"), true},     {UiTr::tr("Grade"), false}, {UiTr::tr("Change"), true},
        {UiTr::tr("Complete"), true},  {UiTr::tr("Unique"), true}, {UiTr::tr("Valid"), true},
        {UiTr::tr("Measured"), false}, {UiTr::tr("Alerts"), true}};
    auto fieldRow = [](const FieldQuality &field) {
        return u"<tr>"_s + cell(field.canonicalKey, u"key"_s) + cell(field.tier) + cell(field.domain) +
               numberCell(scoreText(field.score)) + cell(field.grade, u"grade-"_s + field.grade) +
               numberCell(changeText(field.change())) + numberCell(scoreText(field.completeness)) +
               numberCell(scoreText(field.uniqueness)) + numberCell(scoreText(field.validity)) +
               cell(displayTime(field.measuredAt)) + numberCell(QString::number(field.openAlerts)) + u"</tr>\n"_s;
    };

    if (request.includes(Section::BelowThreshold)) {
        beginSection(out, Section::BelowThreshold, number);
        const QList<FieldQuality> fields = report.belowThreshold();
        out << u"<p class=\"muted\">"_s
            << escaped(UiTr::tr("Fields whose latest score up to the end of the period is below %1, worst first.")
                           .arg(QString::number(report.threshold)))
            << u"</p>\n"_s;
        if (fields.isEmpty()) {
            out << u"<p class=\"muted\">"_s << escaped(UiTr::tr("No field is below the threshold.")) << u"</p>\n"_s;
        } else {
            out << u"<table id=\"below-threshold\">"_s << headerRow(fieldColumns) << u"<tbody>\n"_s;
            for (const FieldQuality &field : fields)
                out << fieldRow(field);
            out << u"</tbody></table>\n"_s;
        }
        out << u"</section>\n"_s;
    }

    if (request.includes(Section::Alerts)) {
        beginSection(out, Section::Alerts, number);
        if (report.openAlerts.isEmpty()) {
            out << u"<p class=\"muted\">"_s << escaped(UiTr::tr("No open alerts.")) << u"</p>\n"_s;
        } else {
            out << u"<table id=\"alerts\">"_s
                << headerRow({{UiTr::tr("Rule"), false},
                              {UiTr::tr("Field"), false},
                              {UiTr::tr("Severity"), false},
                              {UiTr::tr("Value"), true},
                              {UiTr::tr("Fired"), false},
                              {UiTr::tr("Acknowledged by"), false}})
                << u"<tbody>\n"_s;
            for (const alerts::Alert &alert : report.openAlerts)
                out << u"<tr>"_s << cell(alert.rule, u"key"_s) << cell(alert.canonicalKey) << cell(alert.severity)
                    << numberCell(scoreText(alert.value)) << cell(displayTime(alert.firedAt))
                    << cell(alert.acknowledgedBy) << u"</tr>\n"_s;
            out << u"</tbody></table>\n"_s;
        }
        out << u"</section>\n"_s;
    }

    if (request.includes(Section::RuleFailures)) {
        beginSection(out, Section::RuleFailures, number);
        const QList<FieldQuality> worst = report.worst(kWorstFields);
        if (worst.isEmpty())
            out << u"<p class=\"muted\">"_s << escaped(UiTr::tr("No measured fields.")) << u"</p>\n"_s;
        for (const FieldQuality &field : worst) {
            out << u"<h3>"_s
                << escaped(UiTr::tr("%1 — score %2 (%3)").arg(field.canonicalKey, scoreText(field.score), field.grade))
                << u"</h3>\n<p class=\"muted\">"_s
                << escaped(
                       UiTr::tr("%1 rows, %2 nulls, %3 invalid values · completeness %4, uniqueness %5, "
                                "validity %6")
                           .arg(field.counts.rows)
                           .arg(field.counts.rows - field.counts.nonNull)
                           .arg(field.counts.nonNull - field.counts.valid)
                           .arg(scoreText(field.completeness), scoreText(field.uniqueness), scoreText(field.validity)))
                << u"</p>\n"_s;
            if (field.counts.rules.isEmpty()) {
                out << u"<p class=\"muted\">"_s
                    << escaped(UiTr::tr("No business rules on this field; validity checks its data type only."))
                    << u"</p>\n"_s;
                continue;
            }
            out << u"<table class=\"rules\">"_s
                << headerRow({{UiTr::tr("Rule"), false},
                              {UiTr::tr("Type"), false},
                              {UiTr::tr("Checked"), true},
                              {UiTr::tr("Violations"), true},
                              {UiTr::tr("Pass rate"), true}})
                << u"<tbody>\n"_s;
            for (const profiler::RuleOutcome &rule : field.counts.rules) {
                const QString rate =
                    rule.checked > 0
                        ? scoreText(100.0 * double(rule.checked - rule.violations) / double(rule.checked)) + u" %"_s
                        : QString();
                out << u"<tr>"_s << cell(rule.ruleKey, u"key"_s) << cell(rule.ruleType)
                    << numberCell(QString::number(rule.checked)) << numberCell(QString::number(rule.violations))
                    << numberCell(rate) << u"</tr>\n"_s;
            }
            out << u"</tbody></table>\n"_s;
        }
        out << u"</section>\n"_s;
    }
    out << u"</body>\n</html>\n"_s;
    if (!progress.step(100, 100))
        return cancelledError();
    return out.finish();
}

} // namespace

namespace HtmlReport {

QString chartSvg(const ChartData &chart, int widthPoints, int heightPoints)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(72); // one SVG unit per point, as the chart is laid out
    generator.setSize(QSize(widthPoints, heightPoints));
    generator.setViewBox(QRect(0, 0, widthPoints, heightPoints));
    generator.setTitle(chart.title);
    {
        QPainter painter(&generator);
        QFont font;
        font.setFamilies({u"DejaVu Sans"_s, u"Arial"_s, u"Helvetica"_s});
        ChartPainter(painter, font).paint(QRectF(4, 4, widthPoints - 8, heightPoints - 8), chart);
    }
    QString svg = QString::fromUtf8(buffer.data());
    // Inline in HTML: no XML prolog, and the element scales with the page.
    svg = svg.mid(std::max<qsizetype>(0, svg.indexOf(u"<svg"_s)));
    static const QRegularExpression size(u"^(<svg[^>]*?)\\s+width=\"[^\"]*\"\\s+height=\"[^\"]*\""_s);
    svg.replace(size, u"\\1 width=\"100%\" role=\"img\""_s);
    return svg.trimmed();
}

Status write(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
             const ReportProgress &progress)
{
    return request.kind == ReportKind::Approvals ? writeApprovals(database, request, header, device, progress)
                                                 : writeQuality(database, request, header, device, progress);
}

} // namespace HtmlReport
} // namespace steward::report
