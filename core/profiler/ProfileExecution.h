#pragma once

#include "alerts/AlertRules.h"
#include "events/Event.h"
#include "model/Error.h"
#include "profiler/ProfileRunner.h"
#include "profiler/ProfileTypes.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <functional>

namespace steward {
class Database;
}

namespace steward::profiler {

// The profiler's event types, under the names the profiler reads best; spelled in EventType.
namespace ProfileEventType {
inline constexpr const auto &Started = EventType::ProfileStarted;
inline constexpr const auto &Completed = EventType::ProfileCompleted;
inline constexpr const auto &Failed = EventType::ProfileFailed;
inline constexpr const auto &Cancelled = EventType::ProfileCancelled;
inline constexpr const auto &Skipped = EventType::ProfileSkipped;
} // namespace ProfileEventType

// SPEC section 5: no automatic re-run within half a day of the field's last completed run.
inline constexpr qint64 kCostGuardSeconds = 12 * 60 * 60;

// What to profile, for whom, and how.
struct ProfileRequest
{
    QUuid tenantId;
    QStringList canonicalKeys; // fields of one table share one scan
    Trigger trigger = Trigger::Manual;
    bool bypassCostGuard = false; // "Profile now", steward-cli profile --now
    QString actorId;              // empty: the profiler itself ("profiler", role "system")
    QString actorRole;
    ProfileRunner::Options options;
};

// A field the cost guard kept from running.
struct SkippedField
{
    QString canonicalKey;
    QString reason;
    QDateTime lastCompletedAt;
};

struct ProfileOutcome
{
    QList<ProfileRun> runs; // saved in mdm_profile, in request order
    QList<SkippedField> skipped;
    QList<Event> events; // every event this execution committed, in order
};

// Runs one profile request synchronously on the calling thread, against a metadata
// database opened in that thread: the cost guard, then `metadata.profile.started`, the
// scan (ProfileRunner), and finally the mdm_profile rows with their completed / failed /
// cancelled events, the alert changes they cause (mdm_alert, alert.fired / alert.resolved)
// in one write transaction. Publishing is the caller's job: events
// reach `committed` (and the outcome) only after their transaction committed.
class ProfileExecution
{
public:
    using Clock = std::function<QDateTime()>;
    // Called after each commit with the events it stored (skipped, started, results).
    using CommittedEvents = std::function<void(const QList<Event> &events)>;

    explicit ProfileExecution(Database &metadata, Clock clock = {});

    void setCommittedEventsHandler(CommittedEvents handler) { m_committed = std::move(handler); }
    // The lines of the alert rules evaluated for every finished run (SPEC section 6).

    // Fails (without writing anything) when a key names no field of the tenant or the
    // database fails; a field that cannot be measured is a failed run, not an error.
    Result<ProfileOutcome> execute(const ProfileRequest &request);

    // Why the cost guard would skip the field now, or nothing when it may run.
    Result<std::optional<SkippedField>> costGuard(const QUuid &tenantId, const QString &canonicalKey) const;

private:
    Status commitEvents(QList<Event> &events, ProfileOutcome &outcome);
    Status commitRuns(const QList<ProfileRun> &runs, QList<Event> &events, ProfileOutcome &outcome);

    Database &m_metadata;
    Clock m_clock;
    CommittedEvents m_committed;
};

} // namespace steward::profiler
