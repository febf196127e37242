#include "ProfileCommand.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "Session.h"
#include "TextFormat.h"
#include "approval/ApprovalPolicy.h"
#include "events/EventBus.h"
#include "profiler/ProfileExecution.h"
#include "profiler/ProfileRepository.h"
#include "store/DirectoryRepository.h"

#include <QTextStream>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

using profiler::ProfileRun;
using profiler::RunStatus;

QString percent(const std::optional<double> &value)
{
    return value ? u"%1%"_s.arg(QString::number(*value, 'f', 2)) : u"-"_s;
}

QString statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Completed:
        return CliTr::tr("completed");
    case RunStatus::Failed:
        return CliTr::tr("failed");
    case RunStatus::Cancelled:
        return CliTr::tr("cancelled");
    }
    return {};
}

void writeFields(QTextStream &out, const QList<std::pair<QString, QString>> &fields, const QString &indent = u"  "_s)
{
    qsizetype width = 0;
    for (const auto &[label, value] : fields)
        width = std::max(width, label.size());
    for (const auto &[label, value] : fields)
        out << indent << label.leftJustified(width) << u"  "_s << value << u'\n';
}

QString rowsText(const ProfileRun &run)
{
    if (run.sampledRows > 0 && run.sampledRows != run.rowCount)
        return CliTr::tr("%1 sampled of %2").arg(run.sampledRows).arg(run.rowCount);
    return QString::number(run.rowCount);
}

void printRun(const ProfileRun &run, QTextStream &out)
{
    out << u"%1  %2  %3  %4"_s.arg(run.canonicalKey, statusText(run.status), toString(run.tier), toString(run.trigger))
        << u'\n';
    if (run.status != RunStatus::Completed) {
        writeFields(out, {{CliTr::tr("error"), TextFormat::oneLine(run.error)},
                          {CliTr::tr("duration"), CliTr::tr("%1 ms").arg(run.durationMs)}});
        return;
    }
    const profiler::ColumnMetrics &metrics = run.metrics;
    const QString score = metrics.qualityScore ? QString::number(*metrics.qualityScore, 'f', 2) : u"-"_s;
    QList<std::pair<QString, QString>> fields{
        {CliTr::tr("rows"), rowsText(run)},
        {CliTr::tr("completeness"), percent(metrics.completeness)},
        {CliTr::tr("uniqueness"), percent(metrics.uniqueness)},
        {CliTr::tr("validity"), percent(metrics.validity)},
        {CliTr::tr("score"), score},
        {CliTr::tr("grade"), metrics.qualityGrade.isEmpty() ? u"-"_s : metrics.qualityGrade},
        {CliTr::tr("duration"), CliTr::tr("%1 ms").arg(run.durationMs)},
        {CliTr::tr("distinct"), metrics.distinctExact ? CliTr::tr("%1 (exact)").arg(metrics.distinct)
                                                      : CliTr::tr("%1 (estimate)").arg(metrics.distinct)},
    };
    if (!metrics.note.isEmpty())
        fields.append({CliTr::tr("note"), TextFormat::oneLine(metrics.note)});
    writeFields(out, fields);
    if (metrics.rules.isEmpty())
        return;
    out << u"  "_s << CliTr::tr("rules") << u'\n';
    QList<std::pair<QString, QString>> rules;
    for (const profiler::RuleOutcome &rule : metrics.rules)
        rules.append({u"%1 (%2)"_s.arg(rule.ruleKey, rule.ruleType),
                      CliTr::tr("%1 violations of %2 checked").arg(rule.violations).arg(rule.checked)});
    writeFields(out, rules, u"    "_s);
}

// The identity the run's events carry: the steward who asked, else the profiler itself.
Result<std::pair<QString, QString>> requester(Session &session, const QString &userId)
{
    if (userId.isEmpty())
        return std::pair<QString, QString>();
    auto user = DirectoryRepository(session.database()).user(session.tenant().id, userId);
    if (!user)
        return user.error();
    if (!user.value())
        return Error::make(ErrorCode::Forbidden,
                           CliTr::tr("%1 is not a user of tenant %2").arg(userId, session.tenant().name));
    return std::pair<QString, QString>(userId, toString(ApprovalPolicy::actingRole(*user.value())));
}

} // namespace

Status runProfile(Session &session, const CliOptions &options, QTextStream &out)
{
    const QUuid tenantId = session.tenant().id;
    profiler::ProfileRequest request;
    request.tenantId = tenantId;
    request.bypassCostGuard = options.now;
    request.options.sampleRows = options.sampleRows;

    if (options.due) {
        auto due = profiler::ProfileRepository(session.database()).dueKeys(tenantId, QDateTime::currentDateTimeUtc());
        if (!due)
            return due.error();
        if (due.value().isEmpty()) {
            out << CliTr::tr("No field of %1 is due for a profile.").arg(session.tenant().name) << u'\n';
            return std::nullopt;
        }
        request.canonicalKeys = due.value();
        request.trigger = profiler::Trigger::Schedule;
    } else {
        request.canonicalKeys = QStringList{options.arguments.constFirst().trimmed()};
        request.trigger = profiler::Trigger::Manual;
    }
    auto who = requester(session, options.user);
    if (!who)
        return who.error();
    request.actorId = who.value().first;
    request.actorRole = who.value().second;

    profiler::ProfileExecution execution(session.database());
    // Subscribers in this process (none today) hear of each step once it is committed.
    execution.setCommittedEventsHandler([&session](const QList<Event> &events) { session.bus().publish(events); });
    auto outcome = execution.execute(request);
    if (!outcome)
        return outcome.error();

    for (const profiler::SkippedField &skipped : outcome.value().skipped)
        out << u"%1  %2"_s.arg(skipped.canonicalKey, CliTr::tr("skipped")) << u'\n' << u"  "_s
            << TextFormat::oneLine(skipped.reason) << u'\n' << u"  "_s
            << CliTr::tr("run it anyway with: steward-cli profile %1 --now").arg(skipped.canonicalKey) << u'\n';

    QList<const ProfileRun *> failures;
    for (const ProfileRun &run : outcome.value().runs) {
        printRun(run, out);
        if (run.status != RunStatus::Completed)
            failures.append(&run);
    }
    out.flush();

    if (failures.isEmpty())
        return std::nullopt;
    const ProfileRun &first = *failures.constFirst();
    const QString reason =
        CliTr::tr("profiling %1 failed: %2").arg(first.canonicalKey, TextFormat::oneLine(first.error));
    if (outcome.value().runs.size() == 1)
        return Error::make(ErrorCode::Unavailable, reason);
    return Error::make(ErrorCode::Unavailable, CliTr::tr("%1 of %2 profiles failed; the first: %3")
                                                   .arg(failures.size())
                                                   .arg(outcome.value().runs.size())
                                                   .arg(reason));
}

} // namespace steward
