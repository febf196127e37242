#include "profiler/ProfileExecution.h"

#include "Tr.h"
#include "model/Approval.h"
#include "profiler/ProfileRepository.h"
#include "store/Database.h"
#include "store/EntityRepository.h"
#include "store/EventRepository.h"
#include "store/WriteTransaction.h"

#include <QHash>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QStringList withoutDuplicates(const QStringList &keys)
{
    QStringList unique;
    for (const QString &key : keys) {
        const QString trimmed = key.trimmed();
        if (!trimmed.isEmpty() && !unique.contains(trimmed))
            unique.append(trimmed);
    }
    return unique;
}

// A run that never got measured, e.g. because the scan could not start.
ProfileRun unmeasuredRun(const ProfileRequest &request, const EntitySnapshot &field, const QString &error,
                         const QDateTime &now)
{
    ProfileRun run;
    run.tenantId = request.tenantId;
    run.canonicalKey = field.canonicalKey;
    run.entityUrn = field.state.value(u"entityUrn"_s).toString();
    run.domain = field.state.value(u"domain"_s).toString();
    run.tier = tierFromString(field.state.value(u"tier"_s).toString()).value_or(Tier::Tier3);
    run.trigger = request.trigger;
    run.status = RunStatus::Failed;
    run.error = error;
    run.createdAt = now;
    return run;
}

} // namespace

ProfileExecution::ProfileExecution(Database &metadata, Clock clock)
    : m_metadata(metadata), m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

Result<std::optional<SkippedField>> ProfileExecution::costGuard(const QUuid &tenantId,
                                                                const QString &canonicalKey) const
{
    auto last = ProfileRepository(m_metadata).lastCompletedAt(tenantId, canonicalKey);
    if (!last)
        return last.error();
    if (!last.value() || !last.value()->isValid())
        return std::optional<SkippedField>();
    const QDateTime lastCompleted = *last.value();
    const qint64 age = lastCompleted.secsTo(m_clock());
    if (age >= kCostGuardSeconds)
        return std::optional<SkippedField>();
    const qint64 minutes = std::max<qint64>(0, age) / 60;
    const QString reason =
        CoreTr::tr("the last completed profile is %1 h %2 min old (%3); automatic runs of a field wait "
                   "at least 12 hours")
            .arg(minutes / 60)
            .arg(minutes % 60)
            .arg(toIsoTimestamp(lastCompleted));
    return std::optional<SkippedField>(SkippedField{canonicalKey, reason, lastCompleted});
}

Status ProfileExecution::commitEvents(QList<Event> &events, ProfileOutcome &outcome)
{
    if (events.isEmpty())
        return std::nullopt;
    EventRepository repository(m_metadata);
    WriteTransaction transaction(m_metadata);
    if (auto failed = transaction.begin())
        return failed;
    for (Event &event : events) {
        if (auto failed = repository.insert(event))
            return failed;
    }
    if (auto failed = transaction.commit())
        return failed;
    outcome.events += events;
    if (m_committed)
        m_committed(events);
    return std::nullopt;
}

Status ProfileExecution::commitRuns(const QList<ProfileRun> &runs, QList<Event> &events, ProfileOutcome &outcome)
{
    ProfileRepository profiles(m_metadata);
    EventRepository repository(m_metadata);
    WriteTransaction transaction(m_metadata);
    if (auto failed = transaction.begin())
        return failed;
    for (const ProfileRun &run : runs) {
        if (auto failed = profiles.insert(run))
            return failed;
    }
    for (Event &event : events) {
        if (auto failed = repository.insert(event))
            return failed;
    }
    if (auto failed = transaction.commit())
        return failed;
    outcome.runs += runs;
    outcome.events += events;
    if (m_committed)
        m_committed(events);
    return std::nullopt;
}

Result<ProfileOutcome> ProfileExecution::execute(const ProfileRequest &request)
{
    const QString actorId = request.actorId.isEmpty() ? u"profiler"_s : request.actorId;
    const QString actorRole = request.actorId.isEmpty() ? u"system"_s : request.actorRole;
    const QStringList keys = withoutDuplicates(request.canonicalKeys);
    ProfileOutcome outcome;
    if (keys.isEmpty())
        return outcome;

    // Every key must name a field of this tenant before anything is written.
    EntityRepository entities(m_metadata);
    QHash<QString, EntitySnapshot> fields;
    for (const QString &key : keys) {
        auto field = entities.findByKey(request.tenantId, EntityType::GlobalMetadata, key);
        if (!field)
            return field.error();
        if (!field.value())
            return Error::make(ErrorCode::NotFound, CoreTr::tr("no field \"%1\" in this tenant").arg(key));
        fields.insert(key, *field.value());
    }

    // The cost guard: automatic runs of recently profiled fields end here.
    QStringList toRun;
    QList<Event> skippedEvents;
    for (const QString &key : keys) {
        std::optional<SkippedField> skip;
        if (!request.bypassCostGuard) {
            auto guard = costGuard(request.tenantId, key);
            if (!guard)
                return guard.error();
            skip = guard.value();
        }
        if (!skip) {
            toRun.append(key);
            continue;
        }
        outcome.skipped.append(*skip);
        skippedEvents.append(Event::make(QString::fromUtf16(ProfileEventType::Skipped), request.tenantId, actorId,
                                         actorRole, QUuid(),
                                         {{u"canonicalKey"_s, key},
                                          {u"trigger"_s, toString(request.trigger)},
                                          {u"reason"_s, skip->reason},
                                          {u"lastCompletedAt"_s, toIsoTimestamp(skip->lastCompletedAt)}},
                                         m_clock()));
    }
    if (auto failed = commitEvents(skippedEvents, outcome))
        return *failed;
    if (toRun.isEmpty())
        return outcome;

    // Each run's id is fixed before it starts, so its events correlate from the start.
    QHash<QString, QUuid> profileIds;
    QList<Event> started;
    for (const QString &key : std::as_const(toRun)) {
        const QUuid id = QUuid::createUuid();
        profileIds.insert(key, id);
        started.append(Event::make(QString::fromUtf16(ProfileEventType::Started), request.tenantId, actorId, actorRole,
                                   id, {{u"canonicalKey"_s, key}, {u"trigger"_s, toString(request.trigger)}},
                                   m_clock()));
    }
    if (auto failed = commitEvents(started, outcome))
        return *failed;

    QHash<QString, ProfileRun> measured;
    {
        ProfileRunner runner(m_metadata);
        auto runs = runner.run(request.tenantId, toRun, request.trigger, request.options);
        if (runs) {
            for (const ProfileRun &run : runs.value())
                measured.insert(run.canonicalKey, run);
        } else {
            // The scan never started for any field: each started run still ends, as failed.
            for (const QString &key : std::as_const(toRun))
                measured.insert(key, unmeasuredRun(request, fields.value(key), runs.error().text(), m_clock()));
        }
    }

    QList<ProfileRun> finished;
    QList<Event> results;
    for (const QString &key : std::as_const(toRun)) {
        ProfileRun run = measured.contains(key)
                             ? measured.value(key)
                             : unmeasuredRun(request, fields.value(key),
                                             CoreTr::tr("the profiler returned no result for this field"), m_clock());
        run.id = profileIds.value(key);
        run.tenantId = request.tenantId;
        run.canonicalKey = key;
        run.trigger = request.trigger;
        if (!run.createdAt.isValid())
            run.createdAt = m_clock();
        if (run.status != RunStatus::Completed && run.error.isEmpty())
            run.error = run.status == RunStatus::Cancelled ? CoreTr::tr("the run was cancelled")
                                                           : CoreTr::tr("the run failed for an unknown reason");
        finished.append(run);

        const QString profileId = uuidText(run.id);
        QJsonObject payload;
        const char16_t *type = ProfileEventType::Completed;
        switch (run.status) {
        case RunStatus::Completed:
            payload = {{u"profileId"_s, profileId},
                       {u"canonicalKey"_s, key},
                       {u"tier"_s, toString(run.tier)},
                       {u"trigger"_s, toString(run.trigger)},
                       {u"completeness"_s, optionalNumber(run.metrics.completeness)},
                       {u"uniqueness"_s, optionalNumber(run.metrics.uniqueness)},
                       {u"validity"_s, optionalNumber(run.metrics.validity)},
                       {u"qualityScore"_s, optionalNumber(run.metrics.qualityScore)},
                       {u"qualityGrade"_s,
                        run.metrics.qualityGrade.isEmpty() ? QJsonValue() : QJsonValue(run.metrics.qualityGrade)},
                       {u"rowCount"_s, run.rowCount},
                       {u"sampledRows"_s, run.sampledRows},
                       {u"durationMs"_s, run.durationMs}};
            if (!run.metrics.note.isEmpty())
                payload.insert(u"note"_s, run.metrics.note);
            break;
        case RunStatus::Failed:
            type = ProfileEventType::Failed;
            payload = {{u"profileId"_s, profileId},     {u"canonicalKey"_s, key},
                       {u"tier"_s, toString(run.tier)}, {u"trigger"_s, toString(run.trigger)},
                       {u"error"_s, run.error},         {u"durationMs"_s, run.durationMs}};
            break;
        case RunStatus::Cancelled:
            type = ProfileEventType::Cancelled;
            payload = {{u"profileId"_s, profileId},     {u"canonicalKey"_s, key},
                       {u"tier"_s, toString(run.tier)}, {u"trigger"_s, toString(run.trigger)},
                       {u"reason"_s, run.error},        {u"durationMs"_s, run.durationMs}};
            break;
        }
        results.append(
            Event::make(QString::fromUtf16(type), request.tenantId, actorId, actorRole, run.id, payload, m_clock()));
    }
    if (auto failed = commitRuns(finished, results, outcome))
        return *failed;
    return outcome;
}

} // namespace steward::profiler
