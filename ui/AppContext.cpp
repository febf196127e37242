#include "AppContext.h"

#include "Session.h"
#include "team/TeamConnection.h"
#include "alerts/AlertRepository.h"
#include "alerts/AlertThresholdService.h"
#include "alerts/NotificationFeed.h"
#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "store/ApprovalRepository.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"
#include "store/EntityRepository.h"
#include "store/EventRepository.h"
#include "profiler/ProfileRepository.h"
#include "profiler/ProfileScheduler.h"
#include "profiler/ProfilerService.h"

namespace steward {

struct AppContext::Parts
{
    Parts(Database &database, const DatabaseUrl &url, jobs::JobRunner::Identity signInAs)
        : approvals(database, bus),
          approvalRepository(database),
          entities(database),
          events(database),
          directory(database),
          profiles(database),
          profiler(url, bus, std::move(signInAs)),
          scheduler(bus, profiler, database),
          alerts(database),
          thresholds(database, &bus),
          notifications(database)
    {
    }

    EventBus bus;
    ApprovalService approvals;
    ApprovalRepository approvalRepository;
    EntityRepository entities;
    EventRepository events;
    DirectoryRepository directory;
    profiler::ProfileRepository profiles;
    profiler::ProfilerService profiler; // its worker thread has its own connection
    profiler::ProfileScheduler scheduler; // approvals of critical fields become profile jobs
    alerts::AlertRepository alerts;
    alerts::AlertThresholdService thresholds;
    alerts::NotificationFeed notifications;
};

AppContext::AppContext() = default;

AppContext::~AppContext()
{
    m_team.reset();
    m_session.reset();
    m_parts.reset();
    m_database.reset();
}

Result<std::unique_ptr<AppContext>> AppContext::open(const DatabaseUrl &url, const QUuid &tenantId,
                                                     const QString &userId)
{
    auto database = Database::open(url);
    if (!database)
        return database.error();
    std::unique_ptr<AppContext> context(new AppContext);
    context->m_database = std::move(database.value());
    // The profiler's worker acts as whoever the session says at the time (built next).
    AppContext *self = context.get();
    context->m_parts = std::make_unique<Parts>(*context->m_database, url, [self] {
        return self->m_session ? self->m_session->actor() : Actor{};
    });
    context->m_session = std::make_unique<Session>(context->m_parts->directory, *context->m_database);
    if (const QString failed = context->m_session->load(tenantId, userId); !failed.isEmpty())
        return Error::make(ErrorCode::Unavailable, failed);
    if (context->m_database->isTeamDatabase())
        context->m_team =
            std::make_unique<TeamConnection>(*context->m_database, context->m_parts->bus, *context->m_session);
    return context;
}

AppServices AppContext::services() const
{
    return AppServices{m_parts->bus,      m_parts->approvals, m_parts->approvalRepository,
                       m_parts->entities, m_parts->events,    m_parts->directory,
                       m_parts->profiler, m_parts->profiles,  m_parts->scheduler,
                       m_parts->alerts,   m_parts->thresholds, m_parts->notifications, m_database->url(), m_team.get()};
}

} // namespace steward
