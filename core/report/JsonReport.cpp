#include "report/JsonReport.h"

#include "Tr.h"
#include "model/Approval.h"
#include "report/ApprovalReportData.h"
#include "report/QualityReportData.h"

#include "json/JsonParser.h"
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace steward::report {
namespace {

using json::Node;

constexpr int kProgressEvery = 256;
constexpr qsizetype kBlock = 256 * 1024;
constexpr int kWorstFields = 10;

Node text(const QString &value)
{
    return Node::string(value);
}
Node textOrNull(const QString &value)
{
    return value.isEmpty() ? Node::null() : Node::string(value);
}
Node integer(qint64 value)
{
    return Node::number(QString::number(value));
}
Node decimal(double value, int places)
{
    return Node::number(QString::number(value, 'f', places));
}
Node score(const std::optional<double> &value)
{
    return value ? Node::number(scoreText(*value)) : Node::null();
}
Node change(const std::optional<double> &value)
{
    return value ? Node::number(changeText(value).remove(u'+')) : Node::null();
}
Node timestamp(const QDateTime &time)
{
    return time.isValid() ? text(toIsoTimestamp(time)) : Node::null();
}
Node timestamp(const QString &stored)
{
    return textOrNull(stored);
}

Node headerNode(const ReportHeader &header, bool empty, const QString &emptyNote)
{
    QList<Node::Member> members{
        {u"report"_s, text(toString(header.kind))},
        {u"formatVersion"_s, integer(JsonReport::FormatVersion)},
        {u"title"_s, text(header.title)},
        {u"tenant"_s,
         Node::object({{u"id"_s, text(uuidText(header.tenant.id))}, {u"name"_s, text(header.tenant.name)}})},
        {u"period"_s, Node::object({{u"from"_s, text(header.period.fromText())},
                                    {u"to"_s, text(header.period.toText())},
                                    {u"timeZone"_s, text(u"UTC"_s)}})},
        {u"generatedAt"_s, timestamp(header.generatedAt)},
        {u"generatedBy"_s, text(header.generatedBy)},
        {u"empty"_s, Node::boolean(empty)},
    };
    if (empty)
        members.append({u"note"_s, text(emptyNote)});
    if (header.auditTrail) {
        const AuditVerification &audit = *header.auditTrail;
        Node broken = Node::null();
        if (audit.broken)
            broken = Node::object({{u"seq"_s, integer(audit.broken->seq)},
                                   {u"eventId"_s, text(uuidText(audit.broken->eventId))},
                                   {u"reason"_s, text(audit.broken->text())}});
        members.append({u"auditTrail"_s, Node::object({{u"verified"_s, Node::boolean(audit.verified())},
                                                       {u"eventsChecked"_s, integer(audit.checked)},
                                                       {u"headSeq"_s, integer(audit.headSeq)},
                                                       {u"headHash"_s, text(audit.headHash)},
                                                       {u"brokenAt"_s, broken},
                                                       {u"statement"_s, text(audit.statement())}})});
    }
    return Node::object(members);
}

// Writes `head` (an object) without its closing brace, so streamed members can follow.
QByteArray openObject(const Node &head)
{
    QByteArray bytes = json::serialize(head, true);
    while (!bytes.isEmpty() && bytes.back() != '}')
        bytes.chop(1);
    bytes.chop(1); // the brace
    while (!bytes.isEmpty() && (bytes.back() == '\n' || bytes.back() == ' '))
        bytes.chop(1);
    return bytes;
}

Node totalsNode(const DecisionTotals &totals)
{
    return Node::object({{u"entityType"_s, text(totals.entityType)},
                         {u"approved"_s, integer(totals.approved)},
                         {u"rejected"_s, integer(totals.rejected)},
                         {u"cancelled"_s, integer(totals.cancelled)},
                         {u"total"_s, integer(totals.total())}});
}

Node approvalSummaryNode(const ApprovalSummary &summary)
{
    QList<Node> types;
    for (const DecisionTotals &totals : summary.byEntityType)
        types.append(totalsNode(totals));
    return Node::object({
        {u"decisions"_s, integer(summary.all.total())},
        {u"approved"_s, integer(summary.all.approved)},
        {u"rejected"_s, integer(summary.all.rejected)},
        {u"cancelled"_s, integer(summary.all.cancelled)},
        {u"medianTimeToDecisionSeconds"_s,
         summary.medianSecondsToDecision ? decimal(*summary.medianSecondsToDecision, 3) : Node::null()},
        {u"medianBasis"_s, integer(summary.medianBasis)},
        {u"byEntityType"_s, Node::array(types)},
    });
}

Node decisionNode(const DecisionRecord &record)
{
    QList<Node> changes;
    for (const ChangeEntry &entry : record.changes.changes) {
        QList<Node::Member> members{{u"op"_s, text(entry.op)}, {u"path"_s, text(entry.path)}};
        if (!entry.from.isEmpty())
            members.append({u"from"_s, text(entry.from)});
        if (entry.op == u"removed"_s || entry.op == u"changed"_s)
            members.append({u"before"_s, text(entry.before)});
        if (entry.op == u"added"_s || entry.op == u"changed"_s)
            members.append({u"after"_s, text(entry.after)});
        changes.append(Node::object(members));
    }
    QList<Node::Member> members{
        {u"approvalId"_s, text(record.approvalId)},
        {u"decidedAt"_s, timestamp(record.decidedAt)},
        {u"decision"_s, text(record.decision)},
        {u"entityType"_s, text(record.entityType)},
        {u"entityKey"_s, text(record.entityKey)},
        {u"tier"_s, text(record.tier)},
        {u"lane"_s, text(record.lane)},
        {u"requestedAt"_s, timestamp(record.requestedAt)},
        {u"requestedBy"_s, text(record.requestedBy)},
        {u"decidedBy"_s, text(record.decidedBy)},
        {u"deciderRole"_s, textOrNull(record.deciderRole)},
        {u"requiredRole"_s, text(record.requiredRole)},
        {u"timeToDecisionSeconds"_s,
         record.timeToDecisionMs < 0 ? Node::null() : decimal(double(record.timeToDecisionMs) / 1000.0, 3)},
        {u"reason"_s, textOrNull(record.reason)},
        {u"changeCount"_s, integer(record.changes.count)},
        {u"changesTruncated"_s, Node::boolean(record.changes.truncated())},
        {u"diffApproximate"_s, Node::boolean(record.changes.approximate)},
        {u"changes"_s, Node::array(changes)},
    };
    if (!record.changes.error.isEmpty())
        members.append({u"diffError"_s, text(record.changes.error)});
    return Node::object(members);
}

Node groupNode(const GroupQuality &group, bool withDomain)
{
    QList<Node::Member> members{{u"tier"_s, textOrNull(group.tier)}};
    if (withDomain)
        members.append({u"domain"_s, text(group.domain)});
    members += QList<Node::Member>{
        {u"fields"_s, integer(group.fields)}, {u"averageScore"_s, score(group.averageScore)},
        {u"grade"_s, text(group.grade)},      {u"averageScoreAtPeriodStart"_s, score(group.averageStartScore)},
        {u"change"_s, change(group.change)},  {u"belowThreshold"_s, integer(group.belowThreshold)},
    };
    return Node::object(members);
}

Node fieldNode(const FieldQuality &field, bool withRules)
{
    QList<Node::Member> members{
        {u"canonicalKey"_s, text(field.canonicalKey)},
        {u"tier"_s, textOrNull(field.tier)},
        {u"domain"_s, text(field.domain)},
        {u"score"_s, score(field.score)},
        {u"grade"_s, text(field.grade)},
        {u"scoreAtPeriodStart"_s, score(field.startScore)},
        {u"change"_s, change(field.change())},
        {u"measuredAt"_s, timestamp(field.measuredAt)},
        {u"completeness"_s, score(field.completeness)},
        {u"uniqueness"_s, score(field.uniqueness)},
        {u"validity"_s, score(field.validity)},
        {u"rows"_s, integer(field.counts.rows)},
        {u"nulls"_s, integer(field.counts.rows - field.counts.nonNull)},
        {u"invalid"_s, integer(field.counts.nonNull - field.counts.valid)},
        {u"openAlerts"_s, integer(field.openAlerts)},
    };
    if (withRules) {
        QList<Node> rules;
        for (const profiler::RuleOutcome &rule : field.counts.rules) {
            rules.append(Node::object({
                {u"ruleKey"_s, text(rule.ruleKey)},
                {u"ruleType"_s, text(rule.ruleType)},
                {u"checked"_s, integer(rule.checked)},
                {u"violations"_s, integer(rule.violations)},
                {u"passRate"_s, rule.checked > 0
                                    ? score(100.0 * double(rule.checked - rule.violations) / double(rule.checked))
                                    : Node::null()},
            }));
        }
        members.append({u"rules"_s, Node::array(rules)});
    }
    return Node::object(members);
}

Node qualityNode(const ReportRequest &request, const ReportHeader &header, const QualityReport &report)
{
    Node root = headerNode(header, report.isEmpty(), CoreTr::tr("No quality measurements for this period."));
    root.setMember(u"threshold"_s, decimal(report.threshold, 1));
    if (request.includes(Section::Summary)) {
        QList<Node> tiers, groups;
        for (const GroupQuality &group : report.tiers)
            tiers.append(groupNode(group, false));
        for (const GroupQuality &group : report.groups)
            groups.append(groupNode(group, true));
        root.setMember(u"summary"_s, Node::object({
                                         {u"fields"_s, integer(report.fields.size())},
                                         {u"belowThreshold"_s, integer(report.belowThreshold().size())},
                                         {u"openAlerts"_s, integer(report.openAlerts.size())},
                                         {u"tiers"_s, Node::array(tiers)},
                                         {u"groups"_s, Node::array(groups)},
                                     }));
    }
    if (request.includes(Section::Trends)) {
        QList<Node> trend, grades, runs, degradations;
        for (const quality::TierDayScore &day : report.tierTrend)
            trend.append(Node::object({{u"day"_s, text(day.day.toString(Qt::ISODate))},
                                       {u"tier"_s, text(toString(day.tier))},
                                       {u"averageScore"_s, score(day.averageScore)},
                                       {u"runs"_s, integer(day.runs)}}));
        for (const quality::DomainGrades &domain : report.gradeDistribution) {
            QList<Node::Member> members{{u"domain"_s, text(domain.domain)}};
            for (int i = 0; i < quality::kGradeCount; ++i)
                members.append({quality::gradeNames().at(i), integer(domain.fields[std::size_t(i)])});
            grades.append(Node::object(members));
        }
        for (const quality::RunsDay &day : report.runsPerDay)
            runs.append(Node::object({{u"day"_s, text(day.day.toString(Qt::ISODate))},
                                      {u"completed"_s, integer(day.completed)},
                                      {u"failed"_s, integer(day.failed)},
                                      {u"cancelled"_s, integer(day.cancelled)}}));
        for (const quality::Degradation &drop : report.degradations)
            degradations.append(Node::object({{u"canonicalKey"_s, text(drop.canonicalKey)},
                                              {u"tier"_s, drop.tier ? text(toString(*drop.tier)) : Node::null()},
                                              {u"domain"_s, text(drop.domain)},
                                              {u"previousScore"_s, score(drop.previousScore)},
                                              {u"score"_s, score(drop.score)},
                                              {u"at"_s, timestamp(drop.at)},
                                              {u"previousAt"_s, timestamp(drop.previousAt)}}));
        root.setMember(u"trends"_s, Node::object({{u"tierDailyAverage"_s, Node::array(trend)},
                                                  {u"gradeDistribution"_s, Node::array(grades)},
                                                  {u"runsPerDay"_s, Node::array(runs)},
                                                  {u"degradations"_s, Node::array(degradations)}}));
    }
    if (request.includes(Section::BelowThreshold)) {
        QList<Node> fields;
        for (const FieldQuality &field : report.belowThreshold())
            fields.append(fieldNode(field, false));
        root.setMember(u"fieldsBelowThreshold"_s, Node::array(fields));
    }
    if (request.includes(Section::Alerts)) {
        QList<Node> alerts;
        for (const alerts::Alert &alert : report.openAlerts)
            alerts.append(Node::object({{u"id"_s, text(uuidText(alert.id))},
                                        {u"rule"_s, text(alert.rule)},
                                        {u"canonicalKey"_s, text(alert.canonicalKey)},
                                        {u"severity"_s, text(alert.severity)},
                                        {u"value"_s, score(alert.value)},
                                        {u"firedAt"_s, timestamp(alert.firedAt)},
                                        {u"acknowledgedBy"_s, textOrNull(alert.acknowledgedBy)}}));
        root.setMember(u"openAlerts"_s, Node::array(alerts));
    }
    if (request.includes(Section::RuleFailures)) {
        QList<Node> fields;
        for (const FieldQuality &field : report.worst(kWorstFields))
            fields.append(fieldNode(field, true));
        root.setMember(u"worstFields"_s, Node::array(fields));
    }
    return root;
}

Status writeAll(QIODevice &device, const QByteArray &bytes)
{
    if (device.write(bytes) != bytes.size())
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("cannot write the report: %1").arg(device.errorString()));
    return std::nullopt;
}

} // namespace

namespace JsonReport {

Status writeApprovals(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                      const ReportProgress &progress)
{
    ApprovalReportData data(database, header.tenant.id, header.period);
    auto summary = data.summary();
    if (!summary)
        return summary.error();
    Node head = headerNode(header, summary.value().isEmpty(), CoreTr::tr("No decisions in this period."));
    if (request.includes(Section::Summary))
        head.setMember(u"summary"_s, approvalSummaryNode(summary.value()));
    if (!request.includes(Section::Decisions))
        return writeAll(device, json::serialize(head, true) + '\n');

    auto cursor = data.decisions();
    if (!cursor)
        return cursor.error();
    QByteArray buffer = openObject(head) + ",\n    \"decisions\": [";
    const qint64 total = summary.value().all.total();
    bool first = true;
    const Status written =
        forEachDecision(cursor.value(), total, progress, kProgressEvery, [&](const DecisionRecord &record) -> Status {
            buffer += first ? "\n        " : ",\n        ";
            first = false;
            buffer += json::serialize(decisionNode(record));
            if (buffer.size() >= kBlock) {
                if (auto failed = writeAll(device, buffer))
                    return failed;
                buffer.clear();
            }
            return std::nullopt;
        });
    if (written)
        return written;
    buffer += "\n    ]\n}\n";
    if (!progress.step(total, total))
        return cancelledError();
    return writeAll(device, buffer);
}

Status writeQuality(Database &database, const ReportRequest &request, const ReportHeader &header, QIODevice &device,
                    const ReportProgress &progress)
{
    auto report = QualityReportData(database, header.tenant.id, header.period).load();
    if (!report)
        return report.error();
    if (!progress.step(50, 100))
        return cancelledError();
    if (!progress.step(100, 100))
        return cancelledError();
    return writeAll(device, json::serialize(qualityNode(request, header, report.value()), true) + '\n');
}

} // namespace JsonReport
} // namespace steward::report
