#pragma once

namespace steward {

class ApprovalRepository;
class ApprovalService;
class DirectoryRepository;
class EntityRepository;
class EventBus;
class EventRepository;
class TeamConnection;
struct DatabaseUrl;

namespace alerts {
class AlertRepository;
class AlertThresholdService;
class NotificationFeed;
} // namespace alerts

namespace profiler {
class ProfileRepository;
class ProfileScheduler;
class ProfilerService;
} // namespace profiler

// The long-lived services a window works with, created once by main() and passed in.
struct AppServices
{
    EventBus &bus;
    ApprovalService &approvals;
    ApprovalRepository &approvalRepository;
    EntityRepository &entities;
    EventRepository &events;
    DirectoryRepository &directory;
    profiler::ProfilerService &profiler;
    profiler::ProfileRepository &profiles;
    profiler::ProfileScheduler &scheduler;
    alerts::AlertRepository &alerts;
    alerts::AlertThresholdService &thresholds; // the tenant's alert lines
    alerts::NotificationFeed &notifications;
    // Where the GUI thread's connection points; worker threads open their own to it.
    const DatabaseUrl &databaseUrl;
    // The live link to a team database; null on the embedded one.
    TeamConnection *team = nullptr;
};

} // namespace steward
