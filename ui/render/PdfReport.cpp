#include "PdfReport.h"

#include "../UiTr.h"
#include "ChartPainter.h"
#include "ChartPalette.h"
#include "PdfDocument.h"
#include "ReportCharts.h"
#include "ReportLabels.h"
#include "report/ApprovalReportData.h"
#include "report/QualityReportData.h"

#include <QIODevice>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

using Style = PdfDocument::Style;
using Cell = PdfTable::Cell;

constexpr int kProgressEvery = 128;
// The PDF is read by people: fewer and shorter change lines than the data formats carry
// (most of a PDF's size and time is its text).
constexpr ChangeSummaryLimits kPdfChanges{6, 48, 250};
constexpr int kWorstFields = 10;
const QColor kMuted(0x6b, 0x6b, 0x6b);
const QColor kNotice(0xb7, 0x1c, 0x1c);

QColor changeColor(double change)
{
    if (change > 0.05)
        return QColor(0x2e, 0x7d, 0x32);
    if (change < -0.05)
        return QColor(0xc6, 0x28, 0x28);
    return {};
}

// A chart at the current position, `height` tall; on a new page when it does not fit.
void chart(PdfDocument &document, const ChartData &data, double x, double width, double height)
{
    if (document.remaining() < height)
        document.newPage();
    if (document.painting())
        ChartPainter(document.painter(), document.font(Style::Body))
            .paint(QRectF(x, document.y, width, height - document.mm(4)), data);
}

// Key figures: one label-value pair per line.
void figures(PdfDocument &document, const QList<std::pair<QString, QString>> &pairs)
{
    for (const auto &[label, value] : pairs) {
        if (document.remaining() < document.lineHeight(Style::Body))
            document.newPage();
        const double baseline = document.y + document.metrics(Style::Body).ascent();
        document.text(document.content().left(), baseline, label, Style::Body, kMuted);
        document.text(document.content().left() + document.mm(62), baseline, value, Style::Bold);
        document.y += document.lineHeight(Style::Body) * 1.25;
    }
    document.y += document.mm(3);
}

void subheading(PdfDocument &document, const QString &text, double spaceAfterMm = 2)
{
    if (document.remaining() < document.lineHeight(Style::Subheading) + 4 * document.lineHeight(Style::Body))
        document.newPage();
    document.y += document.mm(2);
    document.text(document.content().left(), document.y + document.metrics(Style::Subheading).ascent(), text,
                  Style::Subheading);
    document.y += document.lineHeight(Style::Subheading) + document.mm(spaceAfterMm);
}

// ---------------------------------------------------------------------------------------
// The approvals audit report.

class ApprovalsPdf
{
public:
    ApprovalsPdf(Database &database, const ReportRequest &request, const ReportHeader &header)
        : m_request(request), m_data(database, header.tenant.id, header.period), m_database(database), m_header(header)
    {
    }

    Status load()
    {
        auto summary = m_data.summary();
        if (!summary)
            return summary.error();
        m_summary = summary.value();
        auto days = quality::QualityQueries(m_database).decisionsPerDay(m_header.tenant.id, m_header.period.window());
        if (!days)
            return days.error();
        m_days = days.value();
        return std::nullopt;
    }

    QStringList sections() const
    {
        QStringList titles;
        for (const Section section : sectionsOf(ReportKind::Approvals)) {
            if (m_request.includes(section))
                titles.append(displayName(section));
        }
        return titles;
    }

    Status pass(PdfDocument &document, const ReportProgress &progress)
    {
        document.titlePage(
            UiTr::tr("%n decision(s): %1 approved, %2 rejected, %3 withdrawn.", nullptr, m_summary.all.total())
                .arg(m_summary.all.approved)
                .arg(m_summary.all.rejected)
                .arg(m_summary.all.cancelled),
            m_summary.isEmpty() ? UiTr::tr("No decisions in this period.") : QString());
        document.contentsPage(sections());
        if (m_request.includes(Section::Summary))
            summary(document);
        if (m_request.includes(Section::Decisions))
            return decisions(document, progress);
        return std::nullopt;
    }

private:
    void summary(PdfDocument &document)
    {
        document.beginSection(displayName(Section::Summary));
        if (m_summary.isEmpty()) {
            document.paragraph(UiTr::tr("No decisions in this period: no request was approved, rejected or "
                                        "withdrawn between %1 and %2.")
                                   .arg(m_header.period.fromText(), m_header.period.toText()),
                               Style::Subheading, kNotice);
            document.y += document.mm(4);
        }
        const QString median =
            m_summary.medianSecondsToDecision
                ? UiTr::tr("%1 (over %n approval(s) and rejection(s))", nullptr, m_summary.medianBasis)
                      .arg(displayDuration(qint64(*m_summary.medianSecondsToDecision * 1000.0)))
                : UiTr::tr("none (no approvals or rejections)");
        figures(document, {{UiTr::tr("Decisions"), QString::number(m_summary.all.total())},
                           {UiTr::tr("Approved"), QString::number(m_summary.all.approved)},
                           {UiTr::tr("Rejected"), QString::number(m_summary.all.rejected)},
                           {UiTr::tr("Withdrawn (cancelled)"), QString::number(m_summary.all.cancelled)},
                           {UiTr::tr("Median time to decision"), median}});

        subheading(document, UiTr::tr("Decisions by entity type"));
        PdfTable table(document, {{UiTr::tr("Entity type"), 60},
                                  {UiTr::tr("Approved"), 25, true},
                                  {UiTr::tr("Rejected"), 25, true},
                                  {UiTr::tr("Cancelled"), 25, true},
                                  {UiTr::tr("Total"), 25, true},
                                  {QString(), 113}});
        table.begin();
        for (const DecisionTotals &totals : m_summary.byEntityType)
            table.row(totalsCells(ReportLabels::entityType(totals.entityType), totals, false));
        table.row(totalsCells(UiTr::tr("All types"), m_summary.all, true));
        document.y += document.mm(6);
        chart(document, ReportCharts::decisionsPerDay(m_days, m_header.period), document.content().left(),
              document.content().width(), document.mm(72));
    }

    static QList<Cell> totalsCells(const QString &name, const DecisionTotals &totals, bool bold)
    {
        return {{name, {}, bold},
                {QString::number(totals.approved), {}, bold},
                {QString::number(totals.rejected), {}, bold},
                {QString::number(totals.cancelled), {}, bold},
                {QString::number(totals.total()), {}, true}};
    }

    Status decisions(PdfDocument &document, const ReportProgress &progress)
    {
        document.beginSection(displayName(Section::Decisions));
        if (m_summary.isEmpty()) {
            document.paragraph(UiTr::tr("No decisions in this period."), Style::Subheading, kNotice);
            return std::nullopt;
        }
        document.paragraph(UiTr::tr("Every request approved, rejected or withdrawn in the period, oldest decision "
                                    "first. Times are UTC. Under each decision: the start of its id and its reason, "
                                    "then what it changed (current state against the requested one; here at most 6 "
                                    "changes with values cut at 48 characters, the CSV and JSON forms list 10 with "
                                    "120)."),
                           Style::Small, kMuted, 3);
        document.y += document.mm(2);
        PdfTable table(document,
                       {{UiTr::tr("Decided"), 27.5},
                        {UiTr::tr("Decision"), 17},
                        {UiTr::tr("Type"), 25.5},
                        {UiTr::tr("Key"), 54},
                        {UiTr::tr("Tier · lane"), 27},
                        {UiTr::tr("Requested"), 27.5},
                        {UiTr::tr("Requester"), 21},
                        {UiTr::tr("Decider · role"), 52},
                        {UiTr::tr("Waited"), 16, true}},
                       27.5);
        table.begin();
        auto cursor = m_data.decisions(kPdfChanges);
        if (!cursor)
            return cursor.error();
        const qint64 total = m_summary.all.total();
        const Status written = forEachDecision(
            cursor.value(), total, progress, kProgressEvery, [&](const DecisionRecord &record) -> Status {
                QList<PdfTable::Detail> details;
                QString head = UiTr::tr("ID %1").arg(record.approvalId.left(8));
                if (!record.reason.isEmpty())
                    head += u"  ·  "_s + UiTr::tr("Reason: %1").arg(record.reason);
                details.append({head, {}, 3});
                for (const ChangeEntry &change : record.changes.changes)
                    details.append({describe(change), QColor(0x37, 0x47, 0x4f), 1});
                if (record.changes.truncated())
                    details.append({moreChangesText(record.changes.count - int(record.changes.changes.size())), {}, 1});
                if (!record.changes.error.isEmpty())
                    details.append({UiTr::tr("Diff unavailable: %1").arg(record.changes.error), kNotice, 1});
                const QString decider = record.deciderRole.isEmpty()
                                            ? record.decidedBy
                                            : record.decidedBy + u" · "_s + ReportLabels::role(record.deciderRole);
                table.row({{storedMinute(record.decidedAt)},
                           {ReportLabels::decision(record.decision), ChartPalette::decision(record.decision), true},
                           {ReportLabels::entityType(record.entityType)},
                           {record.entityKey, {}, true},
                           {record.tier + u" · "_s + record.lane},
                           {storedMinute(record.requestedAt)},
                           {record.requestedBy},
                           {decider},
                           {displayDuration(record.timeToDecisionMs)}},
                          details);
                return std::nullopt;
            });
        if (written)
            return written;
        if (!progress.step(total, total))
            return cancelledError();
        return std::nullopt;
    }

    const ReportRequest &m_request;
    ApprovalReportData m_data;
    Database &m_database;
    const ReportHeader &m_header;
    ApprovalSummary m_summary;
    QList<quality::DecisionDay> m_days;
};

// ---------------------------------------------------------------------------------------
// The data quality report.

class QualityPdf
{
public:
    QualityPdf(Database &database, const ReportRequest &request, const ReportHeader &header)
        : m_request(request), m_header(header), m_data(database, header.tenant.id, header.period)
    {
    }

    Status load()
    {
        auto report = m_data.load();
        if (!report)
            return report.error();
        m_report = report.value();
        return std::nullopt;
    }

    QStringList sections() const
    {
        QStringList titles;
        for (const Section section : sectionsOf(ReportKind::Quality)) {
            if (m_request.includes(section))
                titles.append(displayName(section));
        }
        return titles;
    }

    Status pass(PdfDocument &document, const ReportProgress &progress)
    {
        document.titlePage(
            UiTr::tr("%n field(s) measured, %1 below %2, %3 open alert(s).", nullptr, int(m_report.fields.size()))
                .arg(m_report.belowThreshold().size())
                .arg(QString::number(m_report.threshold))
                .arg(m_report.openAlerts.size()),
            m_report.isEmpty() ? UiTr::tr("No quality measurements for this period.") : QString());
        document.contentsPage(sections());
        if (m_request.includes(Section::Summary))
            summary(document);
        progress.step(1, 5);
        if (m_request.includes(Section::Trends))
            trends(document);
        progress.step(2, 5);
        if (m_request.includes(Section::BelowThreshold))
            belowThreshold(document);
        progress.step(3, 5);
        if (m_request.includes(Section::Alerts))
            alerts(document);
        progress.step(4, 5);
        if (m_request.includes(Section::RuleFailures))
            ruleFailures(document);
        if (!progress.step(5, 5))
            return cancelledError();
        return std::nullopt;
    }

private:
    QList<Cell> groupCells(const GroupQuality &group, bool withDomain) const
    {
        QList<Cell> cells{{group.tier.isEmpty() ? UiTr::tr("(no tier)") : group.tier, {}, !withDomain}};
        if (withDomain)
            cells.append(Cell(group.domain.isEmpty() ? UiTr::tr("(no domain)") : group.domain));
        cells += QList<Cell>{
            {QString::number(group.fields)},
            {scoreText(group.averageScore), {}, true},
            {group.grade, ChartPalette::grade(group.grade), true},
            {scoreText(group.averageStartScore)},
            {changeText(group.change), changeColor(group.change.value_or(0))},
            {QString::number(group.belowThreshold), group.belowThreshold > 0 ? QColor(0xc6, 0x28, 0x28) : QColor()}};
        return cells;
    }

    void summary(PdfDocument &document)
    {
        document.beginSection(displayName(Section::Summary));
        if (m_report.fields.isEmpty())
            document.paragraph(UiTr::tr("No field has a completed profile run up to the end of this period."),
                               Style::Subheading, kNotice);
        figures(document, {{UiTr::tr("Fields measured"), QString::number(m_report.fields.size())},
                           {UiTr::tr("Below %1").arg(QString::number(m_report.threshold)),
                            QString::number(m_report.belowThreshold().size())},
                           {UiTr::tr("Open alerts (now)"), QString::number(m_report.openAlerts.size())}});
        document.paragraph(UiTr::tr("Scores are each field's latest completed run up to the end of the period, "
                                    "averaged; the change compares with the latest run before the period began."),
                           Style::Small, kMuted, 3);
        document.y += document.mm(2);
        subheading(document, UiTr::tr("By tier"));
        const QList<PdfTable::Column> tail{{UiTr::tr("Fields"), 16, true}, {UiTr::tr("Score"), 18, true},
                                           {UiTr::tr("Grade"), 14},        {UiTr::tr("At start"), 18, true},
                                           {UiTr::tr("Change"), 18, true}, {UiTr::tr("Below"), 16, true}};
        PdfTable tiers(document, QList<PdfTable::Column>{{UiTr::tr("Tier"), 40}} + tail +
                                     QList<PdfTable::Column>{{QString(), 133}});
        tiers.begin();
        for (const GroupQuality &group : m_report.tiers)
            tiers.row(groupCells(group, false));
        document.y += document.mm(4);
        subheading(document, UiTr::tr("By tier and domain"));
        PdfTable groups(document, QList<PdfTable::Column>{{UiTr::tr("Tier"), 20}, {UiTr::tr("Domain"), 50}} + tail +
                                      QList<PdfTable::Column>{{QString(), 103}});
        groups.begin();
        for (const GroupQuality &group : m_report.groups)
            groups.row(groupCells(group, true));
    }

    void trends(PdfDocument &document)
    {
        document.beginSection(displayName(Section::Trends));
        const double left = document.content().left();
        const double width = document.content().width();
        chart(document, ReportCharts::tierTrend(m_report, m_header.period, m_report.threshold), left, width,
              document.mm(78));
        document.y += document.mm(78);
        if (document.remaining() < document.mm(72))
            document.newPage();
        const double half = (width - document.mm(10)) / 2;
        chart(document, ReportCharts::gradeDistribution(m_report), left, half, document.mm(72));
        chart(document, ReportCharts::runsPerDay(m_report, m_header.period), left + half + document.mm(10), half,
              document.mm(72));
        document.y += document.mm(72);

        subheading(document, UiTr::tr("Degradations: latest run more than 10 points below the one before"));
        if (m_report.degradations.isEmpty()) {
            document.paragraph(UiTr::tr("None in this period."), Style::Body, kMuted);
            return;
        }
        PdfTable table(document, {{UiTr::tr("Field"), 70},
                                  {UiTr::tr("Tier"), 16},
                                  {UiTr::tr("Domain"), 40},
                                  {UiTr::tr("Before"), 18, true},
                                  {UiTr::tr("Now"), 18, true},
                                  {UiTr::tr("Drop"), 18, true},
                                  {UiTr::tr("Measured"), 30},
                                  {UiTr::tr("Previous run"), 30}});
        table.begin();
        for (const quality::Degradation &drop : m_report.degradations)
            table.row({{drop.canonicalKey, {}, true},
                       {drop.tier ? toString(*drop.tier) : QString()},
                       {drop.domain},
                       {scoreText(drop.previousScore)},
                       {scoreText(drop.score), {}, true},
                       {changeText(-drop.drop()), QColor(0xc6, 0x28, 0x28)},
                       {displayMinute(drop.at)},
                       {displayMinute(drop.previousAt)}});
    }

    void belowThreshold(PdfDocument &document)
    {
        document.beginSection(displayName(Section::BelowThreshold));
        const QList<FieldQuality> fields = m_report.belowThreshold();
        document.paragraph(UiTr::tr("Fields whose latest score up to the end of the period is below %1, worst first.")
                               .arg(QString::number(m_report.threshold)),
                           Style::Small, kMuted);
        document.y += document.mm(2);
        if (fields.isEmpty()) {
            document.paragraph(UiTr::tr("No field is below the threshold."), Style::Body, kMuted);
            return;
        }
        PdfTable table(document, {{UiTr::tr("Field"), 70},
                                  {UiTr::tr("Tier"), 16},
                                  {UiTr::tr("Domain"), 36},
                                  {UiTr::tr("Score"), 16, true},
                                  {UiTr::tr("Grade"), 13},
                                  {UiTr::tr("Change"), 17, true},
                                  {UiTr::tr("Complete"), 19, true},
                                  {UiTr::tr("Unique"), 17, true},
                                  {UiTr::tr("Valid"), 17, true},
                                  {UiTr::tr("Measured"), 28},
                                  {UiTr::tr("Alerts"), 14, true}});
        table.begin();
        for (const FieldQuality &field : fields)
            table.row({{field.canonicalKey, {}, true},
                       {field.tier},
                       {field.domain},
                       {scoreText(field.score), {}, true},
                       {field.grade, ChartPalette::grade(field.grade), true},
                       {changeText(field.change()), changeColor(field.change().value_or(0))},
                       {scoreText(field.completeness)},
                       {scoreText(field.uniqueness)},
                       {scoreText(field.validity)},
                       {displayMinute(field.measuredAt)},
                       {QString::number(field.openAlerts)}});
    }

    void alerts(PdfDocument &document)
    {
        document.beginSection(displayName(Section::Alerts));
        document.paragraph(
            UiTr::tr(
                "Alerts firing when the report was generated that had fired by the end of the period, newest first."),
            Style::Small, kMuted);
        document.y += document.mm(2);
        if (m_report.openAlerts.isEmpty()) {
            document.paragraph(UiTr::tr("No open alerts."), Style::Body, kMuted);
            return;
        }
        PdfTable table(document, {{UiTr::tr("Rule"), 45},
                                  {UiTr::tr("Field"), 75},
                                  {UiTr::tr("Severity"), 22},
                                  {UiTr::tr("Value"), 18, true},
                                  {UiTr::tr("Fired"), 30},
                                  {UiTr::tr("Acknowledged by"), 40}});
        table.begin();
        for (const alerts::Alert &alert : m_report.openAlerts)
            table.row({{alert.rule, {}, true},
                       {alert.canonicalKey},
                       {alert.severity,
                        alert.severity == u"critical"_s ? QColor(0xc6, 0x28, 0x28) : QColor(0xef, 0x6c, 0x00)},
                       {scoreText(alert.value)},
                       {displayMinute(alert.firedAt)},
                       {alert.acknowledgedBy}});
    }

    void ruleFailures(PdfDocument &document)
    {
        document.beginSection(displayName(Section::RuleFailures));
        const QList<FieldQuality> worst = m_report.worst(kWorstFields);
        document.paragraph(UiTr::tr("The %n lowest-scoring field(s) and how each of their rules fared in the "
                                    "latest run.",
                                    nullptr, int(worst.size())),
                           Style::Small, kMuted);
        document.y += document.mm(2);
        if (worst.isEmpty()) {
            document.paragraph(UiTr::tr("No measured fields."), Style::Body, kMuted);
            return;
        }
        for (const FieldQuality &field : worst) {
            subheading(document,
                       UiTr::tr("%1 — score %2 (%3)").arg(field.canonicalKey, scoreText(field.score), field.grade), 1);
            document.paragraph(UiTr::tr("%1, %2 · %3 rows, %4 nulls, %5 invalid values · completeness %6, "
                                        "uniqueness %7, validity %8 · measured %9")
                                   .arg(field.tier, field.domain.isEmpty() ? UiTr::tr("no domain") : field.domain)
                                   .arg(field.counts.rows)
                                   .arg(field.counts.rows - field.counts.nonNull)
                                   .arg(field.counts.nonNull - field.counts.valid)
                                   .arg(scoreText(field.completeness), scoreText(field.uniqueness),
                                        scoreText(field.validity), displayMinute(field.measuredAt)),
                               Style::Small, kMuted, 2);
            document.y += document.mm(1);
            if (field.counts.rules.isEmpty()) {
                document.paragraph(UiTr::tr("No business rules on this field; validity checks its data type only."),
                                   Style::Body, kMuted);
                document.y += document.mm(3);
                continue;
            }
            PdfTable table(document, {{UiTr::tr("Rule"), 80},
                                      {UiTr::tr("Type"), 24},
                                      {UiTr::tr("Checked"), 24, true},
                                      {UiTr::tr("Violations"), 24, true},
                                      {UiTr::tr("Pass rate"), 22, true},
                                      {QString(), 99}});
            table.begin();
            for (const profiler::RuleOutcome &rule : field.counts.rules) {
                const std::optional<double> rate =
                    rule.checked > 0
                        ? std::optional<double>(100.0 * double(rule.checked - rule.violations) / double(rule.checked))
                        : std::nullopt;
                table.row(
                    {{rule.ruleKey, {}, true},
                     {rule.ruleType},
                     {QString::number(rule.checked)},
                     {QString::number(rule.violations), rule.violations > 0 ? QColor(0xc6, 0x28, 0x28) : QColor()},
                     {rate ? scoreText(*rate) + u" %"_s : QString()}});
            }
            document.y += document.mm(4);
        }
    }

    const ReportRequest &m_request;
    const ReportHeader &m_header;
    QualityReportData m_data;
    QualityReport m_report;
};

template <typename Content>
Status paintTwice(Content &content, const ReportHeader &header, QIODevice &device, const ReportProgress &progress)
{
    if (auto failed = content.load())
        return failed;
    QPdfWriter writer(&device);
    PdfDocument document(writer, header);

    // Layout: where the sections start and how many pages there are.
    document.beginPass(false);
    if (auto failed = content.pass(document, progress.phase(0, 40)))
        return failed;
    document.endPass();
    if (progress.cancelled())
        return cancelledError();
    const QList<PdfDocument::TocEntry> toc = document.toc();
    const int pages = document.page();

    document.beginPass(true, toc, pages);
    if (!document.painting())
        return Error::make(ErrorCode::Unavailable, UiTr::tr("cannot start the PDF: %1").arg(device.errorString()));
    if (auto failed = content.pass(document, progress.phase(40, 100))) {
        document.endPass();
        return failed;
    }
    if (!document.endPass())
        return Error::make(ErrorCode::Unavailable, UiTr::tr("cannot write the PDF: %1").arg(device.errorString()));
    if (document.page() != pages)
        qWarning("report: the PDF has %d pages, its layout pass counted %d", document.page(), pages);
    return std::nullopt;
}

} // namespace

namespace PdfReport {

Status write(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
             const ReportProgress &progress)
{
    if (request.kind == ReportKind::Approvals) {
        ApprovalsPdf content(database, request, header);
        return paintTwice(content, header, device, progress);
    }
    QualityPdf content(database, request, header);
    return paintTwice(content, header, device, progress);
}

} // namespace PdfReport
} // namespace steward::report
