// The approvals audit report in every format, read back from the files it wrote and
// compared with the decisions in the database (read with the test's own SQL).

#include "ReportFixture.h"
#include "ReportRenderer.h"
#include "diff/ReviewDocuments.h"
#include "diff/StructuralDiff.h"
#include "report/ChangeSummary.h"
#include "report/CsvReport.h"
#include "report/ReportOutput.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The tool's output, or a failure that names what is missing.
QString runTool(const QString &program, const QStringList &arguments, QString *error)
{
    if (program.isEmpty()) {
        *error = u"not found at configure time; install poppler-utils (Debian) and re-run cmake"_s;
        return {};
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = u"%1 failed: %2"_s.arg(program, QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The text of the `<tr>` rows of the table with `tableId`, and each row's attributes.
struct HtmlRow
{
    QXmlStreamAttributes attributes;
    QStringList cells;
};

QList<HtmlRow> htmlRows(const QByteArray &html, const QString &tableId, QString *error)
{
    QXmlStreamReader xml(html);
    QList<HtmlRow> rows;
    bool inTable = false, inBody = false;
    int cellDepth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"table"_s && xml.attributes().value(u"id"_s) == tableId)
                inTable = true;
            else if (inTable && xml.name() == u"tbody"_s)
                inBody = true;
            else if (inBody && xml.name() == u"tr"_s)
                rows.append(HtmlRow{xml.attributes(), {}});
            else if (inBody && xml.name() == u"td"_s) {
                rows.last().cells.append(QString());
                cellDepth = 1;
            } else if (cellDepth > 0) {
                ++cellDepth;
                if (xml.name() == u"li"_s && !rows.last().cells.last().isEmpty())
                    rows.last().cells.last() += u'\n';
            }
        } else if (xml.isEndElement()) {
            if (cellDepth > 0)
                --cellDepth;
            if (xml.name() == u"tbody"_s)
                inBody = false;
            if (xml.name() == u"table"_s)
                inTable = false;
        } else if (xml.isCharacters() && cellDepth > 0) {
            rows.last().cells.last() += xml.text();
        }
    }
    if (xml.hasError())
        *error = xml.errorString() + u" at line "_s + QString::number(xml.lineNumber());
    return rows;
}

} // namespace

class TestApprovalsReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        STEWARD_VERIFY(m_fixture.setUp());
        auto decisions = m_fixture.decisions(ReportFixture::period());
        QVERIFY2(decisions, decisions ? "" : qPrintable(decisions.error().text()));
        m_expected = decisions.value();
        // The fixture's period holds approvals, a rejection and a withdrawal; the days
        // around it and the pending request are outside.
        QCOMPARE(m_expected.size(), 8);
        QSet<QString> statuses;
        for (const StoredDecision &decision : m_expected)
            statuses.insert(decision.status);
        QCOMPARE(statuses, (QSet<QString>{u"approved"_s, u"rejected"_s, u"cancelled"_s}));
    }

    void csvRowsAreTheDecisionsOfThePeriod()
    {
        const QString path = m_fixture.path(u"approvals.csv"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(m_fixture.database(),
                                                          m_fixture.request(report::ReportFormat::Csv), path));
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // plain UTF-8, no byte order mark
        QVERIFY(bytes.contains("\r\n"));            // RFC 4180 line ends
        const QList<QStringList> records = parseCsv(bytes);
        QCOMPARE(records.size(), m_expected.size() + 1);
        const QStringList header = records.constFirst();
        QCOMPARE(header, report::CsvReport::approvalColumns());
        const auto column = [&](const QString &name) { return int(header.indexOf(name)); };

        for (qsizetype i = 0; i < m_expected.size(); ++i) {
            const QStringList &row = records.at(i + 1);
            const StoredDecision &expected = m_expected.at(i);
            QCOMPARE(row.size(), header.size());
            QCOMPARE(row.at(column(u"approval_id"_s)), expected.id);
            QCOMPARE(row.at(column(u"decision"_s)), expected.status);
            QCOMPARE(row.at(column(u"entity_type"_s)), expected.entityType);
            QCOMPARE(row.at(column(u"entity_key"_s)), expected.entityKey);
            QCOMPARE(row.at(column(u"requested_at"_s)), expected.requestedAt);
            QCOMPARE(row.at(column(u"requested_by"_s)), expected.requestedBy);
            QCOMPARE(row.at(column(u"decided_at"_s)), expected.decidedAt);
            QCOMPARE(row.at(column(u"decided_by"_s)), expected.decidedBy);
            QCOMPARE(row.at(column(u"decider_role"_s)), expected.actorRole);
            QCOMPARE(row.at(column(u"reason"_s)), expected.reason); // commas, quotes, line breaks, umlauts
            const double waited =
                double(fromIsoTimestamp(expected.requestedAt).msecsTo(fromIsoTimestamp(expected.decidedAt))) / 1000.0;
            QCOMPARE(row.at(column(u"time_to_decision_seconds"_s)).toDouble(), waited);
            QCOMPARE(row.at(column(u"tenant_name"_s)), ReportFixture::tenantName());
            QCOMPARE(row.at(column(u"period_from"_s)), u"2025-03-02"_s);
            QCOMPARE(row.at(column(u"period_to"_s)), u"2025-03-04"_s);
            QCOMPARE(row.at(column(u"generated_by"_s)), u"auditor.ädä"_s);
            QCOMPARE(row.at(column(u"generated_at"_s)), u"2025-03-10T08:30:00.000Z"_s);
        }

        // The rename's diff summary carries the new label, JSON-escaped, in one cell.
        const QStringList rename = records.at(1);
        QCOMPARE(rename.at(column(u"entity_key"_s)), u"sales.order.amount"_s);
        QCOMPARE(rename.at(column(u"change_count"_s)), u"2"_s);
        const QString changes = rename.at(column(u"changes"_s));
        QVERIFY2(changes.contains(u"~ /label: \"Order amount\" -> "_s), qPrintable(changes));
        QVERIFY2(changes.contains(u"\\\"discounts\\\"\\nsecond line — Zürich 東京"_s), qPrintable(changes));
        QVERIFY2(changes.contains(u"~ /description: "_s), qPrintable(changes));
        QCOMPARE(changes.count(u'\n'), 1); // one line per change
    }

    void jsonCarriesTheSameDecisionsAndTotals()
    {
        const QString path = m_fixture.path(u"approvals.json"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(m_fixture.database(),
                                                          m_fixture.request(report::ReportFormat::Json), path));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(readAll(path), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"report"_s).toString(), u"approvals"_s);
        QCOMPARE(root.value(u"formatVersion"_s).toInt(), 1);
        QCOMPARE(root.value(u"tenant"_s).toObject().value(u"name"_s).toString(), ReportFixture::tenantName());
        QCOMPARE(root.value(u"tenant"_s).toObject().value(u"id"_s).toString(), uuidText(ReportFixture::tenantId()));
        QCOMPARE(root.value(u"period"_s).toObject().value(u"from"_s).toString(), u"2025-03-02"_s);
        QCOMPARE(root.value(u"period"_s).toObject().value(u"to"_s).toString(), u"2025-03-04"_s);
        QCOMPARE(root.value(u"generatedBy"_s).toString(), u"auditor.ädä"_s);
        QCOMPARE(root.value(u"empty"_s).toBool(), false);

        const QJsonArray decisions = root.value(u"decisions"_s).toArray();
        QCOMPARE(decisions.size(), m_expected.size());
        QMap<QString, QMap<QString, int>> byType;
        QList<double> waits;
        for (qsizetype i = 0; i < m_expected.size(); ++i) {
            const QJsonObject decision = decisions.at(i).toObject();
            const StoredDecision &expected = m_expected.at(i);
            QCOMPARE(decision.value(u"approvalId"_s).toString(), expected.id);
            QCOMPARE(decision.value(u"decision"_s).toString(), expected.status);
            QCOMPARE(decision.value(u"decidedAt"_s).toString(), expected.decidedAt);
            QCOMPARE(decision.value(u"requestedBy"_s).toString(), expected.requestedBy);
            QCOMPARE(decision.value(u"decidedBy"_s).toString(), expected.decidedBy);
            QCOMPARE(decision.value(u"deciderRole"_s).toString(), expected.actorRole);
            QCOMPARE(decision.value(u"reason"_s).toString(), expected.reason);
            QCOMPARE(decision.value(u"changeCount"_s).toInt(), decision.value(u"changes"_s).toArray().size());
            ++byType[expected.entityType][expected.status];
            if (expected.status != u"cancelled"_s)
                waits.append(decision.value(u"timeToDecisionSeconds"_s).toDouble());
        }
        const QJsonObject rename = decisions.at(0).toObject();
        const QJsonObject label = rename.value(u"changes"_s).toArray().at(0).toObject();
        QCOMPARE(label.value(u"op"_s).toString(), u"changed"_s);
        QCOMPARE(label.value(u"path"_s).toString(), u"/label"_s);
        QCOMPARE(label.value(u"before"_s).toString(), u"\"Order amount\""_s);
        // The value is JSON text: parsed, it is the label exactly.
        const QJsonDocument after = QJsonDocument::fromJson(u"[%1]"_s.arg(label.value(u"after"_s).toString()).toUtf8());
        QCOMPARE(after.array().at(0).toString(), ReportFixture::trickyLabel());

        // Totals by entity type and decision, and the median (approvals and rejections).
        const QJsonObject summary = root.value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"decisions"_s).toInt(), m_expected.size());
        for (const QJsonValue &value : summary.value(u"byEntityType"_s).toArray()) {
            const QJsonObject totals = value.toObject();
            const QString type = totals.value(u"entityType"_s).toString();
            QCOMPARE(totals.value(u"approved"_s).toInt(), byType[type][u"approved"_s]);
            QCOMPARE(totals.value(u"rejected"_s).toInt(), byType[type][u"rejected"_s]);
            QCOMPARE(totals.value(u"cancelled"_s).toInt(), byType[type][u"cancelled"_s]);
            byType.remove(type);
        }
        QVERIFY(byType.isEmpty()); // every type with decisions is listed
        std::sort(waits.begin(), waits.end());
        const double median = waits.size() % 2 ? waits.at(waits.size() / 2)
                                               : (waits.at(waits.size() / 2 - 1) + waits.at(waits.size() / 2)) / 2;
        QCOMPARE(summary.value(u"medianBasis"_s).toInt(), waits.size());
        QCOMPARE(summary.value(u"medianTimeToDecisionSeconds"_s).toDouble(), median);
    }

    void htmlTableHoldsOneRowPerDecision()
    {
        const QString path = m_fixture.path(u"approvals.html"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(m_fixture.database(),
                                                          m_fixture.request(report::ReportFormat::Html), path));
        const QByteArray html = readAll(path);
        QVERIFY(!html.contains("src=\"http")); // self-contained: nothing fetched
        QVERIFY(html.contains("<svg"));        // the chart, inline
        QString error;
        const QList<HtmlRow> rows = htmlRows(html, u"decisions"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), m_expected.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).attributes.value(u"data-approval-id"_s).toString(), m_expected.at(i).id);
            QVERIFY(rows.at(i).cells.contains(m_expected.at(i).entityKey));
            QVERIFY(rows.at(i).cells.contains(m_expected.at(i).decidedBy));
            QVERIFY(rows.at(i).cells.contains(m_expected.at(i).reason)); // escaped in, read back intact
        }
        const QList<HtmlRow> totals = htmlRows(html, u"totals"_s, &error);
        QCOMPARE(totals.constLast().cells.constLast(), QString::number(m_expected.size()));
        QVERIFY(QString::fromUtf8(html).contains(ReportFixture::tenantName().toHtmlEscaped()));
        QVERIFY(html.contains("2025-03-02 to 2025-03-04 (UTC)"));
    }

    void pdfNamesTitleTenantPeriodAndDecisions()
    {
        const QString path = m_fixture.path(u"approvals.pdf"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(m_fixture.database(),
                                                          m_fixture.request(report::ReportFormat::Pdf), path));
        QString error;
        const QString text = runTool(QStringLiteral(STEWARD_PDFTOTEXT), {path, u"-"_s}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(u"pdftotext: "_s + error));
        QVERIFY(text.contains(u"Approvals audit report"_s));
        QVERIFY(text.contains(u"Nordwind Güter, \"Süd\" AG"_s));
        QVERIFY(text.contains(u"2025-03-02 to 2025-03-04 (UTC)"_s));
        QVERIFY(text.contains(u"Generated by"_s) && text.contains(u"auditor.ädä"_s));
        QVERIFY(text.contains(u"Contents"_s));
        // A known decision: the rejected KPI, its decider, its id and its reason.
        const StoredDecision rejected = *std::find_if(m_expected.cbegin(), m_expected.cend(),
                                                      [](const auto &d) { return d.status == u"rejected"_s; });
        QVERIFY(text.contains(rejected.entityKey));
        QVERIFY(text.contains(rejected.decidedBy));
        QVERIFY(text.contains(u"ID "_s + rejected.id.left(8)));
        QVERIFY(text.contains(u"Duplicate of \"kpi.revenue\", see ticket #12,"_s));
        QVERIFY(text.contains(u"Rejected"_s));

        const QString info = runTool(QStringLiteral(STEWARD_PDFINFO), {path}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(u"pdfinfo: "_s + error));
        const QRegularExpressionMatch pages = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
        QVERIFY(pages.hasMatch());
        // Title page, contents, summary and the decisions.
        QVERIFY2(pages.captured(1).toInt() >= 4, qPrintable(info));
        QVERIFY(text.contains(u"Page 3 of %1"_s.arg(pages.captured(1))));
    }

    void aPeriodWithoutDecisionsGivesAReportThatSaysSo()
    {
        const report::ReportPeriod quiet{QDate(2024, 1, 1), QDate(2024, 1, 31)};
        for (const report::ReportFormat format : report::allReportFormats()) {
            const QString path = m_fixture.path(u"empty."_s + report::toString(format));
            STEWARD_VERIFY(
                report::ReportRenderer::renderFile(m_fixture.database(), m_fixture.request(format, quiet), path));
            const QByteArray bytes = readAll(path);
            QVERIFY(!bytes.isEmpty());
            switch (format) {
            case report::ReportFormat::Csv:
                QCOMPARE(parseCsv(bytes), QList<QStringList>{report::CsvReport::approvalColumns()});
                break;
            case report::ReportFormat::Json: {
                const QJsonObject root = QJsonDocument::fromJson(bytes).object();
                QCOMPARE(root.value(u"empty"_s).toBool(), true);
                QCOMPARE(root.value(u"note"_s).toString(), u"No decisions in this period."_s);
                QCOMPARE(root.value(u"decisions"_s).toArray().size(), 0);
                QCOMPARE(root.value(u"summary"_s).toObject().value(u"decisions"_s).toInt(), 0);
                QVERIFY(root.value(u"summary"_s).toObject().value(u"medianTimeToDecisionSeconds"_s).isNull());
                break;
            }
            case report::ReportFormat::Html: {
                QString error;
                QVERIFY(htmlRows(bytes, u"decisions"_s, &error).isEmpty());
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QVERIFY(bytes.contains("No decisions in this period."));
                break;
            }
            case report::ReportFormat::Pdf: {
                QString error;
                const QString text = runTool(QStringLiteral(STEWARD_PDFTOTEXT), {path, u"-"_s}, &error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                QVERIFY(text.contains(u"No decisions in this period."_s));
                QVERIFY(text.contains(u"2024-01-01 to 2024-01-31 (UTC)"_s));
                break;
            }
            }
        }
    }

    void sectionsLeftOutAreLeftOut()
    {
        report::ReportRequest request = m_fixture.request(report::ReportFormat::Json);
        request.sections = {report::Section::Summary};
        const QString path = m_fixture.path(u"summary-only.json"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(m_fixture.database(), request, path));
        const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        QVERIFY(root.contains(u"summary"_s));
        QVERIFY(!root.contains(u"decisions"_s));
    }

    void aFailedOrCancelledReportChangesNothingOnDisk()
    {
        // A folder that does not exist: a clear error, no file.
        const QString missing = m_fixture.path(u"no-such-folder/report.csv"_s);
        const Status failed = report::ReportRenderer::renderFile(m_fixture.database(),
                                                                 m_fixture.request(report::ReportFormat::Csv), missing);
        QVERIFY(failed);
        QVERIFY2(failed->text().contains(u"does not exist"_s), qPrintable(failed->text()));
        QVERIFY(!QFile::exists(missing));

        // Cancelled while writing over an existing report: the old one stays, no temporary file remains.
        const QString path = m_fixture.path(u"keep/report.pdf"_s);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("the previous report");
        }
        std::atomic_bool cancel{false};
        int calls = 0;
        const report::ReportProgress progress(
            [&](int) {
                if (++calls == 2)
                    cancel = true;
            },
            &cancel);
        const Status cancelled = report::ReportRenderer::renderFile(
            m_fixture.database(), m_fixture.request(report::ReportFormat::Pdf), path, progress);
        QVERIFY(cancelled);
        QCOMPARE(readAll(path), QByteArray("the previous report"));
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files), QStringList{u"report.pdf"_s});
    }

    void changeSummaryMatchesTheReviewersDiff()
    {
        // Nested members, a moved array item, an exact decimal, an added member; the
        // members the payload leaves out are no change.
        const QByteArray current = "{\"label\":\"Amount\",\"amount\":12345678901234567.89,\"same\":100.0,"
                                   "\"binding\":{\"table\":\"orders\",\"column\":\"amount\"},"
                                   "\"steps\":[{\"id\":\"a\",\"v\":1},{\"id\":\"b\",\"v\":2},{\"id\":\"c\",\"v\":3}]}";
        const QByteArray payload = "{\"steps\":[{\"id\":\"b\",\"v\":2},{\"id\":\"a\",\"v\":1},{\"id\":\"c\",\"v\":4}],"
                                   "\"same\":100,\"amount\":12345678901234567.88,"
                                   "\"binding\":{\"table\":\"orders_v2\",\"column\":\"amount\"},\"note\":\"neu, \\\"x\\\"\"}";
        const report::ChangeSummary summary = report::summarizeChanges(EntityType::GlobalMetadata, current, payload);
        QVERIFY(summary.error.isEmpty());

        // The reviewer's view: the whole current state against the payload laid over it.
        auto documents = diff::reviewDocuments(current, payload);
        QVERIFY(documents);
        const diff::DiffResult review = diff::diff(documents.value().before, documents.value().after);
        QStringList reviewed;
        for (const diff::DiffNode *node : review.changes())
            reviewed.append(node->path);
        QStringList summarized;
        for (const report::ChangeEntry &change : summary.changes)
            summarized.append(change.path);
        QCOMPARE(summarized, reviewed);
        QCOMPARE(summary.count, int(reviewed.size()));
        QCOMPARE(summary.changes.constFirst().op, u"changed"_s);
        QCOMPARE(summary.changes.constFirst().before, u"12345678901234567.89"_s);
        QCOMPARE(summary.changes.constFirst().after, u"12345678901234567.88"_s);
        QCOMPARE(summary.changes.constLast().after, u"\"neu, \\\"x\\\"\""_s);
        QVERIFY(std::any_of(summary.changes.cbegin(), summary.changes.cend(),
                            [](const report::ChangeEntry &change) { return change.op == u"moved"_s; }));

        // Huge values are cut, and long lists too, with the count kept.
        QByteArray big = "{";
        for (int i = 0; i < 40; ++i)
            big += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":\"" + QByteArray(5000, 'x') + "\"";
        big += "}";
        const report::ChangeSummary create = report::summarizeChanges(EntityType::GlobalMetadata, {}, big);
        QCOMPARE(create.count, 40);
        QCOMPARE(create.changes.size(), 10);
        QVERIFY(create.truncated());
        QCOMPARE(create.changes.constFirst().after.size(), 120);
        QVERIFY(create.changes.constFirst().after.endsWith(u'…'));
        QCOMPARE(report::describeAll(create).split(u'\n').constLast(), u"… and 30 more change(s)"_s);
    }

    // SPEC section 9: each format states whether the tenant's audit chain verified, with
    // its head hash, or names the first event that does not hold.
    void everyFormatStatesTheAuditChain()
    {
        const QVariantList tenant{uuidText(ReportFixture::tenantId())};
        auto head = m_fixture.fixture().run(
            u"SELECT seq, hash, (SELECT COUNT(*) FROM mdm_event WHERE tenant_id = ?) FROM mdm_event "
            u"WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1"_s,
            tenant + tenant);
        QVERIFY2(head.ok(), head.ok() ? "" : qPrintable(head.error().text()));
        QVERIFY(head.value().next());
        const qint64 headSeq = head.value().value(0).toLongLong();
        const QString headHash = head.value().value(1).toString();
        const qint64 events = head.value().value(2).toLongLong();
        QCOMPARE(headHash.size(), 64);

        const auto render = [&](report::ReportFormat format, const QString &name) {
            const QString path = m_fixture.path(name);
            const Status rendered =
                report::ReportRenderer::renderFile(m_fixture.database(), m_fixture.request(format), path);
            return rendered ? u"failed: "_s + rendered->text() : QString::fromUtf8(readAll(path));
        };
        const QJsonObject audit = QJsonDocument::fromJson(render(report::ReportFormat::Json, u"audit.json"_s).toUtf8())
                                      .object()
                                      .value(u"auditTrail"_s)
                                      .toObject();
        QCOMPARE(audit.value(u"verified"_s).toBool(), true);
        QCOMPARE(audit.value(u"eventsChecked"_s).toInteger(), events);
        QCOMPARE(audit.value(u"headSeq"_s).toInteger(), headSeq);
        QCOMPARE(audit.value(u"headHash"_s).toString(), headHash);
        QVERIFY(audit.value(u"brokenAt"_s).isNull());

        const QList<QStringList> csv = parseCsv(render(report::ReportFormat::Csv, u"audit.csv"_s).toUtf8());
        QVERIFY(csv.size() > 1);
        const QStringList &row = csv.at(1);
        QCOMPARE(row.at(csv.constFirst().indexOf(u"audit_chain"_s)), u"verified"_s);
        QCOMPARE(row.at(csv.constFirst().indexOf(u"audit_head_hash"_s)), headHash);
        QCOMPARE(row.at(csv.constFirst().indexOf(u"audit_events_checked"_s)), QString::number(events));

        const QString statement =
            u"verified: %1 events checked, head hash %2 (seq %3)"_s.arg(events).arg(headHash).arg(headSeq);
        const QString html = render(report::ReportFormat::Html, u"audit.html"_s);
        QVERIFY2(html.contains(u"<dt>Audit trail</dt><dd>"_s + statement + u"</dd>"_s), qPrintable(html.left(3000)));
        const QString pdfPath = m_fixture.path(u"audit.pdf"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(m_fixture.database(),
                                                          m_fixture.request(report::ReportFormat::Pdf), pdfPath));
        QString error;
        const QString pdf = runTool(QStringLiteral(STEWARD_PDFTOTEXT), {pdfPath, u"-"_s}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(u"pdftotext: "_s + error));
        QVERIFY2(pdf.simplified().contains(u"Audit trail: "_s + statement), qPrintable(pdf.left(2000)));

        // An event changed behind the program's back (by the schema's owner): the report
        // says the chain did not verify and names the event; put back, it verifies again.
        auto second = m_fixture.fixture().run(
            u"SELECT seq, id, type FROM mdm_event WHERE tenant_id = ? ORDER BY seq LIMIT 1 OFFSET 1"_s, tenant);
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().text()));
        QVERIFY(second.value().next());
        const qint64 seq = second.value().value(0).toLongLong();
        const QString id = second.value().value(1).toString();
        const QString type = second.value().value(2).toString();
        QVERIFY(m_fixture.fixture().run(u"UPDATE mdm_event SET type = 'forged' WHERE seq = ?"_s, {seq}).ok());
        const QJsonObject broken = QJsonDocument::fromJson(render(report::ReportFormat::Json, u"broken.json"_s).toUtf8())
                                       .object()
                                       .value(u"auditTrail"_s)
                                       .toObject();
        const QString brokenHtml = render(report::ReportFormat::Html, u"broken.html"_s);
        QVERIFY(m_fixture.fixture().run(u"UPDATE mdm_event SET type = ? WHERE seq = ?"_s, {type, seq}).ok());
        QCOMPARE(broken.value(u"verified"_s).toBool(true), false);
        QCOMPARE(broken.value(u"eventsChecked"_s).toInteger(), 1);
        QCOMPARE(broken.value(u"brokenAt"_s).toObject().value(u"seq"_s).toInteger(), seq);
        QCOMPARE(broken.value(u"brokenAt"_s).toObject().value(u"eventId"_s).toString(), id);
        QVERIFY2(brokenHtml.contains(u"not verified: the event at seq %1 (id %2) does not match its seal"_s.arg(seq)
                                         .arg(id)),
                 qPrintable(brokenHtml.left(3000)));
        QCOMPARE(QJsonDocument::fromJson(render(report::ReportFormat::Json, u"again.json"_s).toUtf8())
                     .object()
                     .value(u"auditTrail"_s)
                     .toObject()
                     .value(u"headHash"_s)
                     .toString(),
                 headHash);
    }

private:
    ReportFixture m_fixture;
    QList<StoredDecision> m_expected;
};

QTEST_MAIN(TestApprovalsReport)
#include "tst_approvalsreport.moc"
