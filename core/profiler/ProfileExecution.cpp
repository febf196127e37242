#include "profiler/ProfileExecution.h"

#include "Tr.h"
#include "alerts/AlertRepository.h"
#include "alerts/AlertThresholdService.h"
#include "model/Approval.h"
#include "profiler/ProfileRepository.h"
#include "store/Database.h"
#include "store/EntityRepository.h"
#include "store/EventRepository.h"
#include "store/WriteTransaction.h"

#include <QHash>
#include <QJsonValue>

#include <algorithm>

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
    run.entityUrn = field.document.stringMember(u"entityUrn"_s);
    run.domain = field.document.stringMember(u"domain"_s);
    run.tier = tierFromString(field.document.stringMember(u"tier"_s)).value_or(Tier::Tier3);
    run.trigger = request.trigger;
    run.status = RunStatus::Failed;
    run.error = error;
    run.createdAt = now;
    return run;
}

// Evaluates the alert rules for a finished run (before the run itself is stored, so the
// previous completed score is the field's last one), writes the mdm_alert changes and
// appends their events, correlated by alert id, with the actor of the run's event.
Status evaluateAlerts(Database &database, const ProfileRun &run, const Event &runEvent,
                      const alerts::AlertThresholds &thresholds, QList<Event> &alertEvents)
{
    if (run.status == RunStatus::Cancelled)
        return std::nullopt;
    alerts::AlertRepository repository(database);
    auto open = repository.openForField(run.tenantId, run.canonicalKey);
    if (!open)
        return open.error();
    auto previous = repository.lastCompletedScore(run.tenantId, run.canonicalKey);
    if (!previous)
        return previous.error();
    const alerts::RunObservation observation{run.canonicalKey, run.tier, run.status == RunStatus::Failed,
                                             run.status == RunStatus::Completed ? run.metrics.qualityScore
                                                                                : std::nullopt,
                                             previous.value()};
    const alerts::AlertDecision decision = alerts::evaluateRun(observation, open.value(), thresholds);
    for (const alerts::ResolvedAlert &resolved : decision.resolved) {
        if (auto failed = repository.markResolved(run.tenantId, resolved.id, run.createdAt))
            return failed;
        alertEvents.append(Event::make(QString::fromUtf16(alerts::AlertEventType::Resolved), run.tenantId,
                                       runEvent.actorId, runEvent.actorRole, resolved.id,
                                       {{u"alertId"_s, uuidText(resolved.id)},
                                        {u"rule"_s, resolved.rule},
                                        {u"canonicalKey"_s, resolved.canonicalKey},
                                        {u"value"_s, optionalNumber(resolved.value)}},
                                       run.createdAt));
    }
    for (const alerts::FiredAlert &fired : decision.fired) {
        const alerts::Alert alert{QUuid::createUuid(), run.tenantId, fired.rule, fired.canonicalKey, fired.severity,
                                  true, fired.value, run.createdAt, {}, {}};
        if (auto failed = repository.insertFired(alert))
            return failed;
        alertEvents.append(Event::make(QString::fromUtf16(alerts::AlertEventType::Fired), run.tenantId,
                                       runEvent.actorId, runEvent.actorRole, alert.id,
                                       {{u"alertId"_s, uuidText(alert.id)},
                                        {u"rule"_s, fired.rule},
                                        {u"canonicalKey"_s, fired.canonicalKey},
                                        {u"tier"_s, toString(fired.tier)},
                                        {u"severity"_s, fired.severity},
                                        {u"value"_s, optionalNumber(fired.value)},
                                        {u"threshold"_s, optionalNumber(fired.threshold)}},
                                       run.createdAt));
    }
    return std::nullopt;
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
    // Events without runs (skipped, started) take the same path as a run's results.
    return events.isEmpty() ? std::nullopt : commitRuns({}, events, outcome);
}

Status ProfileExecution::commitRuns(const QList<ProfileRun> &runs, QList<Event> &events, ProfileOutcome &outcome)
{
    ProfileRepository profiles(m_metadata);
    EventRepository repository(m_metadata);
    WriteTransaction transaction(m_metadata);
    if (auto failed = transaction.begin())
        return failed;
    QList<Event> alertEvents;
    // The tenant's thresholds as they are now, read inside the run's transaction: every
    // desktop and steward-cli draw the same lines.
    QHash<QUuid, alerts::AlertThresholds> thresholds;
    for (const ProfileRun &run : runs) {
        if (thresholds.contains(run.tenantId))
            continue;
        auto loaded = alerts::AlertThresholdService(m_metadata).load(run.tenantId);
        if (!loaded)
            return loaded.error();
        thresholds.insert(run.tenantId, loaded.value());
    }
    for (const ProfileRun &run : runs) {
        const auto runEvent = std::find_if(events.cbegin(), events.cend(),
                                           [&run](const Event &event) { return event.correlationId == run.id; });
        if (runEvent != events.cend()) {
            if (auto failed = evaluateAlerts(m_metadata, run, *runEvent, thresholds.value(run.tenantId), alertEvents))
                return failed;
        }
        if (auto failed = profiles.insert(run))
            return failed;
    }
    events += alertEvents;
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
        case RunStatus::Cancelled: {
            const bool failed = run.status == RunStatus::Failed;
            type = failed ? ProfileEventType::Failed : ProfileEventType::Cancelled;
            payload = {{u"profileId"_s, profileId},     {u"canonicalKey"_s, key},
                       {u"tier"_s, toString(run.tier)}, {u"trigger"_s, toString(run.trigger)},
                       {failed ? u"error"_s : u"reason"_s, run.error}, {u"durationMs"_s, run.durationMs}};
            break;
        }
        }
        results.append(
            Event::make(QString::fromUtf16(type), request.tenantId, actorId, actorRole, run.id, payload, m_clock()));
    }
    if (auto failed = commitRuns(finished, results, outcome))
        return *failed;
    return outcome;
}

} // namespace steward::profiler
