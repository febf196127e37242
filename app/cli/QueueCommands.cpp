#include "QueueCommands.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "Session.h"
#include "TextFormat.h"
#include "TextTable.h"
#include "approval/ApprovalPolicy.h"
#include "diff/FlatDiff.h"
#include "store/ApprovalRepository.h"
#include "store/EntityRepository.h"

#include <QTextStream>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kPageSize = 500;

Result<std::optional<ApprovalStatus>> statusFilter(const QString &text)
{
    if (text.isEmpty())
        return std::optional<ApprovalStatus>(ApprovalStatus::Pending);
    if (text == u"all"_s)
        return std::optional<ApprovalStatus>();
    if (const auto status = approvalStatusFromString(text))
        return std::optional<ApprovalStatus>(*status);
    return Error::invalid(u"--status"_s,
                          CliTr::tr("must be pending, approved, rejected, cancelled or all, not \"%1\"").arg(quotedInput(text)));
}

// The queue row as JSON: everything but the payloads, which the queue never loads.
QJsonObject summaryJson(const Approval &approval)
{
    QJsonObject json = approval.toJson();
    json.remove(u"payload"_s);
    json.remove(u"currentState"_s);
    return json;
}

QStringList tableRow(const Approval &approval, const QDateTime &now)
{
    return {uuidText(approval.id),
            toString(approval.entityType),
            approval.entityKey,
            toString(approval.tier),
            toString(approval.lane),
            approval.requestedBy,
            TextFormat::age(approval.requestedAt, now),
            toString(approval.requiredRole),
            toString(approval.status)};
}

// Label/value lines with the values lined up.
void writeFields(QTextStream &out, const QList<std::pair<QString, QString>> &fields)
{
    qsizetype width = 0;
    for (const auto &[label, value] : fields)
        width = std::max(width, label.size());
    for (const auto &[label, value] : fields)
        out << u"  "_s << label.leftJustified(width) << u"  "_s << value << u'\n';
}

QString entityLine(const Approval &approval)
{
    if (approval.isCreate())
        return CliTr::tr("%1 %2 (new)").arg(toString(approval.entityType), approval.entityKey);
    return CliTr::tr("%1 %2 (id %3, version %4)")
        .arg(toString(approval.entityType), approval.entityKey, uuidText(approval.entityId))
        .arg(approval.baseVersion ? QString::number(*approval.baseVersion) : u"?"_s);
}

// For a pending request: a warning when approving it would be refused as stale.
Result<QString> stalenessWarning(Session &session, const Approval &approval)
{
    if (!approval.isPending())
        return QString();
    EntityRepository entities(session.database());
    auto live = approval.isCreate() ? entities.findByKey(approval.tenantId, approval.entityType, approval.entityKey)
                                    : entities.findById(approval.tenantId, approval.entityType, approval.entityId);
    if (!live)
        return live.error();
    if (approval.isCreate())
        return live.value() ? CliTr::tr("%1 has been created since this request was made; approving it will be "
                                        "refused.")
                                  .arg(approval.entityKey)
                            : QString();
    if (!live.value())
        return CliTr::tr("%1 no longer exists; approving this request will be refused.").arg(approval.entityKey);
    if (!ApprovalPolicy::changedSinceRequest(approval, live.value()->version, live.value()->document))
        return QString();
    if (!approval.baseVersion)
        return CliTr::tr("%1 has changed since this request was made; approving it will be refused.")
            .arg(approval.entityKey);
    return CliTr::tr("%1 has changed since this request was made (version %2, now %3); approving it will be "
                     "refused.")
        .arg(approval.entityKey)
        .arg(*approval.baseVersion)
        .arg(live.value()->version);
}

QJsonObject qtJson(const json::Node &node)
{
    return json::toQJsonValue(node).toObject();
}

QString countsText(const FlatDiffCounts &counts)
{
    QStringList parts;
    if (counts.changed > 0)
        parts.append(CliTr::tr("%1 changed").arg(counts.changed));
    if (counts.added > 0)
        parts.append(CliTr::tr("%1 added").arg(counts.added));
    if (counts.removed > 0)
        parts.append(CliTr::tr("%1 removed").arg(counts.removed));
    parts.append(CliTr::tr("%1 unchanged").arg(counts.unchanged));
    return parts.join(u", "_s);
}

void writeChanges(QTextStream &out, const Approval &approval)
{
    // What approving would leave behind: keys absent from an update's payload keep their
    // live value, so they are unchanged, not removed.
    const QList<FlatDiffEntry> entries =
        flatDiff(approval.currentState ? std::optional<QJsonObject>(qtJson(*approval.currentState)) : std::nullopt,
                 qtJson(approval.requestedState()));
    const FlatDiffCounts counts = countChanges(entries);
    if (approval.isCreate())
        out << CliTr::tr("Fields of the new %1 (%2):").arg(toString(approval.entityType)).arg(counts.added) << u'\n';
    else
        out << CliTr::tr("Changes against version %1 (%2):")
                   .arg(approval.baseVersion ? QString::number(*approval.baseVersion) : u"?"_s, countsText(counts))
            << u'\n';

    qsizetype width = 0;
    for (const FlatDiffEntry &entry : entries) {
        if (entry.kind != FlatDiffEntry::Kind::Unchanged)
            width = std::max(width, entry.path.size());
    }
    const QString indent(width + 6, u' ');
    for (const FlatDiffEntry &entry : entries) {
        const QString path = entry.path.leftJustified(width);
        const QString before = TextFormat::oneLine(displayValue(entry.before));
        const QString after = TextFormat::oneLine(displayValue(entry.after));
        switch (entry.kind) {
        case FlatDiffEntry::Kind::Unchanged:
            break;
        case FlatDiffEntry::Kind::Added:
            out << u"  + "_s << path << u"  "_s << after << u'\n';
            break;
        case FlatDiffEntry::Kind::Removed:
            out << u"  - "_s << path << u"  "_s << before << u'\n';
            break;
        case FlatDiffEntry::Kind::Changed:
            // Short values read best side by side; long ones one above the other.
            if (before.size() + after.size() <= 60)
                out << u"  ~ "_s << path << u"  "_s << before << u"  ->  "_s << after << u'\n';
            else
                out << u"  ~ "_s << path << u"  "_s << CliTr::tr("was: %1").arg(before) << u'\n' << indent
                    << CliTr::tr("now: %1").arg(after) << u'\n';
            break;
        }
    }
    if (counts.added + counts.changed + counts.removed == 0)
        out << u"  "_s << CliTr::tr("(the request changes nothing)") << u'\n';
}

} // namespace

Status runList(Session &session, const CliOptions &options, QTextStream &out)
{
    auto status = statusFilter(options.status);
    if (!status)
        return status.error();
    ApprovalFilter filter;
    filter.status = status.value();
    const ApprovalSort sort{ApprovalSortKey::RequestedAt, Qt::AscendingOrder};
    ApprovalRepository approvals(session.database());
    const QDateTime now = QDateTime::currentDateTimeUtc();

    TextTable table({CliTr::tr("ID"), CliTr::tr("TYPE"), CliTr::tr("KEY"), CliTr::tr("TIER"), CliTr::tr("LANE"),
                     CliTr::tr("REQUESTED BY"), CliTr::tr("AGE"), CliTr::tr("REQUIRED ROLE"), CliTr::tr("STATUS")});
    table.setRightAligned(6);
    int rows = 0;
    if (options.json)
        out << u'[';
    for (int offset = 0;; offset += kPageSize) {
        auto page = approvals.list(session.tenant().id, filter, sort, offset, kPageSize);
        if (!page)
            return page.error();
        for (const Approval &approval : page.value()) {
            if (options.json)
                out << (rows == 0 ? u"\n  "_s : u",\n  "_s) << TextFormat::compactJson(summaryJson(approval));
            else
                table.addRow(tableRow(approval, now));
            ++rows;
        }
        if (page.value().size() < kPageSize)
            break;
    }
    if (options.json) {
        out << (rows == 0 ? u"]\n"_s : u"\n]\n"_s);
        return std::nullopt;
    }

    const QString what = filter.status ? toString(*filter.status) : CliTr::tr("all");
    if (rows == 0) {
        out << CliTr::tr("No requests (%1) in %2.").arg(what, session.tenant().name) << u'\n';
        return std::nullopt;
    }
    table.write(out);
    out << CliTr::tr("%n request(s) (%1) in %2.", nullptr, rows).arg(what, session.tenant().name) << u'\n';
    return std::nullopt;
}

Status runShow(Session &session, const CliOptions &options, QTextStream &out)
{
    auto found = ApprovalRepository(session.database()).find(session.tenant().id, options.requestId);
    if (!found)
        return found.error();
    if (!found.value())
        return Error::make(
            ErrorCode::NotFound,
            CliTr::tr("no change request %1 in %2").arg(uuidText(options.requestId), session.tenant().name));
    const Approval &approval = *found.value();
    if (options.json) {
        out << TextFormat::indentedJson(approval.toJson());
        return std::nullopt;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<std::pair<QString, QString>> fields{
        {CliTr::tr("Status"), toString(approval.status)},
        {CliTr::tr("Entity"), entityLine(approval)},
        {CliTr::tr("Tier, lane"), u"%1, %2"_s.arg(toString(approval.tier), toString(approval.lane))},
        {CliTr::tr("Required role"), toString(approval.requiredRole)},
        {CliTr::tr("Requested"), CliTr::tr("%1 by %2 (%3 ago)")
                                     .arg(TextFormat::timestamp(approval.requestedAt), approval.requestedBy,
                                          TextFormat::age(approval.requestedAt, now))},
    };
    if (!approval.isPending())
        fields.append({CliTr::tr("Decided"),
                       CliTr::tr("%1 by %2").arg(TextFormat::timestamp(approval.decidedAt), approval.decidedBy)});
    if (!approval.decisionReason.isEmpty())
        fields.append({CliTr::tr("Reason"), TextFormat::oneLine(approval.decisionReason)});

    out << CliTr::tr("Change request %1").arg(uuidText(approval.id)) << u'\n';
    writeFields(out, fields);
    auto warning = stalenessWarning(session, approval);
    if (!warning)
        return warning.error();
    if (!warning.value().isEmpty())
        out << CliTr::tr("Warning: %1").arg(warning.value()) << u'\n';
    out << u'\n';
    writeChanges(out, approval);
    return std::nullopt;
}

} // namespace steward
