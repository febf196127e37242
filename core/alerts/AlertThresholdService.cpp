#include "alerts/AlertThresholdService.h"

#include "Tr.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"
#include "store/EventRepository.h"
#include "store/WriteTransaction.h"

#include <QLocale>

#include <array>

using namespace Qt::StringLiterals;

namespace steward::alerts {
namespace {

// The settings rows, one per threshold, and where each lives in the struct.
struct ThresholdSetting
{
    const char16_t *name;
    double AlertThresholds::*member;
};

constexpr std::array<ThresholdSetting, 3> kSettings{{
    {u"alerts.tier1_fire_below", &AlertThresholds::tier1FireBelow},
    {u"alerts.tier1_resolve_at", &AlertThresholds::tier1ResolveAt},
    {u"alerts.max_drop_points", &AlertThresholds::maxDropPoints},
}};

bool isScore(double value)
{
    return value >= 0.0 && value <= 100.0;
}

QJsonObject toJson(const AlertThresholds &thresholds)
{
    return {{u"tier1FireBelow"_s, thresholds.tier1FireBelow},
            {u"tier1ResolveAt"_s, thresholds.tier1ResolveAt},
            {u"maxDropPoints"_s, thresholds.maxDropPoints}};
}

} // namespace

QString thresholdsProblem(const AlertThresholds &thresholds)
{
    if (!isScore(thresholds.tier1FireBelow) || !isScore(thresholds.tier1ResolveAt))
        return CoreTr::tr("Scores run from 0 to 100.");
    if (!isScore(thresholds.maxDropPoints))
        return CoreTr::tr("A drop is measured in points from 0 to 100.");
    if (thresholds.tier1ResolveAt < thresholds.tier1FireBelow)
        return CoreTr::tr("An alert must resolve at or above the score it fires below (%1), or it would fire "
                          "and resolve on the same score.")
            .arg(QLocale().toString(thresholds.tier1FireBelow, 'f', 1));
    return {};
}

AlertThresholdService::AlertThresholdService(Database &database, EventBus *bus, Clock clock)
    : m_database(database),
      m_bus(bus),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
}

Result<AlertThresholds> AlertThresholdService::load(const QUuid &tenantId) const
{
    return read(m_database, tenantId);
}

Result<AlertThresholds> AlertThresholdService::read(const Database &database, const QUuid &tenantId)
{
    auto query = database.run(u"SELECT name, value FROM mdm_tenant_setting WHERE tenant_id = ? AND name LIKE 'alerts.%'"_s,
                                {uuidText(tenantId)});
    if (!query)
        return query.error();
    AlertThresholds thresholds;
    while (query.value().next()) {
        const QString name = query.value().value(0).toString();
        const auto setting = std::find_if(kSettings.cbegin(), kSettings.cend(), [&name](const ThresholdSetting &s) {
            return name == QStringView(s.name);
        });
        if (setting == kSettings.cend())
            continue; // a threshold of a later version
        bool ok = false;
        const double value = query.value().value(1).toString().toDouble(&ok);
        if (!ok)
            return Error::make(ErrorCode::Unavailable,
                               CoreTr::tr("the stored alert threshold %1 is not a number: %2")
                                   .arg(name, query.value().value(1).toString().left(40)));
        thresholds.*(setting->member) = value;
    }
    if (const QString problem = thresholdsProblem(thresholds); !problem.isEmpty())
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the stored alert thresholds of this tenant cannot be used: %1").arg(problem));
    return thresholds;
}

Result<AlertThresholds> AlertThresholdService::save(const Actor &actor, const AlertThresholds &thresholds)
{
    if (const QString problem = thresholdsProblem(thresholds); !problem.isEmpty())
        return Error::invalid(u"thresholds"_s, problem);

    WriteTransaction transaction(m_database);
    if (auto failed = transaction.begin())
        return *failed;
    // The role is read inside the transaction, so a role revoked a moment ago counts.
    auto user = DirectoryRepository(m_database).user(actor.tenantId, actor.userId);
    if (!user)
        return user.error();
    if (!user.value() || !user.value()->holds(Role::MetadataSteward))
        return Error::make(ErrorCode::Forbidden,
                           CoreTr::tr("only a metadata steward of this tenant may change its alert thresholds"));
    auto before = load(actor.tenantId);
    if (!before)
        return before.error();

    const QDateTime now = m_clock();
    for (const ThresholdSetting &setting : kSettings) {
        auto written = m_database.run(
            u"INSERT INTO mdm_tenant_setting (tenant_id, name, value, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) "
            u"ON CONFLICT (tenant_id, name) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, "
            u"updated_at = excluded.updated_at"_s,
            {uuidText(actor.tenantId), QString::fromUtf16(setting.name),
             QString::number(thresholds.*(setting.member), 'g', 17), actor.userId, toIsoTimestamp(now)});
        if (!written)
            return written.error();
    }
    Event event = Event::make(QString::fromUtf16(ThresholdEventType::Changed), actor.tenantId, actor.userId,
                              toString(Role::MetadataSteward), QUuid(),
                              {{u"before"_s, toJson(before.value())}, {u"after"_s, toJson(thresholds)}}, now);
    if (auto failed = EventRepository(m_database).insert(event))
        return *failed;
    if (auto failed = transaction.commit())
        return *failed;
    if (m_bus)
        m_bus->publish({event});
    return thresholds;
}

} // namespace steward::alerts
