#pragma once

#include "alerts/AlertRules.h"
#include "model/Error.h"
#include "model/User.h"

#include <QDateTime>

#include <functional>

namespace steward {
class Database;
class EventBus;
} // namespace steward

namespace steward::alerts {

// Event type of a change to a tenant's thresholds.
namespace ThresholdEventType {
inline constexpr char16_t Changed[] = u"alert.thresholds.changed";
} // namespace ThresholdEventType

// Why these thresholds cannot be used (scores 0..100, resolve at or above fire), or an
// empty string when they can.
QString thresholdsProblem(const AlertThresholds &thresholds);

// The alert thresholds of a tenant, stored in mdm_tenant_setting: the one source every
// desktop, steward-cli, the Quality page, the reports and /metrics read. A change is a
// metadata_steward's decision, written with its `alert.thresholds.changed` event in one
// transaction and published on the bus after commit.
class AlertThresholdService
{
public:
    using Clock = std::function<QDateTime()>;

    AlertThresholdService(Database &database, EventBus *bus = nullptr, Clock clock = {});

    // The tenant's thresholds; SPEC section 6's defaults for what was never set. A stored
    // value that is not usable is an error naming it, not a silent default.
    Result<AlertThresholds> load(const QUuid &tenantId) const;
    // The same on any connection, for readers that hold no service (reports, /metrics).
    static Result<AlertThresholds> read(const Database &database, const QUuid &tenantId);
    // Stores them for the actor's tenant. Refused unless the actor holds metadata_steward
    // there and the thresholds are usable; nothing is written then.
    Result<AlertThresholds> save(const Actor &actor, const AlertThresholds &thresholds);

private:
    Database &m_database;
    EventBus *m_bus;
    Clock m_clock;
};

} // namespace steward::alerts
