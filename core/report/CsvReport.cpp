#include "report/CsvReport.h"

#include "model/Approval.h"
#include "report/ApprovalReportData.h"
#include "report/CsvWriter.h"
#include "report/QualityReportData.h"

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

constexpr int kProgressEvery = 256;

QStringList headerColumns()
{
    return {u"tenant_id"_s, u"tenant_name"_s, u"period_from"_s, u"period_to"_s, u"generated_at"_s, u"generated_by"_s};
}

QStringList headerValues(const ReportHeader &header)
{
    return {uuidText(header.tenant.id),         header.tenant.name, header.period.fromText(), header.period.toText(),
            toIsoTimestamp(header.generatedAt), header.generatedBy};
}

// The approvals report's statement on the tenant's audit chain (ReportHeader::auditTrail).
QStringList auditColumns()
{
    return {u"audit_chain"_s, u"audit_events_checked"_s, u"audit_head_hash"_s, u"audit_broken_at"_s};
}

QStringList auditValues(const ReportHeader &header)
{
    if (!header.auditTrail)
        return {QString(), QString(), QString(), QString()};
    const AuditVerification &audit = *header.auditTrail;
    return {audit.verified() ? u"verified"_s : u"broken"_s, QString::number(audit.checked), audit.headHash,
            audit.broken ? audit.broken->text() : QString()};
}

QString secondsText(qint64 milliseconds)
{
    return milliseconds < 0 ? QString() : QString::number(double(milliseconds) / 1000.0, 'f', 3);
}

QString failingRules(const profiler::ColumnMetrics &counts)
{
    QStringList rules;
    for (const profiler::RuleOutcome &rule : counts.rules) {
        if (rule.violations > 0)
            rules.append(u"%1 (%2): %3/%4"_s.arg(rule.ruleKey, rule.ruleType).arg(rule.violations).arg(rule.checked));
    }
    return rules.join(u"; "_s);
}

} // namespace

namespace CsvReport {

QStringList approvalColumns()
{
    return QStringList{u"approval_id"_s,
                       u"decided_at"_s,
                       u"decision"_s,
                       u"entity_type"_s,
                       u"entity_key"_s,
                       u"tier"_s,
                       u"lane"_s,
                       u"requested_at"_s,
                       u"requested_by"_s,
                       u"decided_by"_s,
                       u"decider_role"_s,
                       u"required_role"_s,
                       u"time_to_decision_seconds"_s,
                       u"reason"_s,
                       u"change_count"_s,
                       u"changes"_s} +
           headerColumns() + auditColumns();
}

QStringList qualityColumns()
{
    return QStringList{u"canonical_key"_s, u"tier"_s,
                       u"domain"_s,        u"score"_s,
                       u"grade"_s,         u"score_at_period_start"_s,
                       u"change"_s,        u"below_threshold"_s,
                       u"measured_at"_s,   u"completeness"_s,
                       u"uniqueness"_s,    u"validity"_s,
                       u"rows"_s,          u"nulls"_s,
                       u"invalid"_s,       u"open_alerts"_s,
                       u"failing_rules"_s} +
           headerColumns();
}

Status writeApprovals(Database &database, const ReportHeader &header, QIODevice &device, const ReportProgress &progress)
{
    ApprovalReportData data(database, header.tenant.id, header.period);
    auto total = data.count();
    if (!total)
        return total.error();
    auto cursor = data.decisions();
    if (!cursor)
        return cursor.error();

    CsvWriter csv(device);
    csv.writeRecord(approvalColumns());
    const QByteArray trailer = CsvWriter::encodedFields(headerValues(header) + auditValues(header));
    const Status written = forEachDecision(
        cursor.value(), total.value(), progress, kProgressEvery, [&](const DecisionRecord &record) -> Status {
            for (const QString *text :
                 {&record.approvalId, &record.decidedAt, &record.decision, &record.entityType, &record.entityKey,
                  &record.tier, &record.lane, &record.requestedAt, &record.requestedBy, &record.decidedBy,
                  &record.deciderRole, &record.requiredRole})
                csv.field(*text);
            csv.field(secondsText(record.timeToDecisionMs));
            csv.field(record.reason);
            csv.field(record.changes.count);
            csv.field(describeAll(record.changes));
            csv.endRecord(trailer);
            return std::nullopt;
        });
    if (written)
        return written;
    if (!progress.step(total.value(), total.value()))
        return cancelledError();
    return csv.flush();
}

Status writeQuality(Database &database, const ReportHeader &header, QIODevice &device, const ReportProgress &progress)
{
    auto report = QualityReportData(database, header.tenant.id, header.period).load();
    if (!report)
        return report.error();
    if (!progress.step(50, 100))
        return cancelledError();

    CsvWriter csv(device);
    csv.writeRecord(qualityColumns());
    const QStringList trailer = headerValues(header);
    for (const FieldQuality &field : report.value().fields) {
        csv.writeRecord(QStringList{field.canonicalKey, field.tier, field.domain, scoreText(field.score), field.grade,
                                    scoreText(field.startScore), changeText(field.change()),
                                    field.score < report.value().threshold ? u"true"_s : u"false"_s,
                                    toIsoTimestamp(field.measuredAt), scoreText(field.completeness),
                                    scoreText(field.uniqueness), scoreText(field.validity),
                                    QString::number(field.counts.rows),
                                    QString::number(field.counts.rows - field.counts.nonNull),
                                    QString::number(field.counts.nonNull - field.counts.valid),
                                    QString::number(field.openAlerts), failingRules(field.counts)} +
                        trailer);
    }
    if (!progress.step(100, 100))
        return cancelledError();
    return csv.flush();
}

} // namespace CsvReport
} // namespace steward::report
