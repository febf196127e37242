#include "model/Types.h"

#include "Tr.h"
#include "model/EnumSpelling.h"

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr SpellingTable<EntityType, 4> kEntityTypes{{
    {EntityType::GlobalMetadata, u"GLOBAL_METADATA"},
    {EntityType::Kpi, u"KPI"},
    {EntityType::BusinessRule, u"BUSINESS_RULE"},
    {EntityType::Glossary, u"GLOSSARY"},
}};

constexpr SpellingTable<Tier, 5> kTiers{{
    {Tier::Tier1, u"tier1"},
    {Tier::Tier2, u"tier2"},
    {Tier::Tier3, u"tier3"},
    {Tier::Tier4, u"tier4"},
    {Tier::Tier5, u"tier5"},
}};

constexpr SpellingTable<Lane, 3> kLanes{{
    {Lane::Kernel, u"kernel"},
    {Lane::Governed, u"governed"},
    {Lane::Draft, u"draft"},
}};

constexpr SpellingTable<Role, 4> kRoles{{
    {Role::KernelArchitect, u"kernel_architect"},
    {Role::MetadataSteward, u"metadata_steward"},
    {Role::DataOwner, u"data_owner"},
    {Role::Viewer, u"viewer"},
}};

constexpr SpellingTable<ApprovalStatus, 4> kStatuses{{
    {ApprovalStatus::Pending, u"pending"},
    {ApprovalStatus::Approved, u"approved"},
    {ApprovalStatus::Rejected, u"rejected"},
    {ApprovalStatus::Cancelled, u"cancelled"},
}};

} // namespace

QString toString(EntityType type) { return spell(kEntityTypes, type); }
QString toString(Tier tier) { return spell(kTiers, tier); }
QString toString(Lane lane) { return spell(kLanes, lane); }
QString toString(Role role) { return spell(kRoles, role); }
QString toString(ApprovalStatus status) { return spell(kStatuses, status); }

std::optional<EntityType> entityTypeFromString(QStringView text) { return parseSpelling(kEntityTypes, text); }
std::optional<Tier> tierFromString(QStringView text) { return parseSpelling(kTiers, text); }
std::optional<Lane> laneFromString(QStringView text)
{
    if (text == u"kernel_only")
        return Lane::Kernel;
    return parseSpelling(kLanes, text);
}
std::optional<Role> roleFromString(QStringView text) { return parseSpelling(kRoles, text); }
std::optional<ApprovalStatus> approvalStatusFromString(QStringView text) { return parseSpelling(kStatuses, text); }

QList<EntityType> allEntityTypes() { return spelledValues(kEntityTypes); }
QList<Tier> allTiers() { return spelledValues(kTiers); }
QList<Lane> allLanes() { return spelledValues(kLanes); }
QList<Role> allRoles() { return spelledValues(kRoles); }
QList<ApprovalStatus> allApprovalStatuses() { return spelledValues(kStatuses); }

QString displayName(EntityType type)
{
    switch (type) {
    case EntityType::GlobalMetadata: return CoreTr::tr("Field definition");
    case EntityType::Kpi: return CoreTr::tr("KPI");
    case EntityType::BusinessRule: return CoreTr::tr("Business rule");
    case EntityType::Glossary: return CoreTr::tr("Glossary term");
    }
    return {};
}

QString displayName(Role role)
{
    switch (role) {
    case Role::KernelArchitect: return CoreTr::tr("Kernel architect");
    case Role::MetadataSteward: return CoreTr::tr("Metadata steward");
    case Role::DataOwner: return CoreTr::tr("Data owner");
    case Role::Viewer: return CoreTr::tr("Viewer");
    }
    return {};
}

QString displayName(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::Pending: return CoreTr::tr("Pending");
    case ApprovalStatus::Approved: return CoreTr::tr("Approved");
    case ApprovalStatus::Rejected: return CoreTr::tr("Rejected");
    case ApprovalStatus::Cancelled: return CoreTr::tr("Cancelled");
    }
    return {};
}

QString displayName(Lane lane)
{
    switch (lane) {
    case Lane::Kernel: return CoreTr::tr("Kernel");
    case Lane::Governed: return CoreTr::tr("Governed");
    case Lane::Draft: return CoreTr::tr("Draft");
    }
    return {};
}

bool isCritical(Tier tier) { return tier == Tier::Tier1 || tier == Tier::Tier2; }

std::optional<int> profileIntervalDays(Tier tier)
{
    switch (tier) {
    case Tier::Tier1: return 1;
    case Tier::Tier2: return 3;
    case Tier::Tier3: return 7;
    case Tier::Tier4: return 30;
    case Tier::Tier5: return std::nullopt;
    }
    return std::nullopt;
}

int profileWindowDays(Tier tier)
{
    constexpr int kUnscheduledWindowDays = 30;
    return profileIntervalDays(tier).value_or(kUnscheduledWindowDays);
}

Error unknownStoredValue(const QString &column, const QString &value)
{
    return Error::make(ErrorCode::Unavailable,
                       CoreTr::tr("the database holds \"%1\" in %2, which is not a value this version knows; "
                                  "the row was written by another tool or a newer version")
                           .arg(value, column));
}

} // namespace steward
