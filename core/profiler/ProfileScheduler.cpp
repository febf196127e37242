#include "profiler/ProfileScheduler.h"

#include "events/EventBus.h"
#include "profiler/ProfileRepository.h"
#include "profiler/ProfilerService.h"

using namespace Qt::StringLiterals;

namespace steward::profiler {

ProfileScheduler::ProfileScheduler(EventBus &bus, ProfilerService &profiler, Database &metadata, QObject *parent,
                                   Clock clock)
    : QObject(parent), m_profiler(profiler), m_metadata(metadata),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    connect(&bus, &EventBus::profileDue, this, &ProfileScheduler::onProfileDue);
}

void ProfileScheduler::onProfileDue(const Event &event)
{
    const QString key = event.payload.value(u"canonicalKey"_s).toString();
    if (key.isEmpty())
        return;
    const Trigger trigger =
        event.payload.value(u"reason"_s).toString() == u"RULE_CHANGE"_s ? Trigger::RuleChange : Trigger::Approval;
    const bool high = event.payload.value(u"priority"_s).toString(u"high"_s) == u"high"_s;
    // Automatic: the cost guard decides whether it really runs.
    const quint64 jobId = m_profiler.request(event.tenantId, key, trigger, high, false);
    Q_EMIT jobRequested(jobId, key);
}

Result<int> ProfileScheduler::runDue(const QUuid &tenantId)
{
    auto due = ProfileRepository(m_metadata).dueKeys(tenantId, m_clock());
    if (!due)
        return due.error();
    // A field already waiting or running needs no second job.
    QStringList pending;
    for (const ProfileJob &job : m_profiler.jobs()) {
        if (job.tenantId == tenantId)
            pending.append(job.canonicalKey);
    }
    int requested = 0;
    for (const QString &key : due.value()) {
        if (pending.contains(key))
            continue;
        m_profiler.request(tenantId, key, Trigger::Schedule, false, false);
        ++requested;
    }
    return requested;
}

} // namespace steward::profiler
